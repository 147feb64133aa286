/**
 * The one workflow: interprets a compiled plan. A step starts once the steps it depends on have
 * finished, and runs if its `if` holds (default: they all succeeded; `failed`: one failed;
 * `always`); otherwise it is Skipped, never left Pending. The run fails when a step fails, and
 * its status query tells every step's phase and why. Approval steps wait for the approve update.
 */
import { ApplicationFailure, CancellationScope, condition, getExternalWorkflowHandle, isCancellation, log, patched, proxyActivities, proxySinks, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { CoordinationActivities } from '../activities/run-coordination.js';
import type { Plan, PlanStep, PreviousRevision } from '../src/compiler/plan.js';
import { admissionSignal, approveUpdate, coordinatorId, eventsQuery, releasedSignal, SEARCH_ATTRIBUTES, statusQuery, type Admission, type RunEvent, type ApprovalDecision, type KubeMinSinks, type RunStatus, type StepPhase, type StepStatus } from './contract.js';
import { decideStep, outcomeOf, type StepDecision, type StepOutcome } from './step-conditions.js';
import { deleteComponents, handlerFor, pruneAfterSuccess, rollbackTo, type StepContext } from './steps.js';

/** Patch ids (history markers): a run recorded before a change replays the old way. */
const PATCHES = {
  /** A dependency skipped by its own `if` is satisfied; failures carry on (step-conditions.ts). */
  stepOutcomeRule: 'step-outcome-rule',
  /** At most one run changes an application at a time (coordinate-application.ts). */
  oneRunPerApplication: 'one-run-per-application',
} as const;

const { enqueueRun } = proxyActivities<CoordinationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds' },
});

const nowIso = (): string => new Date().toISOString();
const { metrics } = proxySinks<KubeMinSinks>();
const MAX_EVENTS = 1000;
const ENDED: ReadonlySet<StepPhase> = new Set(['Succeeded', 'Failed', 'Skipped', 'Cancelled']);

function failureText(e: unknown): { message: string; reason?: string; events?: string[]; logs?: StepStatus['logs'] } {
  let cur: unknown = e;
  // the activity's own failure sits under ActivityFailure.cause
  while (cur instanceof Error && (cur as { cause?: unknown }).cause instanceof Error) cur = (cur as { cause: Error }).cause;
  const message = cur instanceof Error ? cur.message : String(cur);
  if (!(cur instanceof ApplicationFailure)) return { message };
  // what a failed workload left behind (activities/diagnostics.ts), when the activity said it
  const found = (cur.details?.[0] ?? {}) as Pick<StepStatus, 'events' | 'logs'>;
  return {
    message,
    ...(cur.type ? { reason: cur.type } : {}),
    ...(found.events?.length ? { events: found.events } : {}),
    ...(found.logs?.length ? { logs: found.logs } : {}),
  };
}

/** Rolls back, in a scope a cancel cannot interrupt; the run stays Failed either way. */
async function compensate(plan: Plan, previous: PreviousRevision, status: RunStatus): Promise<void> {
  status.message = `${status.message ?? ''}; rolling back to revision ${previous.revision}`;
  try {
    const done = await CancellationScope.nonCancellable(() => rollbackTo(plan, previous));
    status.rolledBackTo = previous.revision;
    status.message = `${status.message.replace(/; rolling back.*$/, '')}; ${done}`;
  } catch (e) {
    status.rollbackError = failureText(e).message;
  }
}

/**
 * With `onCancel: delete`: removes, in a scope the cancel cannot interrupt, the objects of the
 * components this run's steps started on.
 */
async function cleanUpAfterCancel(plan: Plan, status: RunStatus): Promise<void> {
  const started = new Set(status.steps.filter((s) => s.startedAt).flatMap((s) => s.components));
  try {
    status.cleanedUp = await CancellationScope.nonCancellable(() => deleteComponents(plan, [...started]));
    status.message = `the run was cancelled; deleted ${status.cleanedUp.join(', ') || 'nothing'}`;
  } catch (e) {
    status.message = `the run was cancelled; cleaning up failed: ${failureText(e).message}`;
  }
}

