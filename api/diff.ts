/**
 * POST /v1/diff: what a run of a spec would change, answered at once. Checked like POST /v1/runs
 * (spec, namespace, platform policy); then a short workflow (diffApplication) has the worker
 * dry-run every apply and compare it with the live objects (activities/diff-manifests.ts), and
 * the answer is its result. Changes nothing. Secret values never appear in the answer.
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { WorkflowFailedError, type Client } from '@temporalio/client';
import { compile, MAX_PLAN_BYTES, planBytes, validateSpecText, type DiffResult, type PlatformPolicy } from '../src/index.js';
import { DIFF_WORKFLOW_TYPE, runId } from '../workflows/contract.js';
import type { Auth } from './auth.js';
import { UnprocessableError } from './errors.js';
import { readBody } from './body.js';
import { enforcePolicy } from './policy.js';

export interface DiffDeps {
  temporal: Client;
  taskQueue: string;
  auth: Auth;
  policy: PlatformPolicy;
}

/** How long the diff may take before the API gives up on it. */
const DIFF_TIMEOUT = '60 seconds';

/** The innermost failure's message (the activity's own sits under ActivityFailure.cause). */
function causeOf(e: Error): string {
  let cur: unknown = e;
  while (cur instanceof Error && cur.cause instanceof Error) cur = cur.cause;
  return cur instanceof Error ? cur.message : String(cur);
}

export function createDiffRoutes({ temporal, taskQueue, auth, policy }: DiffDeps) {
  return new Hono().post('/', auth.require('operator'), async (c) => {
    const text = await readBody(c);
    const spec = validateSpecText(text);
    auth.checkNamespace(c, spec.namespace);
    enforcePolicy(policy, { caller: auth.caller(c), spec, text });
    const plan = compile(spec);
    const bytes = planBytes(plan);
    if (bytes > MAX_PLAN_BYTES) {
      throw new UnprocessableError(`the compiled plan is ${bytes} bytes; at most ${MAX_PLAN_BYTES} bytes fit Temporal's payload limit`, 'split the application into smaller ones');
    }
    // the id names the namespace (runId): the codec binds the diff's payloads to it, and the worker holds the activity to it
    const workflowId = runId(plan.namespace, `${plan.application}-diff-${randomBytes(4).toString('hex')}`);
    try {
      const result: DiffResult = await temporal.workflow.execute(DIFF_WORKFLOW_TYPE, { workflowId, taskQueue, args: [{ spec: plan.spec }], workflowExecutionTimeout: DIFF_TIMEOUT });
      return c.json(result, 200);
    } catch (e) {
      if (e instanceof WorkflowFailedError) throw new UnprocessableError(`the diff of ${plan.namespace}/${plan.application} failed: ${causeOf(e)}`, 'check the spec with POST /v1/validate, and that the worker reaches the cluster');
      throw e;
    }
  });
}
