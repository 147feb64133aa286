/** A run's steps as a tree of lines: phase symbol+word, attempts, elapsed, waits and messages. */
import { duration, phaseLabel, type Paint } from '../output.js';
import type { Run, StepStatus } from '../../client/index.js';

export interface ProgressWait {
  step: string;
  waiting?: StepStatus['waiting'];
  waitingForCapacity?: boolean;
}

function elapsed(s: StepStatus, now: number): string {
  if (!s.startedAt) return '';
  const end = s.finishedAt ? Date.parse(s.finishedAt) : now;
  return duration(Math.max(0, end - Date.parse(s.startedAt)));
}

/** One line per step (and indented detail lines); `now` lets a redraw tick the elapsed time. */
export function stepLines(s: StepStatus, paint: Paint, now = Date.now(), progress?: ProgressWait): string[] {
  const phase = s.awaitingApproval ? 'WaitingForApproval' : s.phase;
  const bits = [s.attempts > 1 ? `attempt ${s.attempts}` : '', elapsed(s, now)].filter(Boolean);
  const lines = [`  ${phaseLabel(phase, paint)}  ${s.name}${bits.length ? `  (${bits.join(', ')})` : ''}`];
  const waits = progress?.waiting ?? s.waiting ?? [];
  for (const w of s.phase === 'Running' ? waits : []) {
    lines.push(`      ${w.target}: ${w.ready}/${w.desired} ready${w.waitingForCapacity ? ' · waiting for capacity' : ''}${w.message ? ` · ${w.message}` : ''}`);
  }
  const decided = s.decision ? `${s.decision.approved ? 'approved' : 'rejected'} by ${s.decision.by}${s.decision.comment ? `: ${s.decision.comment}` : ''}` : '';
  // an approval step's own message says the same once decided: one line, not two
  if (decided && s.message !== decided) lines.push(`      ${decided}`);
  if (s.message && (s.phase !== 'Running' || !waits.length)) lines.push(`      ${s.reason ? `${s.reason}: ` : ''}${s.message}`);
  return lines;
}

export function runTree(run: Run, paint: Paint, now = Date.now(), progress: Map<string, ProgressWait> = new Map()): string[] {
  const head = `${run.id}  ${phaseLabel(run.phase, paint)}${run.application ? `  ${run.application}/${run.namespace ?? ''}` : ''}`;
  return [head, ...(run.steps ?? []).flatMap((s) => stepLines(s, paint, now, progress.get(s.name)))];
}
