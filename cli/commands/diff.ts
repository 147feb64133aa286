/**
 * `kubemin diff -f FILE`: what a run of the spec would change, like `kubectl diff`: `+` an object
 * to create, `~` one to change with its fields (`path: from → to`), `-` one to prune. Exit 0 when
 * nothing would change, 1 when something would (cli/output.ts EXIT). `-o json|yaml` writes the
 * API's answer (POST /v1/diff) on stdout and nothing else.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ApiProblemError, type components } from '../../client/index.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT, writeMachine, type Colour, type Paint } from '../output.js';

type DiffResult = components['schemas']['DiffResult'];
type Change = DiffResult['changes'][number];

const SIGN: Record<Change['action'], [string, Colour]> = { create: ['+', 'green'], change: ['~', 'yellow'], prune: ['-', 'red'], unchanged: ['=', 'grey'] };

const show = (v: unknown): string => (v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));

/** The answer as people read it: one block per object that would change, then the counts. */
export function formatDiff(result: DiffResult, paint: Paint): string {
  const lines: string[] = [];
  for (const c of result.changes) {
    if (c.action === 'unchanged') continue;
    const [sign, colour] = SIGN[c.action];
    lines.push(paint(colour, `${sign} ${c.kind} ${c.namespace ? `${c.namespace}/` : ''}${c.name}`));
    for (const f of c.fields ?? []) lines.push(`  ${f.path}: ${show(f.from)} → ${show(f.to)}`);
    if (c.note) lines.push(`  (${c.note})`);
  }
  const s = result.summary;
  lines.push(`${s.create} to create, ${s.change} to change, ${s.prune} to prune, ${s.unchanged} unchanged`);
  return lines.join('\n') + '\n';
}

export const hasChanges = (result: DiffResult): boolean => result.summary.create + result.summary.change + result.summary.prune > 0;

export function registerDiff(program: Command, ctx: CliContext): void {
  program
    .command('diff')
    .description('Show what a run of a spec would change in the cluster (exit 1 when something would)')
    .requiredOption('-f, --file <file>', 'the spec (YAML or JSON)')
    .action(async (opts: { file: string }) => {
      const text = await readFile(opts.file, 'utf8').catch((e: NodeJS.ErrnoException) => {
        throw new CliError(`cannot read ${opts.file}: ${e.code ?? e.message}`, EXIT.usage);
      });
      const client = await ctx.client();
      const { data, error, response } = await client.POST('/v1/diff', {
        // the text as written, so the API's errors name its lines
        body: text as never,
        bodySerializer: (b: unknown) => b as string,
        headers: { 'content-type': 'application/yaml' },
      });
      if (!data) throw new ApiProblemError(response.status, (error ?? {}) as ConstructorParameters<typeof ApiProblemError>[1]);
      ctx.exitCode = hasChanges(data) ? EXIT.failed : EXIT.ok;
      if (writeMachine(ctx.stdout, ctx.globals().output, data, (v) => (v as DiffResult).changes.filter((c) => c.action !== 'unchanged').map((c) => `${c.kind}/${c.name}`))) return;
      ctx.stdout.write(formatDiff(data, ctx.paintOut()));
    });
}
