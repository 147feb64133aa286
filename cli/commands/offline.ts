/**
 * `kubemin validate -f FILE` and `kubemin render -f FILE`: offline, with the API's own validator
 * and renderers (src/). Every error as `FILE:LINE: JSON.PATH: message` on stderr, exit 2;
 * `render` writes the manifests as multi-document YAML on stdout, like `helm template`.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { compile, KubeMinError, renderAll, validateSpecText, type Application } from '../../src/index.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT, writeMachine } from '../output.js';

/** The spec of FILE, validated; every problem reported on stderr, then exit 2. */
async function validFile(ctx: CliContext, file: string): Promise<Application> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as Error).message}`, EXIT.usage);
  }
  try {
    return validateSpecText(text);
  } catch (e) {
    if (!(e instanceof KubeMinError)) throw e;
    if (ctx.globals().output === 'json') writeMachine(ctx.stdout, 'json', { valid: false, code: e.code, errors: e.details });
    for (const d of e.details) ctx.say(`${file}:${d.line ?? 1}: ${d.path}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`);
    throw new CliError(`${file}: ${e.details.length} problem${e.details.length === 1 ? '' : 's'}`, EXIT.usage, e.hint);
  }
}

/** The offline commands: each reads and validates -f FILE, then does its own work with the spec. */
const OFFLINE: readonly { name: string; description: string; run: (ctx: CliContext, spec: Application, file: string) => void }[] = [
  {
    name: 'validate',
    description: 'Validate a spec offline with the API\'s validator: file:line and JSON path for every error (exit 2 when invalid)',
    run: (ctx, spec, file) => {
      const plan = compile(spec);
      if (ctx.globals().output === 'json') writeMachine(ctx.stdout, 'json', { valid: true, application: plan.application, namespace: plan.namespace, revision: plan.revision, steps: plan.steps.map((s) => s.name) });
      ctx.say(`${file}: valid (${spec.components.length} component${spec.components.length === 1 ? '' : 's'}, ${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'})`);
    },
  },
  {
    name: 'render',
    description: 'Render a spec\'s manifests offline, as multi-document YAML (like helm template; -o json: an array)',
    run: (ctx, spec) => {
      const manifests = [...renderAll(spec).values()].flat();
      if (ctx.globals().output === 'json') writeMachine(ctx.stdout, 'json', manifests);
      else ctx.stdout.write(manifests.map((m) => stringify(m)).join('---\n'));
    },
  },
];

export function registerOfflineCommands(program: Command, ctx: CliContext): void {
  for (const c of OFFLINE) {
    program
      .command(c.name)
      .description(c.description)
      .requiredOption('-f, --file <file>', 'the spec (YAML or JSON)')
      .action(async (o: { file: string }) => c.run(ctx, await validFile(ctx, o.file), o.file));
  }
}
