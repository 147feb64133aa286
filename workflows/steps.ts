/**
 * Step handlers, one per built-in step type; a plugin step calls the activity its type names.
 * The mapped type makes a built-in type without a handler a compile error. Handlers only call
 * activities and wait; each step's own timeout and retry become its activities' options.
 */
import { ActivityCancellationType, ApplicationFailure, proxyActivities, type ActivityOptions } from '@temporalio/workflow';
import type { Activities, ApplyManifestsResult, WaitForRolloutInput } from '../activities/index.js';
import { specFor } from '../src/compiler/component-spec.js';
import type { Plan, PlanStep, PreviousRevision } from '../src/compiler/plan.js';
import { PERMANENT_FAILURE_TYPES } from '../src/failure-types.js';
import { durationSeconds } from '../src/model/duration.js';
import { urlOrigin } from '../src/redact.js';
import type { BuiltinStepType } from '../src/steps/builtin.js';
import type { ApprovalDecision } from './contract.js';

export interface StepContext {
  readonly plan: Plan;
  readonly step: PlanStep;
  /** Records the newest progress message of the step for the status query. */
  progress(message: string): void;
  /** Counts an attempt of the step's main work. */
  attempt(): void;
  /** Marks the step as waiting for an approval and resolves with the decision. */
  awaitApproval(): Promise<ApprovalDecision>;
}

export type StepHandler = (ctx: StepContext) => Promise<void>;

const NON_RETRYABLE = [...PERMANENT_FAILURE_TYPES];

/** Activity options for a step: its own timeout and retry over the defaults given. */
function optionsFor(step: PlanStep, defaults: ActivityOptions): ActivityOptions {
  const retry = step.retry
    ? { maximumAttempts: step.retry.maxAttempts, initialInterval: step.retry.initialIntervalSeconds * 1000, backoffCoefficient: step.retry.backoff, nonRetryableErrorTypes: NON_RETRYABLE }
    : defaults.retry;
  return { ...defaults, ...(step.timeoutSeconds ? { scheduleToCloseTimeout: step.timeoutSeconds * 1000 } : {}), ...(retry ? { retry } : {}) };
}

const SHORT: ActivityOptions = {
  startToCloseTimeout: '2 minutes',
  // a cancelled run waits for an apply in flight to end, so a cleanup after it is not undone by it
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 5, nonRetryableErrorTypes: NON_RETRYABLE },
};
/**
 * How long a wait (or a plugin step) may last when its step has no `timeout`: a Job that runs
 * longer says so with its step's timeout. Capacity waits end sooner, after `maxPending`.
 */
export const DEFAULT_WAIT_BOUND = '24 hours';
/** A worker that died during a wait is noticed after this long without a heartbeat. */
export const WAIT_HEARTBEAT_TIMEOUT = '20 seconds';

/**
 * Waits have no per-attempt cap: they are bounded as a whole by the step's timeout (else
 * DEFAULT_WAIT_BOUND), their liveness is their heartbeats, and a retryable failure (a dead
 * worker, a lost watch) is retried for as long as that bound allows.
 */
const WAITING: ActivityOptions = {
  scheduleToCloseTimeout: DEFAULT_WAIT_BOUND,
  heartbeatTimeout: WAIT_HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', nonRetryableErrorTypes: NON_RETRYABLE },
};

/** The options of a step's waits (and plugin activities, which heartbeat while they run: workers/plugins.ts). */
export const waitOptions = (step: PlanStep): ActivityOptions => optionsFor(step, WAITING);

const short = (step: PlanStep) => proxyActivities<Activities>(optionsFor(step, SHORT));

/** The activity id of a wait: lets the API find the waiting step's heartbeat (see api/runs.ts). */
export const waitActivityId = (step: string, target: { kind: string; name: string }): string => `wait/${step}/${target.kind}/${target.name}`;

