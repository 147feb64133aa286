/** Runs a plan on a test environment's worker until it ends, failed or not, for tests that look at the end. */
import assert from 'node:assert/strict';
import { WorkflowFailedError } from '@temporalio/client';
import { compile, validateApplication, type ApplicationInput, type Plan } from '../../src/index.js';
import { RUN_WORKFLOW_TYPE, statusQuery, type RunStatus } from '../../workflows/contract.js';
import { uniqueName, type RunEnvironment } from './servers.js';

/** Starts a run of `plan` (or of a spec, compiled) and resolves with its final status; a failed run is no error. */
export async function runToEnd(env: RunEnvironment, plan: Plan | ApplicationInput): Promise<RunStatus> {
  const args = ['steps' in plan ? plan : compile(validateApplication(plan))];
  const handle = await env.client.workflow.start(RUN_WORKFLOW_TYPE, { args, taskQueue: env.worker.taskQueue, workflowId: uniqueName('run') });
  await handle.result().catch((e: unknown) => assert.ok(e instanceof WorkflowFailedError, String(e)));
  return handle.query(statusQuery);
}
