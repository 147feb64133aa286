/**
 * Whether a step runs, from its `if` and what its dependencies did. The rule (README, "Step
 * outcomes"): a dependency that Succeeded, or was Skipped because its own `if` did not hold,
 * is satisfied; a dependency that Failed, or was Skipped because of a failure, carries that
 * failure on to everything after it, through steps that ran because of it (`if: failed`,
 * `always`) too. Pure, so it is tested without a workflow.
 */
import type { PlanStep } from '../src/compiler/plan.js';
import type { StepPhase } from './contract.js';

/** What a finished step tells the steps after it. */
export interface StepOutcome {
  phase: StepPhase;
  /** The failed step this outcome carries on (itself when it failed), if any. */
  failure?: string;
}

export type StepDecision = { run: true; failure?: string } | { run: false; skipped: 'condition' | 'failure'; message: string; failure?: string };

export function decideStep(step: Pick<PlanStep, 'if' | 'dependsOn'>, deps: readonly StepOutcome[]): StepDecision {
  const failure = deps.find((d) => d.failure)?.failure;
  if (step.if === 'always') return { run: true, ...(failure ? { failure } : {}) };
  if (step.if === 'failed') {
    return failure ? { run: true, failure } : { run: false, skipped: 'condition', message: 'skipped: it runs only when a step before it failed, and none did' };
  }
  return failure ? { run: false, skipped: 'failure', failure, message: `skipped: step "${failure}" failed` } : { run: true };
}

/** The outcome a step passes on once it ended. */
export function outcomeOf(name: string, phase: StepPhase, decision: StepDecision): StepOutcome {
  if (phase === 'Failed') return { phase, failure: name };
  return { phase, ...(decision.failure ? { failure: decision.failure } : {}) };
}
