/** Workflow entry point for the worker bundle: exports every workflow type. */
export { coordinateApplication } from './coordinate-application.js';
export { runApplication } from './run-application.js';
export { diffApplication } from './diff-application.js';
