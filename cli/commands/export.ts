/**
 * `kubemin export RUN`: the spec a run was started with (GET /v1/runs/{id}/spec), as YAML on
 * stdout or in `-f FILE`, `-o json` for JSON: the seed's export; `kubemin up -f` imports it
 * again, and a spec without secrets compiles to the run's revision. Secret values come back as
 * `[redacted]` (the API never answers them): fill them in before such a spec runs again.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { ApiProblemError, type Application } from '../../client/index.js';
import { REDACTED } from '../../src/redact.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT, type OutputFormat } from '../output.js';

/** The spec as text in the output format: JSON for `-o json`, its name for `-o name`, else YAML. */
export function specText(spec: Application, format: OutputFormat): string {
  if (format === 'json') return JSON.stringify(spec, null, 2) + '\n';
  if (format === 'name') return `${spec.name}\n`;
  return stringify(spec);
}

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('the spec a run was started with, as YAML (-o json: JSON); secret values read [redacted]')
    .argument('<run>', 'the run id')
    .option('-f, --file <file>', 'write it to FILE instead of stdout')
    .action(async (id: string, opts: { file?: string }) => {
      const client = await ctx.client();
      const { data, error, response } = await client.GET('/v1/runs/{id}/spec', { params: { path: { id } } });
      if (response.status === 404) throw new CliError(`no run "${id}"`, EXIT.usage, 'kubemin runs lists the runs and their ids');
      if (!data) throw new ApiProblemError(response.status, (error ?? {}) as ConstructorParameters<typeof ApiProblemError>[1]);
      const text = specText(data, ctx.globals().output);
      if (opts.file) {
        await writeFile(opts.file, text).catch((e: NodeJS.ErrnoException) => {
          throw new CliError(`cannot write ${opts.file}: ${e.code ?? e.message}`, EXIT.usage);
        });
        ctx.say(`wrote the spec of ${id} to ${opts.file}`);
      } else ctx.stdout.write(text);
      if (JSON.stringify(data).includes(REDACTED)) ctx.say(`note: secret values read ${REDACTED}: fill them in before \`kubemin up -f\` runs this spec again`);
    });
}
