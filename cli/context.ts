/**
 * What every command is handed: the streams, the global options as parsed, and lazily the target
 * and the typed client. Commands never write to process.stdout directly, so tests drive them in
 * process with their own streams, and machine output stays clean.
 */
import { createKubeMinClient, type KubeMinClient } from '../client/index.js';
import { resolveTarget, type Target } from './config.js';
import { colourFor, painter, type OutputFormat, type Paint, type Streams } from './output.js';

export interface GlobalOptions {
  server?: string;
  token?: string;
  context?: string;
  output: OutputFormat;
  color: boolean;
}

export interface CliContext extends Streams {
  globals(): GlobalOptions;
  /** Colour for what goes to stdout / stderr. */
  paintOut(): Paint;
  paintErr(): Paint;
  target(): Promise<Target>;
  client(): Promise<KubeMinClient>;
  /** Progress and messages for people: stderr. */
  say(line: string): void;
  /** The code the command ends with when it returns normally (a failed run: 1, changes in a diff: 1). */
  exitCode: number;
}

export function createContext(streams: Streams, globals: () => GlobalOptions, fetchImpl?: typeof fetch): CliContext {
  let target: Promise<Target> | undefined;
  const ctx: CliContext = {
    ...streams,
    globals,
    paintOut: () => painter(colourFor(streams.stdout, streams.env, globals().color)),
    paintErr: () => painter(colourFor(streams.stderr, streams.env, globals().color)),
    target: () => (target ??= resolveTarget(globals(), streams.env)),
    client: async () => {
      const t = await ctx.target();
      return createKubeMinClient({ server: t.server, ...(t.token ? { token: t.token } : {}), ...(fetchImpl ? { fetch: fetchImpl } : {}) });
    },
    say: (line) => void streams.stderr.write(line + '\n'),
    exitCode: 0,
  };
  return ctx;
}
