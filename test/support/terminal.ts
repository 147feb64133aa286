/**
 * A real terminal for tests that drive an interactive command as a person would: a tmux session
 * (on its own tmux server, so other tests' sessions are never touched) running one shell command;
 * keys are sent with send-keys and the screen read with capture-pane. Helpers for @clack/prompts'
 * screens: the question being asked is the last line marked ◆, an answered one is marked ◇.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Terminal {
  /** The whole screen and its scrollback. */
  screen(): Promise<string>;
  /** Waits until `test` holds for the screen; fails with the screen after `timeoutMs`. */
  waitFor(test: (screen: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  /** Types text literally (no key names). */
  type(text: string): Promise<void>;
  /** Presses keys by tmux name: Enter, Down, Space, C-c. */
  press(...keys: string[]): Promise<void>;
  /** The command's exit code, once it has ended. */
  exitCode(timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

const EXIT_MARK = 'TERMINAL-EXIT=';

/** Starts `command` (a shell command line) in a 200x50 terminal in `cwd`. */
export async function startTerminal(command: string, cwd: string): Promise<Terminal> {
  const socket = `kubemin-test-${randomBytes(4).toString('hex')}`;
  const tmux = (...args: string[]) => run('tmux', ['-L', socket, ...args], { cwd });
  // the shell stays after the command so its exit code can be read from the screen
  await tmux('new-session', '-d', '-s', 't', '-x', '200', '-y', '50', '-c', cwd, `${command}; echo ${EXIT_MARK}$?; sleep 3600`);
  const screen = async () => (await tmux('capture-pane', '-p', '-J', '-S', '-2000', '-t', 't')).stdout;
  const t: Terminal = {
    screen,
    waitFor: async (test, what, timeoutMs = 30_000) => {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const s = await screen();
        if (test(s)) return s;
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}; the screen:\n${s}`);
        await sleep(100);
      }
    },
    type: async (text) => void (await tmux('send-keys', '-t', 't', '-l', text)),
    press: async (...keys) => void (await tmux('send-keys', '-t', 't', ...keys)),
    exitCode: async (timeoutMs) => {
      const s = await t.waitFor((text) => text.includes(EXIT_MARK), 'the command to end', timeoutMs);
      return Number(new RegExp(`${EXIT_MARK}(\\d+)`).exec(s)?.[1]);
    },
    close: async () => void (await tmux('kill-server').catch(() => undefined)),
  };
  return t;
}

const lines = (screen: string) => screen.split('\n');
/** The question clack is asking: its last ◆ line and what follows (undefined when none is open). */
export function openQuestion(screen: string): string | undefined {
  const all = lines(screen);
  const at = all.findLastIndex((l) => l.startsWith('◆'));
  return at < 0 ? undefined : all.slice(at).join('\n');
}
/** How many questions have been answered (◇ lines). */
export const answeredCount = (screen: string): number => lines(screen).filter((l) => l.startsWith('◇')).length;

/** The option lines of the open question (│ then a marker ●/○ or ◻/◼). */
const optionLines = (screen: string): string[] => (openQuestion(screen) ?? '').split('\n').filter((l) => /^│\s+[●○◻◼]/.test(l));

/** One answer: text typed (empty: the default), an option selected, a confirm, or options chosen. */
export type Answer = { question: string } & ({ text: string } | { select: string } | { confirm: boolean } | { choose: readonly string[] });

/**
 * A person answering clack's questions in order: each answer waits until the question asked is
 * `question` and every earlier answer has been taken, so keys never land in the wrong prompt.
 */
export function createAnswerer(t: Terminal) {
  let answered = 0;
  const asked = (question: string) => (s: string) => answeredCount(s) === answered && (openQuestion(s)?.split('\n')[0]?.includes(question) ?? false);
  const waitAsked = (question: string) => t.waitFor(asked(question), `the question "${question}"`);
  const submit = async (...keys: string[]) => {
    await t.press(...keys);
    answered++;
  };
  const answerer = {
    /** Types `text` (empty: take the default) and Enter. */
    text: async (question: string, text: string) => {
      await waitAsked(question);
      if (text) await t.type(text);
      await submit('Enter');
    },
    /** Presses y or n. */
    confirm: async (question: string, yes: boolean) => {
      await waitAsked(question);
      await submit(yes ? 'y' : 'n');
    },
    /** Moves down until the focused option (●) is `option`, then Enter. */
    select: async (question: string, option: string) => {
      let s = await waitAsked(question);
      for (let i = 0; !optionLines(s).some((l) => /^│\s+●/.test(l) && l.includes(option)); i++) {
        if (i > optionLines(s).length) throw new Error(`no option "${option}" in "${question}":\n${s}`);
        await t.press('Down');
        const before = s;
        s = await t.waitFor((x) => x !== before, 'the cursor to move', 5_000);
      }
      await submit('Enter');
    },
    /** Chooses exactly `options` (the cursor starts on the first option), then Enter. */
    multiselect: async (question: string, options: readonly string[]) => {
      const s = await waitAsked(question);
      const listed = optionLines(s);
      for (const [i, line] of listed.entries()) {
        const want = options.some((o) => line.includes(` ${o}`));
        if (want !== /^│\s+◼/.test(line)) await t.press('Space');
        if (i < listed.length - 1) await t.press('Down');
      }
      const chosen = optionLines(await t.waitFor((x) => optionLines(x).filter((l) => /^│\s+◼/.test(l)).length === options.length, `${options.join(', ')} to be chosen`, 5_000));
      if (!options.every((o) => chosen.some((l) => /^│\s+◼/.test(l) && l.includes(` ${o}`)))) throw new Error(`could not choose ${options.join(', ')}:\n${chosen.join('\n')}`);
      await submit('Enter');
    },
  };
  return {
    ...answerer,
    /** Answers one question as `a` says. */
    answer: (a: Answer): Promise<void> => {
      if ('text' in a) return answerer.text(a.question, a.text);
      if ('select' in a) return answerer.select(a.question, a.select);
      if ('confirm' in a) return answerer.confirm(a.question, a.confirm);
      return answerer.multiselect(a.question, a.choose);
    },
  };
}
