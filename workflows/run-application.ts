/**
 * The one workflow: interprets a compiled plan. Steps start as soon as the steps they depend on
 * have succeeded; a step whose dependency did not succeed is Skipped, never left Pending. The
 * run fails when a step fails, and its status query tells every step's phase and why.
 */
import { ApplicationFailure, CancellationScope, isCancellation, log, setHandler } from '@temporalio/workflow';
import type { Plan, PlanStep } from '../src/compiler/plan.js';
import { statusQuery, type RunStatus, type StepPhase, type StepStatus } from './contract.js';
import { pruneAfterSuccess, STEP_HANDLERS, type StepContext } from './steps.js';

const nowIso = (): string => new Date().toISOString();

function failureText(e: unknown): { message: string; reason?: string } {
  let cur: unknown = e;
  // the activity's own failure sits under ActivityFailure.cause
  while (cur instanceof Error && (cur as { cause?: unknown }).cause instanceof Error) cur = (cur as { cause: Error }).cause;
  const message = cur instanceof Error ? cur.message : String(cur);
  const reason = cur instanceof ApplicationFailure ? (cur.type ?? undefined) : undefined;
  return reason ? { message, reason } : { message };
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
  const stepStatus = new Map(status.steps.map((s) => [s.name, s]));
  const byName = new Map(plan.steps.map((s) => [s.name, s]));
  const outcomes = new Map<string, Promise<StepPhase>>();

  const update = (name: string, patch: Partial<StepStatus>): void => {
    Object.assign(stepStatus.get(name) as StepStatus, patch);
  };

  const ctx = (step: PlanStep): StepContext => ({
    plan,
    step,
    progress: (message) => update(step.name, { message }),
    attempt: () => update(step.name, { attempts: (stepStatus.get(step.name)?.attempts ?? 0) + 1 }),
  });

  function runStep(step: PlanStep): Promise<StepPhase> {
    const known = outcomes.get(step.name);
    if (known) return known;
    const outcome = (async (): Promise<StepPhase> => {
      const deps = await Promise.all(step.dependsOn.map((d) => runStep(byName.get(d) as PlanStep)));
      const blocker = step.dependsOn.find((_, i) => deps[i] !== 'Succeeded');
      if (blocker !== undefined) {
        update(step.name, { phase: 'Skipped', message: `skipped: step "${blocker}" did not succeed`, finishedAt: nowIso() });
        return 'Skipped';
      }
      update(step.name, { phase: 'Running', startedAt: nowIso() });
      try {
        await STEP_HANDLERS[step.type](ctx(step));
        update(step.name, { phase: 'Succeeded', finishedAt: nowIso() });
        return 'Succeeded';
      } catch (e) {
        const phase: StepPhase = isCancellation(e) ? 'Cancelled' : 'Failed';
        update(step.name, { phase, finishedAt: nowIso(), ...failureText(e) });
        if (phase === 'Cancelled') throw e;
        log.warn('step failed', { step: step.name, error: failureText(e).message });
        return phase;
      }
    })();
    outcomes.set(step.name, outcome);
    return outcome;
  }

  try {
    const phases = await Promise.all(plan.steps.map(runStep));
    status.finishedAt = nowIso();
    const failed = status.steps.find((s) => s.phase === 'Failed');
    if (failed || phases.some((p) => p !== 'Succeeded')) {
      status.phase = 'Failed';
      status.message = failed ? `step "${failed.name}" failed: ${failed.message ?? 'unknown error'}` : 'not every step succeeded';
      throw ApplicationFailure.nonRetryable(status.message, 'RunFailed', status);
    }
    status.pruned = await pruneAfterSuccess(plan);
    status.phase = 'Succeeded';
    return status;
  } catch (e) {
    if (isCancellation(e) || CancellationScope.current().consideredCancelled) {
      status.phase = 'Cancelled';
      status.finishedAt = nowIso();
      status.message = 'the run was cancelled';
      status.steps.filter((s) => s.phase === 'Pending' || s.phase === 'Running').forEach((s) => Object.assign(s, { phase: 'Cancelled', finishedAt: status.finishedAt }));
    }
    throw e;
  }
}
