/**
 * The run page's state and its reducer: the run as last fetched, changed by each event of its
 * SSE stream (`step`, `progress`, `run`) as it arrives, and the stream's connection. Pure, so
 * what the page shows for a sequence of events is tested without a browser.
 */
import type { Run, RunStreamEvent, StepStatus } from '../../../client/index.js';

export type Connection =
  | { state: 'connecting' }
  | { state: 'live' }
  | { state: 'reconnecting'; attempt: number; reason: string }
  /** The stream ended with the run. */
  | { state: 'ended' }
  /** The API refused the stream (401, 403, 404): reconnecting would not help. */
  | { state: 'refused'; reason: string };

export interface RunState {
  run?: Run;
  /** Why the run could not be read (404, 401, ...). */
  error?: string;
  connection: Connection;
}

export type RunAction =
  | { type: 'fetched'; run: Run }
  | { type: 'failed'; error: string }
  | { type: 'event'; event: RunStreamEvent }
  | { type: 'connection'; connection: Connection };

export const initialRunState: RunState = { connection: { state: 'connecting' } };

const ENDED = new Set(['Succeeded', 'Failed', 'Skipped', 'Cancelled']);
const RUN_ENDED = new Set(['Succeeded', 'Failed', 'Cancelled']);

interface StepEvent {
  step: string;
  phase: StepStatus['phase'];
  message?: string;
  at?: string;
}

interface ProgressEntry {
  step: string;
  waiting?: StepStatus['waiting'];
  waitingForCapacity?: boolean;
}

function patchStep(run: Run, name: string, patch: (s: StepStatus) => StepStatus): Run {
  if (!run.steps?.some((s) => s.name === name)) return run;
  return { ...run, steps: run.steps.map((s) => (s.name === name ? patch(s) : s)) };
}

function applyStepEvent(run: Run, e: StepEvent): Run {
  return patchStep(run, e.step, (s) => {
    // a step that has ended stays as it ended (the workflow does the same)
    if (ENDED.has(s.phase) && s.phase !== e.phase) return s;
    const ended = ENDED.has(e.phase);
    return {
      ...s,
      phase: e.phase,
      ...(e.message !== undefined ? { message: e.message } : {}),
      ...(e.phase === 'Running' && !s.startedAt && e.at ? { startedAt: e.at } : {}),
      ...(ended && !s.finishedAt && e.at ? { finishedAt: e.at } : {}),
      ...(ended ? { awaitingApproval: false, waitingForCapacity: false } : {}),
    };
  });
}

function applyProgress(run: Run, entries: readonly ProgressEntry[]): Run {
  return entries.reduce(
    (r, p) => patchStep(r, p.step, (s) => (s.phase !== 'Running' ? s : { ...s, waiting: p.waiting ?? [], waitingForCapacity: p.waitingForCapacity === true, ...(p.waiting?.[0]?.message ? { message: p.waiting[0].message } : {}) })),
    run,
  );
}

/** One stream event applied to the run. */
export function applyEvent(run: Run, event: RunStreamEvent): Run {
  const data = event.data as Record<string, unknown> | null;
  if (!data || typeof data !== 'object') return run;
  if (event.event === 'step' && typeof data.step === 'string') return applyStepEvent(run, data as unknown as StepEvent);
  if (event.event === 'progress' && Array.isArray(data)) return applyProgress(run, data as ProgressEntry[]);
  if (event.event === 'run' && typeof data.phase === 'string') {
    if (RUN_ENDED.has(run.phase) && run.phase !== data.phase) return run;
    return { ...run, phase: data.phase as Run['phase'], ...(typeof data.message === 'string' ? { message: data.message } : {}) };
  }
  return run;
}

const rank = (phase: string) => (ENDED.has(phase) ? 2 : phase === 'Running' ? 1 : 0);

/**
 * A freshly fetched run over the one shown: newer in everything, except that a phase never goes
 * back (a fetch sent before an event arrived may answer after it).
 */
export function mergeFetched(shown: Run | undefined, fetched: Run): Run {
  if (!shown) return fetched;
  const before = new Map((shown.steps ?? []).map((s) => [s.name, s]));
  const steps = (fetched.steps ?? []).map((s) => {
    const b = before.get(s.name);
    return b && rank(b.phase) > rank(s.phase) ? { ...s, ...b } : s;
  });
  const phase = RUN_ENDED.has(shown.phase) && !RUN_ENDED.has(fetched.phase) ? shown.phase : fetched.phase;
  return { ...fetched, phase, steps };
}

export function runReducer(state: RunState, action: RunAction): RunState {
  switch (action.type) {
    case 'fetched':
      return { ...state, run: mergeFetched(state.run, action.run), error: undefined };
    case 'failed':
      return state.run ? state : { ...state, error: action.error };
    case 'event':
      return state.run ? { ...state, run: applyEvent(state.run, action.event) } : state;
    case 'connection':
      return { ...state, connection: action.connection };
  }
}
