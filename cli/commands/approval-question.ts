/**
 * On a terminal, `up --wait` asks whether to approve a step that waits for approval: one question
 * at a time, each step asked once. A question is withdrawn when the step stops waiting (decided
 * elsewhere, the run cancelled) or the wait ends (its timeout), so it never holds the command up.
 */
import { createInterface } from 'node:readline/promises';
import type { Run } from '../../client/index.js';
import type { CliContext } from '../context.js';
import { request, runPath } from './http.js';
import type { LiveTree } from './live-tree.js';

const ANSWERS: Record<string, 'approve' | 'reject'> = { y: 'approve', yes: 'approve', n: 'reject', no: 'reject' };

/** Asks once; an answer other than y/n decides nothing. Resolves quietly when `signal` withdraws it. */
async function ask(ctx: CliContext, id: string, step: string, signal: AbortSignal): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: ctx.stderr });
  let answer: string;
  try {
    answer = (await rl.question(`step ${step} waits for approval: approve it? [y/n] `, { signal })).trim().toLowerCase();
  } catch (e) {
    if (!signal.aborted) throw e;
    ctx.stderr.write('\n'); // the question's line ends here
    if (typeof signal.reason === 'string') ctx.say(signal.reason);
    return;
  } finally {
    rl.close();
  }
  const action = ANSWERS[answer];
  if (!action) return;
  await request(ctx, 'POST', runPath(id, `/${action}`), { type: 'application/json', text: JSON.stringify({ step }) });
  ctx.say(`${action === 'approve' ? 'approved' : 'rejected'} ${step}`);
}

export interface ApprovalQuestions {
  /** Asks about the first step of `run` that waits and was not asked yet; withdraws a question whose step no longer waits. */
  offer(run: Run): void;
  /** Withdraws the open question, if any, and resolves once it is off the screen. */
  close(): Promise<void>;
}

export function createApprovalQuestions(ctx: CliContext, id: string, tree: LiveTree, redraw: () => void): ApprovalQuestions {
  const asked = new Set<string>();
  let open: { step: string; stop: AbortController; done: Promise<void> } | undefined;
  const questions: ApprovalQuestions = {
    offer: (run) => {
      if (open && !run.steps?.some((s) => s.name === open?.step && s.awaitingApproval)) open.stop.abort(`step ${open.step} no longer waits for approval`);
      const next = run.steps?.find((s) => s.awaitingApproval && !asked.has(s.name));
      if (open || !next) return;
      asked.add(next.name);
      const stop = new AbortController();
      tree.hold();
      const done = ask(ctx, id, next.name, stop.signal)
        .catch((e: Error) => ctx.say(`could not decide ${next.name}: ${e.message}`))
        .finally(() => {
          open = undefined;
          tree.release();
          redraw();
        });
      open = { step: next.name, stop, done };
    },
    close: async () => {
      const q = open;
      q?.stop.abort();
      await q?.done;
    },
  };
  return questions;
}
