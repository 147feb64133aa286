/**
 * What can be done to a whole run, by its phase: cancel (it cleans up and ends Cancelled) and
 * terminate (at once, no cleanup) while it goes on; retry once it has failed. Which of them the
 * token's role may do is the API's to say (403, shown in its words). Pure.
 */
import type { Run } from '../../../client/index.js';

export type RunActionName = 'cancel' | 'retry' | 'terminate';

export interface RunActionSpec {
  name: RunActionName;
  label: string;
  /** What the confirm dialog asks. */
  question: string;
  /** Whether the dialog asks for a reason. */
  reason: boolean;
  /** The run phases it applies to. */
  phases: readonly Run['phase'][];
}

const GOING_ON: readonly Run['phase'][] = ['Queued', 'Running'];

export const RUN_ACTIONS: readonly RunActionSpec[] = [
  { name: 'cancel', label: 'Cancel…', question: 'Cancel this run? It cleans up (onCancel) and ends Cancelled.', reason: false, phases: GOING_ON },
  { name: 'retry', label: 'Retry…', question: 'Retry this run from its failed step? Steps that succeeded are not run again; the retry is a new run.', reason: false, phases: ['Failed'] },
  { name: 'terminate', label: 'Terminate…', question: 'Terminate this run at once? No cleanup runs.', reason: true, phases: GOING_ON },
];

/** The actions that apply to a run in this phase. */
export function runActionsFor(phase: Run['phase']): RunActionSpec[] {
  return RUN_ACTIONS.filter((a) => a.phases.includes(phase));
}
