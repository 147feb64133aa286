/**
 * How a step's state reads on screen: one of eight shown phases, each with an icon, a word and
 * a colour (tone), so a phase is never told by colour alone. Icons come from blocks every
 * system font has (no emoji: headless Chromium on Debian draws none). Pure.
 */
import type { StepStatus } from '../../../client/index.js';

export type ShownPhase = 'pending' | 'running' | 'capacity' | 'approval' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';

export interface PhaseLook {
  phase: ShownPhase;
  icon: string;
  word: string;
}

export const PHASE_LOOKS: { [K in ShownPhase]: PhaseLook } = {
  pending: { phase: 'pending', icon: '○', word: 'Pending' },
  running: { phase: 'running', icon: '◐', word: 'Running' },
  capacity: { phase: 'capacity', icon: '◌', word: 'waiting for capacity' },
  approval: { phase: 'approval', icon: '◆', word: 'awaiting approval' },
  succeeded: { phase: 'succeeded', icon: '✓', word: 'Succeeded' },
  failed: { phase: 'failed', icon: '✗', word: 'Failed' },
  skipped: { phase: 'skipped', icon: '↷', word: 'Skipped' },
  cancelled: { phase: 'cancelled', icon: '⊘', word: 'Cancelled' },
};

type StepState = Pick<StepStatus, 'phase' | 'awaitingApproval' | 'waitingForCapacity'>;

/** The shown phase: a Running step that waits for a decision or for capacity says so. */
export function shownPhase(step: StepState): PhaseLook {
  if (step.phase === 'Running' && step.awaitingApproval) return PHASE_LOOKS.approval;
  if (step.phase === 'Running' && step.waitingForCapacity) return PHASE_LOOKS.capacity;
  return PHASE_LOOKS[step.phase.toLowerCase() as Lowercase<StepStatus['phase']>];
}

/** The run's own phase (Queued, Running, Succeeded, Failed, Cancelled) in the same look. */
export function runPhaseLook(phase: string): PhaseLook {
  if (phase === 'Queued') return { phase: 'pending', icon: '…', word: 'Queued' };
  return PHASE_LOOKS[phase.toLowerCase() as ShownPhase] ?? PHASE_LOOKS.pending;
}

/** Milliseconds a step has run: to its end, or to `now` while it runs; undefined before it starts. */
export function elapsedMs(step: Pick<StepStatus, 'startedAt' | 'finishedAt'>, now: number): number | undefined {
  if (!step.startedAt) return undefined;
  const end = step.finishedAt ? Date.parse(step.finishedAt) : now;
  return Math.max(0, end - Date.parse(step.startedAt));
}

/** 4s, 1m05s, 2h03m. */
export function formatElapsed(ms: number | undefined): string {
  if (ms === undefined) return '';
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** Ready of desired summed over what the step waits for (`2/3`); undefined when it waits for nothing countable. */
export function readyOfDesired(step: Pick<StepStatus, 'waiting'>): string | undefined {
  const w = step.waiting ?? [];
  if (!w.some((x) => x.desired !== undefined)) return undefined;
  const sum = (k: 'ready' | 'desired') => w.reduce((n, x) => n + (x[k] ?? 0), 0);
  return `${sum('ready')}/${sum('desired')}`;
}