/**
 * A Succeeded run whose explicit workflow skipped (by condition) every step that deploys a
 * component says so: a skipped step never hides an undeployed component.
 */
function reportUndeployed(plan: Plan, status: RunStatus): void {
  const deployed = new Set(status.steps.filter((s) => s.phase === 'Succeeded' && (s.type === 'deploy' || s.type === 'job')).flatMap((s) => s.components));
  const undeployed = plan.spec.components.map((c) => c.name).filter((c) => !deployed.has(c));
  if (undeployed.length === 0) return;
  status.undeployed = undeployed;
  status.message = `every step ended well; not deployed: ${undeployed.join(', ')} (no step that deploys it ran)`;
}

export async function runApplication(plan: Plan): Promise<RunStatus> {
  const status: RunStatus = {
    application: plan.application,
    namespace: plan.namespace,
    revision: plan.revision,
    phase: 'Running',
    startedAt: nowIso(),
    steps: plan.steps.map((s) => ({ name: s.name, type: s.type, components: s.components, phase: 'Pending', attempts: 0 })),
  };
  setHandler(statusQuery, () => status);
  const events: RunEvent[] = [];
  let seq = 0;
  const record = (e: Omit<RunEvent, 'seq' | 'at'>): void => {
    events.push({ seq: ++seq, at: nowIso(), ...e });
    if (events.length > MAX_EVENTS) events.shift();
  };
  setHandler(eventsQuery, (after) => events.filter((e) => e.seq > after));
  /** The phase, in the status and in the KubeMinPhase search attribute runs are filtered by. */
  const setPhase = (phase: RunStatus['phase']): void => {
    status.phase = phase;
    upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.phase, value: phase }]);
    if (phase !== 'Running' && phase !== 'Queued') metrics.runFinished(plan.application, phase);
  };
  metrics.runStarted(plan.application);
  const stepStatus = new Map(status.steps.map((s) => [s.name, s]));
  const byName = new Map(plan.steps.map((s) => [s.name, s]));
  const outcomes = new Map<string, Promise<StepOutcome>>();

  const update = (name: string, patch: Partial<StepStatus>): void => {
    const current = stepStatus.get(name) as StepStatus;
    // a step that has ended stays as it ended (a cancel marks it before its own handler returns)
    if (ENDED.has(current.phase) && patch.phase) return;
    const s = Object.assign(current, patch);
    // an ended step waits for nobody's decision (a cancelled approval cannot be approved)
    if (patch.phase && ENDED.has(patch.phase) && s.awaitingApproval) s.awaitingApproval = false;
    if (patch.phase || patch.message) record({ step: name, phase: s.phase, ...(s.message ? { message: s.message } : {}) });
    if (patch.finishedAt && s.startedAt) metrics.stepFinished(s.type, s.phase, (Date.parse(patch.finishedAt) - Date.parse(s.startedAt)) / 1000);
  };

  const decisions = new Map<string, ApprovalDecision>();
  setHandler(
    approveUpdate,
    (decision) => {
      decisions.set(decision.step, decision);
      update(decision.step, { awaitingApproval: false, decision });
      return stepStatus.get(decision.step) as StepStatus;
    },
    {
      validator: (decision) => {
        const s = stepStatus.get(decision.step);
        if (!s) throw new Error(`no step "${decision.step}" in this run; steps: ${[...stepStatus.keys()].join(', ')}`);
        if (!s.awaitingApproval || s.phase !== 'Running') throw new Error(`step "${decision.step}" is ${s.phase}${s.decision ? ' and already decided' : ''}, not waiting for approval`);
        if (!decision.by) throw new Error('say who decides (`by`)');
      },
    },
  );

  const ctx = (step: PlanStep): StepContext => ({
    plan,
    step,
    progress: (message) => update(step.name, { message }),
    attempt: () => update(step.name, { attempts: (stepStatus.get(step.name)?.attempts ?? 0) + 1 }),
    awaitApproval: async () => {
      update(step.name, { awaitingApproval: true });
      const made = () => decisions.has(step.name);
      // condition() with an undefined timeout does not wait: only pass one when the step has it
      const decided = step.timeoutSeconds ? await condition(made, step.timeoutSeconds * 1000) : (await condition(made), true);
      if (!decided) {
        update(step.name, { awaitingApproval: false });
        throw ApplicationFailure.nonRetryable(`nobody decided within ${step.timeoutSeconds}s`, 'ApprovalTimedOut');
      }
      return decisions.get(step.name) as ApprovalDecision;
    },
  });

  /** Before the step-outcome rule: any Skipped dependency counted as a failed one. */
  const legacyDecision = (step: PlanStep, deps: StepOutcome[]): StepDecision => {
    const failed = step.dependsOn.filter((_, i) => deps[i]?.phase === 'Failed' || deps[i]?.phase === 'Skipped');
    if (step.if === 'always') return { run: true };
    if (step.if === 'failed') return failed.length ? { run: true } : { run: false, skipped: 'condition', message: 'skipped: it runs only when a step it depends on failed, and none did' };
    return failed.length ? { run: false, skipped: 'failure', message: `skipped: step "${failed[0]}" did not succeed` } : { run: true };
  };
  const outcomeRule = patched(PATCHES.stepOutcomeRule);

  function runStep(step: PlanStep): Promise<StepOutcome> {
    const known = outcomes.get(step.name);
    if (known) return known;
    const outcome = (async (): Promise<StepOutcome> => {
      const deps = await Promise.all(step.dependsOn.map((d) => runStep(byName.get(d) as PlanStep)));
      const decision = outcomeRule ? decideStep(step, deps) : legacyDecision(step, deps);
      const ended = (phase: StepPhase): StepOutcome => outcomeOf(step.name, phase, decision);
      if (!decision.run) {
        update(step.name, { phase: 'Skipped', message: decision.message, ...(outcomeRule ? { skipped: decision.skipped } : {}), finishedAt: nowIso() });
        return ended('Skipped');
      }
      if (plan.resume?.succeeded.includes(step.name)) {
        update(step.name, { phase: 'Succeeded', message: `succeeded in run ${plan.resume.run}; not run again`, finishedAt: nowIso() });
        return ended('Succeeded');
      }
      update(step.name, { phase: 'Running', startedAt: nowIso() });
      try {
        await handlerFor(step)(ctx(step));
        update(step.name, { phase: 'Succeeded', finishedAt: nowIso() });
        return ended('Succeeded');
      } catch (e) {
        const phase: StepPhase = isCancellation(e) ? 'Cancelled' : 'Failed';
        update(step.name, { phase, finishedAt: nowIso(), ...failureText(e) });
        if (phase === 'Cancelled') throw e;
        log.warn('step failed', { step: step.name, error: failureText(e).message });
        return ended(phase);
      }
    })();
    outcomes.set(step.name, outcome);
    return outcome;
  }

  /**
   * Waits for this run's turn: at most one run changes an application at a time. A run queued
   * behind another says so (phase Queued, `queuedBehind`, an event); `reject` ends it at once.
   */
  const oneRun = patched(PATCHES.oneRunPerApplication);
  const coordinator = coordinatorId(plan.application, plan.namespace);
  let admission: Admission = {};
  setHandler(admissionSignal, (a) => {
    if (a.queuedBehind && !admission.admitted) {
      status.queuedBehind = a.queuedBehind;
      status.message = `queued behind run ${a.queuedBehind} of the same application`;
      setPhase('Queued');
      record({ phase: 'Queued', message: status.message });
    }
    if (a.admitted || a.rejected || a.superseded) admission = a;
  });
  const takeTurn = async (): Promise<void> => {
    const { workflowId, taskQueue } = workflowInfo();
    const startedAt = workflowInfo().runStartTime.getTime();
    await enqueueRun({ application: plan.application, namespace: plan.namespace, run: workflowId, mode: plan.spec.concurrency ?? 'queue', taskQueue, startedAt });
    await condition(() => Boolean(admission.admitted || admission.rejected || admission.superseded));
    if (admission.rejected) throw ApplicationFailure.nonRetryable(`${admission.rejected}; this run was not started (concurrency: reject)`, 'ApplicationBusy');
    if (admission.superseded) throw ApplicationFailure.nonRetryable(`run ${admission.superseded} of this application started after this one and has run already; this run was not started, so it cannot undo it`, 'Superseded');
    if (status.phase === 'Queued') {
      delete status.queuedBehind;
      delete status.message;
      setPhase('Running');
      record({ phase: 'Running', message: 'the run before it has ended: running now' });
    }
  };
  /** Lets the next run of the application go; the coordinator may have ended already. */
  const release = () =>
    CancellationScope.nonCancellable(() => getExternalWorkflowHandle(coordinator).signal(releasedSignal, { run: workflowInfo().workflowId })).catch(() => undefined);

  record({ phase: 'Running', message: `revision ${plan.revision}: ${plan.steps.length} step(s)` });
  try {
    if (oneRun) await takeTurn();
    await Promise.all(plan.steps.map(runStep));
    status.finishedAt = nowIso();
    // a step skipped by its `if` is no failure; a failed step is, whatever ran after it
    const failed = status.steps.find((s) => s.phase === 'Failed');
    if (failed) {
      status.message = `step "${failed.name}" failed: ${failed.message ?? 'unknown error'}`;
      setPhase('Failed');
      if (plan.spec.onFailure === 'rollback' && plan.previous) await compensate(plan, plan.previous, status);
      throw ApplicationFailure.nonRetryable(status.message, 'RunFailed', status);
    }
    status.pruned = await pruneAfterSuccess(plan);
    if (outcomeRule) reportUndeployed(plan, status);
    setPhase('Succeeded');
    return status;
  } catch (e) {
    // a cancel during a rollback does not turn a failed run into a cancelled one (nor undo the rollback)
    if ((status.phase === 'Running' || status.phase === 'Queued') && (isCancellation(e) || CancellationScope.current().consideredCancelled)) {
      setPhase('Cancelled');
      status.finishedAt = nowIso();
      status.message = 'the run was cancelled';
      status.steps.filter((s) => s.phase === 'Pending' || s.phase === 'Running').forEach((s) => update(s.name, { phase: 'Cancelled', finishedAt: status.finishedAt as string }));
      if (plan.spec.onCancel === 'delete') {
        // applies in flight finish first (they wait for their cancellation), so nothing comes back after the cleanup
        await CancellationScope.nonCancellable(() => Promise.allSettled(outcomes.values()));
        await cleanUpAfterCancel(plan, status);
      }
    } else if (status.phase === 'Running' || status.phase === 'Queued') {
      // failed outside any step (refused its turn, pruning after success): still a true, final phase
      const refused = Boolean(admission.rejected || admission.superseded);
      status.message = refused ? failureText(e).message : `the run failed after its steps: ${failureText(e).message}`;
      if (refused) status.steps.forEach((s) => update(s.name, { phase: 'Skipped', skipped: 'failure', message: admission.superseded ? 'not run: a newer run of the application ran first' : 'not run: the application was busy', finishedAt: nowIso() }));
      status.finishedAt = nowIso();
      setPhase('Failed');
    }
    throw e;
  } finally {
    if (oneRun) await release();
    // the last event: what a client following the run waits for
    record({ phase: status.phase, ...(status.message ? { message: status.message } : {}), final: true });
  }
}
