/**
 * `kubemin`: the command line of KubeMin. Global options pick the server and the output; each
 * command comes from the registry in cli/commands. Errors end with a documented exit code
 * (cli/output.ts EXIT), their message and what to do next on stderr.
 */
import { Command, CommanderError, Option } from 'commander';
import { ApiProblemError } from '../client/index.js';
import { connectionErrorCode } from './commands/http.js';
import { COMMANDS } from './commands/index.js';
import { createContext, type GlobalOptions } from './context.js';
import { CliError, EXIT, OUTPUT_FORMATS, type Streams } from './output.js';

export interface MainOptions extends Partial<Streams> {
  fetch?: typeof fetch;
}

export function buildProgram(streams: Streams, fetchImpl?: typeof fetch) {
  const program = new Command('kubemin');
  const ctx = createContext(streams, () => program.opts<GlobalOptions>(), fetchImpl);
  program
    .description('Application delivery on Kubernetes as durable Temporal workflows')
    .version('0.1.0')
    .option('--server <url>', 'the KubeMin API (else KUBEMIN_SERVER, the current context, http://127.0.0.1:8080)')
    .option('--token <token>', 'a bearer token (else KUBEMIN_TOKEN or the context\'s)')
    .option('--context <name>', 'a context of ~/.config/kubemin/config.yaml')
    .addOption(new Option('-o, --output <format>', 'output format').choices(OUTPUT_FORMATS).default('table'))
    .option('--no-color', 'no colour (also NO_COLOR, TERM=dumb, or when not a terminal)')
    .showHelpAfterError('(kubemin --help lists the commands)');
  for (const register of COMMANDS) register(program, ctx);
  // help and usage errors go to the given streams, and end in a CommanderError, never process.exit
  for (const c of [program, ...program.commands]) c.exitOverride().configureOutput({ writeOut: (s) => streams.stdout.write(s), writeErr: (s) => streams.stderr.write(s) });
  return { program, ctx };
}

/** Runs the CLI; answers the exit code (never calls process.exit). */
export async function main(argv: readonly string[], opts: MainOptions = {}): Promise<number> {
  const streams: Streams = { stdin: opts.stdin ?? process.stdin, stdout: opts.stdout ?? process.stdout, stderr: opts.stderr ?? process.stderr, env: opts.env ?? process.env };
  const { program, ctx } = buildProgram(streams, opts.fetch);
  try {
    await program.parseAsync([...argv]);
    return ctx.exitCode;
  } catch (e) {
    return reportError(e, ctx);
  }
}

function reportError(e: unknown, ctx: ReturnType<typeof createContext>): number {
  const paint = ctx.paintErr();
  if (e instanceof CommanderError) {
    // --help and --version end with code 0; commander has printed the rest already
    return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (e instanceof CliError) {
    ctx.say(`${paint('red', 'error:')} ${e.message}`);
    if (e.hint) ctx.say(`hint: ${e.hint}`);
    return e.exitCode;
  }
  if (e instanceof ApiProblemError) {
    ctx.say(`${paint('red', 'error:')} ${e.message}`);
    for (const f of (e.problem.errors as { path: string; message: string; line?: number }[] | undefined) ?? []) ctx.say(`  ${f.line ? `line ${f.line}: ` : ''}${f.path}: ${f.message}`);
    if (typeof e.problem.hint === 'string') ctx.say(`hint: ${e.problem.hint}`);
    return e.status === 401 || e.status === 403 ? EXIT.unreachable : e.status >= 500 ? EXIT.failed : EXIT.usage;
  }
  const code = connectionErrorCode(e);
  if (code) {
    ctx.say(`${paint('red', 'error:')} cannot reach the KubeMin API (${code})`);
    ctx.say('hint: start it with `npm start`, or point --server / KUBEMIN_SERVER / `kubemin context use` at a running one');
    return EXIT.unreachable;
  }
  ctx.say(`${paint('red', 'error:')} ${(e as Error).message ?? String(e)}`);
  return EXIT.failed;
}
