/**
 * Plugins: step types other teams add without touching the workflow or the compiler. A plugin
 * module default-exports a KubeMinPlugin; KUBEMIN_PLUGINS lists module paths to load (comma-
 * separated) in both the API (to validate specs) and the worker (to run the activities).
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { ActivityDeps } from '../activities/index.js';
import { registerStepType, type StepTypeDefinition } from '../src/index.js';

export interface KubeMinPlugin {
  name: string;
  stepTypes: StepTypeDefinition<any>[];
  /** The activities the step types name, built from the same deps as KubeMin's own. */
  activities(deps: ActivityDeps): Record<string, (input: any) => Promise<unknown>>;
}

/** Registers the plugins' step types, so specs using them validate and compile. */
export function installPlugins(plugins: readonly KubeMinPlugin[]): void {
  for (const p of plugins) for (const t of p.stepTypes) registerStepType(t);
}

/** Loads the plugin modules named in a comma-separated list of paths. */
export async function loadPlugins(list: string | undefined): Promise<KubeMinPlugin[]> {
  const paths = (list ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return Promise.all(paths.map(async (p) => ((await import(pathToFileURL(resolve(p)).href)) as { default: KubeMinPlugin }).default));
}
