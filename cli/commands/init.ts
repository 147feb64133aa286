/**
 * `kubemin init`: builds an application spec in a dialogue on the terminal (prompts on stderr,
 * keys from stdin), or from flags with --yes; validates it with the API's validator; writes
 * kubemin.yaml (or -f FILE) when stdout is a terminal, else the spec to stdout, so
 * `kubemin init > app.yaml` works. `-o json` writes the seed's JSON. A cancel writes nothing (exit 2).
 */
import { access } from 'node:fs/promises';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { runDialogue } from '../init/dialogue.js';
import type { AppDraft } from '../init/draft.js';
import { COMPONENT_KEY_NAMES, draftFromFlags, type InitFlags } from '../init/flags.js';
import { createClackPrompter, InitCancelled, type Prompter } from '../init/prompts.js';
import { checkSpec, refuseOverwrite, type SpecFormat, specText, writeSpec } from '../init/write-spec.js';
import { CliError, EXIT } from '../output.js';

interface InitOptions extends InitFlags {
  file?: string;
  force?: boolean;
  yes?: boolean;
}

const EXAMPLES = `
Examples:
  kubemin init                   the dialogue; writes kubemin.yaml
  kubemin init > app.yaml        the spec on stdout, the questions on stderr
  kubemin -o json init -f app.json
  kubemin init --yes --name shop --namespace demo \\
    --component name=settings,type=config,data.MODE=prod \\
    --component name=web,image=nginx:1.27,replicas=2,port=80,dependsOn=settings,envFrom=settings \\
    --approval`;

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];
const exists = (file: string) => access(file).then(() => true, () => false);

/** Where the spec goes: -f FILE, else kubemin.yaml (.json) on a terminal, else stdout (undefined). */
function destination(ctx: CliContext, o: InitOptions, format: SpecFormat): string | undefined {
  if (o.file) return o.file;
  return ctx.stdout.isTTY ? `kubemin.${format}` : undefined;
}

async function ask(ctx: CliContext, o: InitOptions): Promise<{ app: AppDraft; p: Prompter }> {
  if (o.component?.length || o.approval || o.gpuCheck) throw new CliError('--component, --approval and --gpu-check are for --yes (no prompts)', EXIT.usage, 'add --yes, or leave them out to be asked');
  const stdin = ctx.stdin ?? process.stdin;
  if (!stdin.isTTY) throw new CliError('init asks its questions on a terminal, and stdin is not one', EXIT.usage, 'use --yes with --name and --component flags in scripts');
  const p = createClackPrompter({ input: stdin, output: ctx.stderr });
  try {
    return { app: await runDialogue(p, { ...(o.name ? { name: o.name } : {}), ...(o.namespace ? { namespace: o.namespace } : {}) }), p };
  } catch (e) {
    if (e instanceof InitCancelled) throw new CliError(e.message, EXIT.usage);
    throw e;
  }
}

export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('Build an application spec in a dialogue (or from flags with --yes), validate it, and write kubemin.yaml (stdout when it is not a terminal)')
    .option('-f, --file <file>', 'where to write the spec (default: kubemin.yaml on a terminal, else stdout)')
    .option('--force', 'overwrite the file if it exists')
    .option('-y, --yes', 'ask nothing: the application from the flags below')
    .option('--name <name>', 'the application name')
    .option('--namespace <namespace>', 'its namespace (default: default)')
    .option('--component <spec>', `a component, repeatable: key=value pairs joined by commas (${COMPONENT_KEY_NAMES.join(', ')}); lists joined with +; env.KEY=@SOURCE/KEY reads a config or secret key`, collect)
    .option('--approval', 'an explicit workflow with an approval step before the deploy steps')
    .option('--gpu-check', 'an explicit workflow with a GPU capacity check before the deploy steps')
    .addHelpText('after', EXAMPLES)
    .action(async (o: InitOptions) => {
      const format: SpecFormat = ctx.globals().output === 'json' ? 'json' : 'yaml';
      const file = destination(ctx, o, format);
      // refused before any question, so nobody answers them for nothing
      if (file && !o.force && (await exists(file))) throw refuseOverwrite(file);
      const { app, p } = o.yes ? { app: draftFromFlags(o), p: undefined } : await ask(ctx, o);
      const text = specText(app, format);
      const { components, steps } = checkSpec(ctx, text);
      await writeSpec(ctx, text, { file, force: o.force ?? false });
      const done = `${file ?? 'the spec (stdout)'}: valid, ${components} component${components === 1 ? '' : 's'}, ${steps} step${steps === 1 ? '' : 's'}${file ? `; next: kubemin up -f ${file} --wait` : ''}`;
      if (p) p.outro(done);
      else ctx.say(done);
    });
}
