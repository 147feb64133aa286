/**
 * Where the CLI writes and how: machine output on stdout only; progress, prompts and errors on
 * stderr; colour only on a terminal (off with NO_COLOR, TERM=dumb or --no-color); a status always
 * as a word and a symbol, never colour alone. The exit codes are part of the interface.
 */
import { stringify } from 'yaml';

export const EXIT = {
  ok: 0,
  /** the run failed, or `diff` found changes */
  failed: 1,
  /** invalid usage or an invalid spec */
  usage: 2,
  cancelled: 3,
  /** `--wait` timed out; the run goes on */
  timeout: 4,
  /** the server is unreachable, or the token is not authorised */
  unreachable: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error that ends the command with its exit code; its message (and hint) go to stderr. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: ExitCode, readonly hint?: string) {
    super(message);
    this.name = 'CliError';
  }
}

export type OutputFormat = 'table' | 'json' | 'yaml' | 'name';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'yaml', 'name'];

export interface Streams {
  /** Where `init` reads a person's answers (process.stdin unless given). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** Colour on stderr/stdout only when it is a terminal and nothing turns it off. */
export function colourFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, flag: boolean): boolean {
  if (!flag || !stream.isTTY) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return true;
}

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, grey: 90, bold: 1 } as const;
export type Colour = keyof typeof CODES;
export type Paint = (c: Colour, text: string) => string;
export const painter = (on: boolean): Paint => (c, text) => (on ? `\u001b[${CODES[c]}m${text}\u001b[0m` : text);

/** A phase as a symbol and its word, coloured when colour is on. */
const PHASE_LOOK: Record<string, [string, Colour]> = {
  Succeeded: ['✓', 'green'],
  Failed: ['✗', 'red'],
  Cancelled: ['⊘', 'yellow'],
  Skipped: ['↷', 'grey'],
  Running: ['●', 'blue'],
  Queued: ['…', 'grey'],
  Pending: ['○', 'grey'],
  WaitingForApproval: ['⏸', 'yellow'],
};
export function phaseLabel(phase: string, paint: Paint): string {
  const [sym, colour] = PHASE_LOOK[phase] ?? ['?', 'grey'];
  return paint(colour, `${sym} ${phase}`);
}

/** Rows as an aligned table with a header; widths count characters, not escape codes. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = (s: string) => [...s.replace(/\u001b\[[0-9;]*m/g, '')].length;
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - width(c)))).join('   ').trimEnd();
  return [line(headers), ...rows.map(line)].join('\n') + '\n';
}

/** Writes a value in a machine format, or returns false for `table` (the command draws its own). */
export function writeMachine(out: Streams['stdout'], format: OutputFormat, value: unknown, name?: (v: unknown) => string[]): boolean {
  if (format === 'json') out.write(JSON.stringify(value, null, 2) + '\n');
  else if (format === 'yaml') out.write(stringify(value));
  else if (format === 'name') out.write((name ? name(value) : []).map((n) => n + '\n').join(''));
  else return false;
  return true;
}

/** A duration in ms as 1.2s, 3m04s, 1h02m. */
export function duration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.floor(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
