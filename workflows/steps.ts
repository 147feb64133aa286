/**
 * Step handlers, one per step type, looked up by the plan's step type. The mapped type makes a
 * step type without a handler a compile error. Handlers only call activities.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { Plan, PlanStep, StepType } from '../src/compiler/plan.js';
import type { Activities } from '../activities/index.js';
import { PERMANENT_FAILURE_TYPES } from '../src/failure-types.js';

export interface StepContext {
  readonly plan: Plan;
  readonly step: PlanStep;
  /** Records the newest progress message of the step for the status query. */
  progress(message: string): void;
  /** Counts an attempt of the step's main work. */
  attempt(): void;
}

export type StepHandler = (ctx: StepContext) => Promise<void>;

const NON_RETRYABLE = [...PERMANENT_FAILURE_TYPES];

const { applyManifests, pruneResources } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 5, nonRetryableErrorTypes: NON_RETRYABLE },
});

const { waitForRollout } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumAttempts: 3, nonRetryableErrorTypes: NON_RETRYABLE },
});

async function deployComponent(ctx: StepContext, component: string): Promise<void> {
  ctx.attempt();
  ctx.progress(`applying ${component}`);
  const { readiness } = await applyManifests({ spec: ctx.plan.spec, component, revision: ctx.plan.revision });
  ctx.progress(`waiting for ${readiness.map((r) => `${r.kind} ${r.name}`).join(', ') || 'nothing'} to be ready`);
  const results = await Promise.all(readiness.map((target) => waitForRollout(target)));
  ctx.progress(results.map((r) => `${r.target}: ${r.message}`).join('; ') || `${component} applied`);
}

export const STEP_HANDLERS = {
  deploy: async (ctx) => {
    await Promise.all(ctx.step.components.map((c) => deployComponent(ctx, c)));
  },
} satisfies Record<StepType, StepHandler>;

/** After every step succeeded: delete what the spec no longer renders; returns what went. */
export async function pruneAfterSuccess(plan: Plan): Promise<string[]> {
  return (await pruneResources({ spec: plan.spec })).deleted;
}
