/**
 * Workflow interceptors (registered in workers/worker.ts and scripts/bundle-workflows.ts): with a
 * payload codec, the worker decodes a payload that came in plaintext or bound to another
 * namespace as a RefusedPayload (workers/payload-guard.ts). A run whose input is refused fails
 * at once, non-retryable, with the reason (`PlaintextInput`, `PayloadNamespaceMismatch`) and
 * applies nothing; so does a run whose workflow id names a namespace its plan does not. An
 * update whose argument was refused is rejected; signals and queries get the value as it was.
 * Runs recorded before this check (no `refuse-unsealed-payloads` marker) replay as they ran.
 */
import { ApplicationFailure, patched, setHandler, workflowInfo, type Next, type QueryInput, type SignalInput, type UpdateInput, type WorkflowExecuteInput, type WorkflowInboundCallsInterceptor, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { namespaceOfWorkflowId, REFUSED_PAYLOAD, RUN_WORKFLOW_TYPE, statusQuery, type RefusedPayload } from './contract.js';

const REFUSE_PATCH = 'refuse-unsealed-payloads';
const THROUGH_API = 'start runs through the KubeMin API (POST /v1/runs)';

function refusalOf(value: unknown): RefusedPayload | undefined {
  if (!value || typeof value !== 'object' || !(REFUSED_PAYLOAD in value)) return undefined;
  return (value as { [REFUSED_PAYLOAD]: RefusedPayload })[REFUSED_PAYLOAD];
}

/** The value a payload had, refused or not. */
const unwrap = (value: unknown): unknown => {
  const refused = refusalOf(value);
  return refused ? refused.value : value;
};

/** Why a run's input is refused: a payload the guard refused, or a plan for another namespace than its id names. */
function inputRefusal(args: readonly unknown[]): RefusedPayload | undefined {
  const refused = args.map(refusalOf).find(Boolean);
  if (refused) return refused;
  const { workflowId, workflowType } = workflowInfo();
  const named = namespaceOfWorkflowId(workflowId);
  const plan = args[0] as { namespace?: unknown; spec?: { namespace?: unknown }; previous?: { spec?: { namespace?: unknown } } } | undefined;
  if (workflowType !== RUN_WORKFLOW_TYPE || !named) return undefined;
  // the plan's own namespace, and the spec's (where components are applied), and a rollback target's
  const asked = [plan?.namespace, plan?.spec?.namespace, ...(plan?.previous ? [plan.previous.spec?.namespace] : [])];
  const other = asked.findIndex((ns) => ns !== named);
  if (other < 0) return undefined;
  return { reason: 'PayloadNamespaceMismatch', message: `run ${workflowId} is in namespace "${named}" but its plan is for namespace "${String(asked[other])}": ${THROUGH_API}` };
}

/** Fails the run before it does anything; its status says why. */
function refuseRun(input: WorkflowExecuteInput, refused: RefusedPayload): never {
  const plan = (unwrap(input.args[0]) ?? {}) as { application?: unknown; namespace?: unknown; revision?: unknown };
  const message = `${refused.reason}: ${refused.message}`;
  const at = new Date().toISOString();
  setHandler(statusQuery, () => ({ application: String(plan.application ?? ''), namespace: String(plan.namespace ?? ''), revision: String(plan.revision ?? ''), phase: 'Failed', startedAt: at, finishedAt: at, message, steps: [] }));
  throw ApplicationFailure.nonRetryable(message, refused.reason);
}

class RefuseUnsealedPayloads implements WorkflowInboundCallsInterceptor {
  async execute(input: WorkflowExecuteInput, next: Next<WorkflowInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    const refused = inputRefusal(input.args);
    // patched only where it matters: runs that pass keep the history they always had
    if (refused && patched(REFUSE_PATCH)) refuseRun(input, refused);
    return next({ ...input, args: input.args.map(unwrap) });
  }

  validateUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'validateUpdate'>): void {
    // a rejected update leaves nothing in history, so no patch is needed
    const refused = input.args.map(refusalOf).find(Boolean);
    if (refused) throw ApplicationFailure.nonRetryable(`${refused.reason}: update ${input.name} refused: ${refused.message.replace(/: start runs through.*$/, '')}; use the KubeMin API`, refused.reason);
    next({ ...input, args: input.args.map(unwrap) });
  }

  handleUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>): Promise<unknown> {
    return next({ ...input, args: input.args.map(unwrap) });
  }

  handleSignal(input: SignalInput, next: Next<WorkflowInboundCallsInterceptor, 'handleSignal'>): Promise<void> {
    return next({ ...input, args: input.args.map(unwrap) });
  }

  handleQuery(input: QueryInput, next: Next<WorkflowInboundCallsInterceptor, 'handleQuery'>): Promise<unknown> {
    return next({ ...input, args: input.args.map(unwrap) });
  }
}

export const interceptors: WorkflowInterceptorsFactory = () => ({ inbound: [new RefuseUnsealedPayloads()] });
