/**
 * Plugins: step types other teams add without touching the workflow or the compiler. A plugin
 * module default-exports a KubeMinPlugin; KUBEMIN_PLUGINS lists module paths to load (comma-
 * separated) in both the API (to validate specs) and the worker (to run the activities). The
 * worker runs every plugin activity with heartbeats (`heartbeating`), so a worker that dies during
 * one is noticed within the step's heartbeat timeout.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { Context } from '@temporalio/activity';
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

type PluginActivity = (input: any) => Promise<unknown>;

/** How often a plugin activity heartbeats while it runs (the workflow's heartbeat timeout is 20 s). */
export const PLUGIN_HEARTBEAT_EVERY_MS = 5_000;

/**
 * Wraps every activity so it heartbeats every few seconds while it runs, whatever it does: a
 * plugin need not heartbeat itself. What the plugin heartbeats itself (its progress) is what the
 * wrapper repeats, so its details are not lost.
 */
export function heartbeating(activities: Record<string, PluginActivity>, { everyMs = PLUGIN_HEARTBEAT_EVERY_MS } = {}): Record<string, PluginActivity> {
  return Object.fromEntries(
    Object.entries(activities).map(([name, fn]) => [
      name,
      async (input: unknown) => {
        const ctx = Context.current();
        const send = ctx.heartbeat;
        let details: unknown = ctx.info.heartbeatDetails;
        // the plugin's own heartbeat() goes through here, so the wrapper repeats its newest details
        Object.defineProperty(ctx, 'heartbeat', { value: (d?: unknown) => send((details = d)), configurable: true });
        send(details);
        const beat = setInterval(() => send(details), everyMs);
        try {
          return await fn(input);
        } finally {
          clearInterval(beat);
        }
      },
    ]),
  );
}
