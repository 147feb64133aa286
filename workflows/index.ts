/** Workflow entry point for the worker bundle: exports every workflow type. */
export { coordinateApplication } from './coordinate-application.js';
export { runApplication } from './run-application.js';
