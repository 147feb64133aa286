/**
 * `npm run build` (after tsc): bundles the compiled workflow code into dist/workflow-bundle.js, so
 * a production worker loads it instead of running webpack at start (faster start, ~200 MB less
 * resident memory for the life of the process).
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
// the failure converter must be in the bundle for workflow failures to be encoded (see workers/failure-converter.ts),
// and the interceptors for unsealed inputs to be refused (see workflows/interceptors.ts)
const { code } = await bundleWorkflowCode({ workflowsPath: `${dist}workflows/index.js`, failureConverterPath: `${dist}workers/failure-converter.js`, workflowInterceptorModules: [`${dist}workflows/interceptors.js`], logger: { info: () => undefined, warn: console.warn, error: console.error, debug: () => undefined, trace: () => undefined, log: () => undefined } });
await writeFile(`${dist}workflow-bundle.js`, code);
console.log(`wrote dist/workflow-bundle.js (${(code.length / 1024).toFixed(0)} KiB)`);