/** The readiness targets of an apply, each with the generation the apply returned for it. */
function waitTargets({ applied, readiness }: ApplyManifestsResult): WaitForRolloutInput[] {
  return readiness.map((target) => {
    const found = applied.find((a) => a.kind === target.kind && a.name === target.name && (a.namespace ?? target.namespace) === target.namespace);
    return { ...target, ...(found?.generation !== undefined ? { minGeneration: found.generation } : {}), ...(found?.uid ? { uid: found.uid } : {}) };
  });
}

/** The plan's Pod Security level for a namespace an activity creates (older plans have none). */
const podSecurityOf = (plan: Plan) => (plan.podSecurity ? { podSecurity: plan.podSecurity } : {});

async function deployComponent(ctx: StepContext, component: string): Promise<void> {
  const { applyManifests } = short(ctx.step);
  const maxPending = ctx.step.properties.maxPending as string | undefined;
  ctx.attempt();
  ctx.progress(`applying ${component}`);
  const applied = await applyManifests({ spec: specFor(ctx.plan.spec, [component], ctx.plan.references), component, revision: ctx.plan.revision, ...podSecurityOf(ctx.plan) });
  const { readiness, notes = [] } = applied;
  ctx.progress(`waiting for ${readiness.map((r) => `${r.kind} ${r.name}`).join(', ') || 'nothing'} to be ready`);
  const results = await Promise.all(
    waitTargets(applied).map((target) =>
      proxyActivities<Activities>({ ...waitOptions(ctx.step), activityId: waitActivityId(ctx.step.name, target) }).waitForRollout({
        ...target,
        ...(maxPending ? { maxPendingSeconds: durationSeconds(maxPending) } : {}),
      }),
    ),
  );
  ctx.progress([...notes, ...results.map((r) => `${r.target}: ${r.message}`)].join('; ') || `${component} applied`);
}

const deploy: StepHandler = async (ctx) => {
  await Promise.all(ctx.step.components.map((c) => deployComponent(ctx, c)));
};

export const STEP_HANDLERS = {
  deploy,
  job: deploy,
  apply: async (ctx) => {
    ctx.attempt();
    const manifests = ctx.step.properties.manifests as Record<string, unknown>[];
    const applied = await short(ctx.step).applyObjects({ application: ctx.plan.application, namespace: ctx.plan.namespace, step: ctx.step.name, manifests, ...podSecurityOf(ctx.plan) });
    ctx.progress(`applied ${applied.map((a) => `${a.kind} ${a.name}`).join(', ')}`);
  },
  delete: async (ctx) => {
    ctx.attempt();
    const objects = (ctx.step.properties.objects as { apiVersion: string; kind: string; name: string }[] | undefined) ?? [];
    const { deleted } = await short(ctx.step).deleteResources({ spec: specFor(ctx.plan.spec, ctx.step.components, ctx.plan.references), components: ctx.step.components, objects });
    ctx.progress(deleted.length ? `deleted ${deleted.join(', ')}` : 'nothing to delete');
  },
  webhook: async (ctx) => {
    ctx.attempt();
    const p = ctx.step.properties as { url: string; method: string; headers: Record<string, string>; body?: unknown };
    const { status } = await short(ctx.step).callWebhook({ ...p, step: ctx.step.name });
    ctx.progress(`${p.method} ${urlOrigin(p.url)} answered ${status}`);
  },
  'gpu-check': async (ctx) => {
    ctx.attempt();
    const p = ctx.step.properties as { gpusPerPod: number; pods: number; wait?: string };
    const waitSeconds = p.wait ? durationSeconds(p.wait) : 0;
    const waiting = waitSeconds > 0;
    const { checkGpuCapacity } = proxyActivities<Activities>({
      startToCloseTimeout: '1 minute',
      ...(waiting ? { scheduleToCloseTimeout: waitSeconds * 1000, retry: { initialInterval: '5 seconds', backoffCoefficient: 1.5, maximumInterval: '30 seconds', nonRetryableErrorTypes: NON_RETRYABLE } } : { retry: SHORT.retry }),
    });
    ctx.progress(`checking for ${p.pods} pod(s) x ${p.gpusPerPod} GPUs${waiting ? `, waiting up to ${waitSeconds}s` : ''}`);
    try {
      const r = await checkGpuCapacity({ step: ctx.step.name, resourceName: ctx.plan.spec.policies.gpuResourceName, gpusPerPod: p.gpusPerPod, pods: p.pods, wait: waiting });
      ctx.progress(`fits: need ${r.need}; free per node: ${Object.entries(r.free).map(([n, f]) => `${n}=${f}`).join(', ')}`);
    } catch (e) {
      // after the deadline, waiting for capacity ends as what it is: not enough GPUs
      const cause = (e as { cause?: unknown }).cause;
      if (waiting && cause instanceof ApplicationFailure && cause.type === 'GpuCapacityPending') throw ApplicationFailure.nonRetryable(`${cause.message} (waited ${waitSeconds}s)`, 'InsufficientGpu');
      throw e;
    }
  },
  approval: async (ctx) => {
    const message = (ctx.step.properties.message as string | undefined) ?? 'waiting for approval';
    ctx.progress(`${message} (approve with the approve update)`);
    const decision = await ctx.awaitApproval();
    const who = `${decision.by}${decision.comment ? `: ${decision.comment}` : ''}`;
    if (!decision.approved) throw ApplicationFailure.nonRetryable(`rejected by ${who}`, 'ApprovalRejected');
    ctx.progress(`approved by ${who}`);
  },
  // a generated plan's join point between stages: it has nothing to do of its own
  barrier: async (ctx) => {
    ctx.progress(`${ctx.step.dependsOn.length} step(s) done`);
  },
} satisfies Record<BuiltinStepType, StepHandler>;

