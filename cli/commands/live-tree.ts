/**
 * The terminal writer of a followed run's tree (the tree itself is tree.ts): on a terminal it is
 * redrawn in place, except while a question is on the screen; on a pipe each step prints one line
 * when it changes.
 */
import type { Run } from '../../client/index.js';
import type { CliContext } from '../context.js';
import type { Paint } from '../output.js';
import { runTree, stepLines, type ProgressWait } from './tree.js';

export interface LiveTree {
  readonly tty: boolean;
  draw(run: Run, progress: ReadonlyMap<string, ProgressWait>): void;
  /** A line for people (reconnecting, approved...): on a terminal above the tree, which is drawn again below it. */
  say(line: string): void;
  /** A question goes on the screen: no redraw may move the cursor over it. */
  hold(): void;
  /** The question is answered: the tree is drawn afresh below it. */
  release(): void;
}

export function createLiveTree(ctx: CliContext, paint: Paint): LiveTree {
  const tty = ctx.stderr.isTTY === true;
  const printed = new Map<string, string>();
  let drawn = 0;
  let held = false;
  let headed = false;
  let last: [Run, ReadonlyMap<string, ProgressWait>] | undefined;
  /** Moves the cursor back to where the tree began and clears from there down. */
  const erase = () => (drawn ? `\u001b[${drawn}F\u001b[0J` : '');
  const drawTerminal = (run: Run, progress: ReadonlyMap<string, ProgressWait>) => {
    last = [run, progress];
    if (held) return;
    const lines = runTree(run, paint, Date.now(), new Map(progress));
    ctx.stderr.write(erase() + lines.join('\n') + '\n');
    drawn = lines.length;
  };
  const sayTerminal = (line: string) => {
    if (held) return void ctx.say(line);
    ctx.stderr.write(erase() + line + '\n');
    drawn = 0;
    if (last) drawTerminal(...last);
  };
  const drawPipe = (run: Run, progress: ReadonlyMap<string, ProgressWait>) => {
    if (!headed) ctx.say(runTree({ ...run, steps: [] }, paint)[0]!);
    headed = true;
    // one line per change, compared without the elapsed time (which changes always)
    for (const s of run.steps ?? []) {
      const key = stepLines({ ...s, startedAt: undefined as unknown as string }, paint, 0, progress.get(s.name)).join('\n');
      if (printed.get(s.name) === key) continue;
      printed.set(s.name, key);
      ctx.say(stepLines(s, paint, Date.now(), progress.get(s.name)).join('\n'));
    }
  };
  return {
    tty,
    draw: tty ? drawTerminal : drawPipe,
    say: tty ? sayTerminal : ctx.say,
    hold: () => void (held = true),
    release: () => {
      held = false;
      drawn = 0;
    },
  };
}
