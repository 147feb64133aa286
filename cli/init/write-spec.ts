/**
 * The end of `kubemin init`: the application as text (YAML, or the seed's JSON), validated by the
 * API's own validator and compiled, then written where it goes: a file (never overwritten
 * without --force) or stdout. An invalid application is reported path by path and not written.
 */
import { writeFile } from 'node:fs/promises';
import { stringify } from 'yaml';
import { compile, KubeMinError, validateSpecText } from '../../src/index.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../output.js';
import type { AppDraft } from './draft.js';

export type SpecFormat = 'yaml' | 'json';

/** The seed's JSON names a component's type `componentType` (the validator takes both; YAML keeps `type`). */
const seedShape = (app: AppDraft) => ({ ...app, components: app.components.map(({ name, type, ...rest }) => ({ name, componentType: type, ...rest })) });

export const specText = (app: AppDraft, format: SpecFormat): string => (format === 'json' ? JSON.stringify(seedShape(app), null, 2) + '\n' : stringify(app));

/** The components and steps of a valid spec; every problem on stderr and exit 2 otherwise. */
export function checkSpec(ctx: CliContext, text: string): { components: number; steps: number } {
  try {
    const plan = compile(validateSpecText(text));
    return { components: plan.spec.components.length, steps: plan.steps.length };
  } catch (e) {
    if (!(e instanceof KubeMinError)) throw e;
    for (const d of e.details) ctx.say(`  ${d.path}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`);
    const n = e.details.length;
    throw new CliError(`the application is invalid${n ? ` (${n} problem${n === 1 ? '' : 's'})` : `: ${e.message}`}, nothing written`, EXIT.usage, e.hint);
  }
}

export const refuseOverwrite = (file: string) => new CliError(`${file} exists, nothing written`, EXIT.usage, 'pass --force to overwrite it, or -f to pick another file');

/** Writes the spec to `file` (undefined: stdout). */
export async function writeSpec(ctx: CliContext, text: string, o: { file: string | undefined; force: boolean }): Promise<void> {
  if (o.file === undefined) {
    ctx.stdout.write(text);
    return;
  }
  try {
    await writeFile(o.file, text, { flag: o.force ? 'w' : 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw refuseOverwrite(o.file);
    throw new CliError(`cannot write ${o.file}: ${(e as Error).message}`, EXIT.usage);
  }
}