/** A plugin step: the activity its type names, with the step's properties. */
export const runPluginStep: StepHandler = async (ctx) => {
  ctx.attempt();
  const activity = ctx.step.activity as string;
  const run = (proxyActivities(waitOptions(ctx.step)) as Record<string, (input: unknown) => Promise<unknown>>)[activity] as (input: unknown) => Promise<unknown>;
  const result = await run({ application: ctx.plan.application, namespace: ctx.plan.namespace, step: ctx.step.name, components: ctx.step.components, properties: ctx.step.properties });
  if (typeof result === 'string') ctx.progress(result);
};

export function handlerFor(step: PlanStep): StepHandler {
  if (step.activity) return runPluginStep;
  const handler = (STEP_HANDLERS as Record<string, StepHandler>)[step.type];
  if (!handler) throw ApplicationFailure.nonRetryable(`no handler for step type "${step.type}"`, 'UnknownStepType');
  return handler;
}

/** After every step succeeded: delete what the spec no longer renders; returns what went. */
export async function pruneAfterSuccess(plan: Plan): Promise<string[]> {
  return (await proxyActivities<Activities>(SHORT).pruneResources({ spec: plan.spec })).deleted;
}

/**
 * Compensation for `onFailure: rollback`: re-apply every component of the last successful
 * revision, wait until each is ready again, then delete what the failed revision added.
 */
export async function rollbackTo(plan: Plan, previous: PreviousRevision): Promise<string> {
  const { applyManifests, pruneResources } = proxyActivities<Activities>(SHORT);
  const { waitForRollout } = proxyActivities<Activities>(WAITING);
  const applied = await Promise.all(
    previous.spec.components.map((c) => applyManifests({ spec: specFor(previous.spec, [c.name], previous.references), component: c.name, revision: previous.revision, ...podSecurityOf(plan) })),
  );
  await Promise.all(applied.flatMap(waitTargets).map((target) => waitForRollout(target)));
  const { deleted } = await pruneResources({ spec: previous.spec });
  return `rolled back to revision ${previous.revision} (run ${previous.run})${deleted.length ? `; removed ${deleted.join(', ')}` : ''}`;
}

/** Deletes the objects of the components named (as they render now); returns what went. */
export async function deleteComponents(plan: Plan, components: string[]): Promise<string[]> {
  return (await proxyActivities<Activities>(SHORT).deleteResources({ spec: specFor(plan.spec, components, plan.references), components, objects: [] })).deleted;
}
