/**
 * `up --wait`: follows a run's events until it ends (or the timeout), drawing its tree on stderr
 * (redrawn in place on a terminal, one line per change on a pipe), asking on a terminal whether to
 * approve a step that waits, and answering the exit code of the run's outcome.
 */
import { followRunEvents, type Run, type RunStreamEvent } from '../../client/index.js';
import type { CliContext } from '../context.js';
import { duration, EXIT, phaseLabel } from '../output.js';
import { createApprovalQuestions } from './approval-question.js';
import { getRun, getRunPatiently } from './http.js';
import { createLiveTree } from './live-tree.js';
import type { ProgressWait } from './tree.js';

/** The exit code a finished run ends the command with. */
export function exitFor(phase: string): number {
  return phase === 'Succeeded' ? EXIT.ok : phase === 'Cancelled' ? EXIT.cancelled : phase === 'Failed' ? EXIT.failed : EXIT.ok;
}

/** The failed steps of a run, their reasons, messages and events, on stderr. */
export function sayFailure(ctx: CliContext, run: Run): void {
  const paint = ctx.paintErr();
  for (const s of (run.steps ?? []).filter((x) => x.phase === 'Failed')) {
    ctx.say(`${paint('red', 'failed:')} step ${s.name}${s.reason ? ` (${s.reason})` : ''}: ${s.message ?? 'no message'}`);
    for (const e of s.events ?? []) ctx.say(`  event: ${e}`);
  }
  if (run.message) ctx.say(`run: ${run.message}`);
}

/** Follows a run until it ends (or the timeout), drawing its tree on stderr; answers the exit code. */
export async function waitForRun(ctx: CliContext, id: string, timeoutMs?: number): Promise<number> {
  const paint = ctx.paintErr();
  const target = await ctx.target();
  const tree = createLiveTree(ctx, paint);
  // the timeout counts from the start: it bounds the first read too
  const abort = new AbortController();
  let timedOut = false;
  const timer = timeoutMs ? setTimeout(() => { timedOut = true; abort.abort(); }, timeoutMs) : undefined;
  const timedOutExit = () => {
    ctx.say(`${paint('yellow', 'timed out')} after ${duration(timeoutMs ?? 0)}: the run ${id} goes on (kubemin status ${id})`);
    return EXIT.timeout;
  };
  let run: Run;
  try {
    // the API may be restarting just now: its first answer is waited for, as the last one is
    run = await getRunPatiently(ctx, id, abort.signal);
  } catch (e) {
    clearTimeout(timer);
    if (timedOut) return timedOutExit();
    throw e;
  }
  const progress = new Map<string, ProgressWait>();
  const draw = () => tree.draw(run, progress);
  draw();
  const tick = tree.tty ? setInterval(draw, 1000) : undefined;
  // on a terminal (both ends), a step that waits for approval is asked about
  const questions = process.stdin.isTTY && tree.tty ? createApprovalQuestions(ctx, id, tree, draw) : undefined;
  let refreshing: Promise<void> = Promise.resolve();
  /** Reads the run again; `patient` (after the stream dropped) waits for the API to come back. */
  const refresh = (patient = false) => {
    refreshing = refreshing.then(async () => {
      try {
        run = patient ? await getRunPatiently(ctx, id, abort.signal) : await getRun(ctx, id);
      } catch {
        return; // the API may be restarting: the stream drops, and its reconnect reads the run again
      }
      draw();
      questions?.offer(run);
    });
  };
  let failed: Error | undefined;
  try {
    await followRunEvents({
      server: target.server,
      ...(target.token ? { token: target.token } : {}),
      runId: id,
      signal: abort.signal,
      onEvent: (e: RunStreamEvent) => {
        if (e.event === 'progress' && Array.isArray(e.data)) {
          progress.clear();
          for (const p of e.data as ProgressWait[]) progress.set(p.step, p);
          draw();
          return;
        }
        if (e.event === 'step' || e.event === 'run') {
          if (e.event === 'step') progress.delete((e.data as { step?: string }).step ?? '');
          refresh();
        }
        if (e.event === 'error') tree.say(`stream error: ${typeof e.data === 'string' ? e.data : JSON.stringify(e.data)}`);
      },
      onReconnect: (attempt, reason) => {
        tree.say(`${paint('yellow', 'reconnecting')} to the events stream (attempt ${attempt}): ${reason}`);
        // what changed before the stream dropped may have been missed by a read that failed with it
        refresh(true);
      },
    });
  } catch (e) {
    failed = e as Error;
  } finally {
    if (timer) clearTimeout(timer);
    if (tick) clearInterval(tick);
  }
  // nothing may draw after this, and an open question holds the terminal's input: both end here
  if (failed) abort.abort();
  await refreshing;
  await questions?.close();
  if (timedOut) return timedOutExit();
  if (failed) throw failed;
  // the end: the run as the API has it now
  run = await getRunPatiently(ctx, id);
  draw();
  if (!tree.tty) ctx.say(`${run.id}  ${phaseLabel(run.phase, paint)}`);
  if (run.phase === 'Failed') sayFailure(ctx, run);
  return exitFor(run.phase);
}
