/**
 * Acting on a run: approve or reject a waiting approval step, cancel (the workflow cleans up and
 * ends Cancelled), terminate (admin: stops at once, no cleanup), retry a failed run from its
 * failed step. Each checks the caller's role and the run's namespace first.
 */
import { Hono, type Context } from 'hono';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { z } from 'zod';
import { compile, issueDetails, SpecInvalidError, validateApplication } from '../src/index.js';
import { approveUpdate, namespaceOfWorkflowId, runId, statusQuery, type StepStatus } from '../workflows/contract.js';
import { ConflictError, UnprocessableError } from './errors.js';
import { planOf } from './payloads.js';
import { enforcePolicy } from './policy.js';
import { describeRun, PHASE_BY_TEMPORAL, runLinks, startRun, type RunsDeps } from './runs.js';
import { readBody } from './body.js';

export const DecisionBody = z.object({
  step: z.string().min(1).describe('the approval step'),
  by: z.string().min(1).optional().describe('who decides; defaults to the token name'),
  comment: z.string().max(2000).optional(),
});

export const ReasonBody = z.object({ reason: z.string().max(2000).optional() });

async function jsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const text = await readBody(c);
  let raw: unknown = {};
  try {
    raw = text.trim() ? JSON.parse(text) : {};
  } catch (e) {
    throw new SpecInvalidError([{ path: '$', message: `not JSON: ${(e as Error).message}` }]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new SpecInvalidError(issueDetails(parsed.error));
  return parsed.data;
}

/** The run, checked: it exists, and the caller may act on its namespace. */
async function runFor(c: Context, { temporal, auth }: RunsDeps) {
  const id = c.req.param('id') as string;
  const description = await describeRun(temporal, id);
  auth.checkRun(c, description);
  return { id, description, handle: temporal.workflow.getHandle(id) };
}

/** Turns the approve update's validator rejection into 422 (no such step) or 409 (not waiting). */
function decisionError(e: unknown): never {
  // the run ended between the check and the update
  if (e instanceof WorkflowNotFoundError) throw new ConflictError(`the run has ended: ${e.message}`, 'only a running run can be decided');
  if (e instanceof WorkflowUpdateFailedError) {
    const message = e.cause?.message ?? e.message;
    if (/^no step/.test(message)) throw new UnprocessableError(message, 'name an approval step of this run (GET the run to see its steps)');
    throw new ConflictError(message, 'only a step that is waiting for approval can be decided; GET the run to see which one waits');
  }
  throw e;
}

export function createRunActionRoutes(deps: RunsDeps) {
  const { temporal, uiUrl, auth } = deps;
  const mustRun = (id: string, status: string, what: string) => {
    if (status !== 'RUNNING') throw new ConflictError(`run "${id}" has ended (${status}); it cannot be ${what}`, 'start a new run with POST /v1/runs');
  };
  const decide = (approved: boolean) => async (c: Context) => {
    const body = await jsonBody(c, DecisionBody);
    const { id, description, handle } = await runFor(c, deps);
    mustRun(id, description.status.name, approved ? 'approved' : 'rejected');
    const step: StepStatus = await handle
      // with tokens, who decides is the token's name (a body's `by` cannot speak for someone else)
      .executeUpdate(approveUpdate, { args: [{ step: body.step, approved, by: auth.open ? (body.by ?? auth.caller(c).name) : auth.caller(c).name, ...(body.comment ? { comment: body.comment } : {}) }] })
      .catch(decisionError);
    const redact = await deps.redaction.forRun(id);
    return c.json({ id, step: redact(step), links: runLinks(temporal, uiUrl, id) });
  };

  return new Hono()
    .post('/:id/approve', auth.require('operator'), decide(true))
    .post('/:id/reject', auth.require('operator'), decide(false))
    .post('/:id/cancel', auth.require('operator'), async (c) => {
      const { id, description, handle } = await runFor(c, deps);
      mustRun(id, description.status.name, 'cancelled');
      await handle.cancel();
      return c.json({ id, phase: 'Cancelling', message: 'cancel requested: the run cleans up and ends Cancelled', links: runLinks(temporal, uiUrl, id) }, 202);
    })
    .post('/:id/terminate', auth.require('admin'), async (c) => {
      const { reason } = await jsonBody(c, ReasonBody);
      const { id, description, handle } = await runFor(c, deps);
      mustRun(id, description.status.name, 'terminated');
      await handle.terminate(`terminated by ${auth.caller(c).name}${reason ? `: ${reason}` : ''}`);
      return c.json({ id, phase: 'Failed', temporalStatus: 'TERMINATED', message: 'terminated at once: no cleanup ran', links: runLinks(temporal, uiUrl, id) });
    })
    .post('/:id/retry', auth.require('operator'), async (c) => {
      const { id, description, handle } = await runFor(c, deps);
      if (PHASE_BY_TEMPORAL[description.status.name] !== 'Failed') {
        throw new ConflictError(`run "${id}" is ${description.status.name}; only a failed run can be retried`, 'a running run goes on by itself; start a new run with POST /v1/runs');
      }
      const status = await handle.query(statusQuery);
      const stored = await planOf(temporal, id);
      // nothing read back from history is trusted: the spec is validated and compiled again, and
      // must be for the namespace the run id names and the caller may deploy to
      const spec = validateApplication(stored.spec);
      const named = namespaceOfWorkflowId(id);
      if ((named && named !== spec.namespace) || stored.namespace !== spec.namespace) {
        throw new UnprocessableError(`run "${id}" names namespace "${named}" but its plan is for "${spec.namespace}"`, 'this run was not started through the KubeMin API; start a new run with POST /v1/runs');
      }
      auth.checkNamespace(c, spec.namespace);
      const previous = stored.previous && stored.previous.spec.namespace === spec.namespace && stored.previous.spec.name === spec.name ? { previous: stored.previous } : {};
      const plan = { ...compile(spec), ...previous };
      // checked again: the policy may have changed since, and the retrying caller may not be the one who started it
      const podSecurity = enforcePolicy(deps.policy, { caller: auth.caller(c), spec });
      // after a rollback the cluster is back at the previous revision: nothing the failed run did still stands
      const succeeded = status.rolledBackTo ? [] : status.steps.filter((s) => s.phase === 'Succeeded').map((s) => s.name);
      const retryId = runId(plan.namespace, `${plan.application}-${plan.revision.slice(0, 8)}-retry-${Math.random().toString(36).slice(2, 8)}`);
      await startRun(deps, { ...plan, podSecurity, resume: { run: id, succeeded } }, retryId);
      return c.json({ id: retryId, retryOf: id, skipped: succeeded, phase: 'Running', links: runLinks(temporal, uiUrl, retryId) }, 202, { location: runLinks(temporal, uiUrl, retryId).self });
    });
}

