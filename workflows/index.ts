/** Workflow entry point for the worker bundle: exports every workflow type. */
export { runApplication } from './run-application.js';
