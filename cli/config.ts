/**
 * Where to connect: --server/--token, else KUBEMIN_SERVER/KUBEMIN_TOKEN, else the current context
 * of ~/.config/kubemin/config.yaml (KUBEMIN_CONFIG names another file), else the dev default
 * http://127.0.0.1:8080. The file holds tokens, so it is written with mode 0600.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';

export const DEFAULT_SERVER = 'http://127.0.0.1:8080';

export interface Context {
  name: string;
  server: string;
  token?: string;
}
export interface CliConfig {
  current?: string;
  contexts: Context[];
}

export function configPath(env: NodeJS.ProcessEnv): string {
  return env.KUBEMIN_CONFIG ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'kubemin', 'config.yaml');
}

export async function readConfig(path: string): Promise<CliConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { contexts: [] };
    throw e;
  }
  const raw = (parse(text) ?? {}) as Partial<CliConfig>;
  return { ...(raw.current ? { current: raw.current } : {}), contexts: Array.isArray(raw.contexts) ? raw.contexts : [] };
}

export async function writeConfig(path: string, config: CliConfig): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, stringify(config), { mode: 0o600 });
  await chmod(path, 0o600); // an existing file keeps its mode on write
}

export interface Target {
  server: string;
  token?: string;
  /** where the server came from, for error messages */
  source: string;
}

export async function resolveTarget(flags: { server?: string; token?: string; context?: string }, env: NodeJS.ProcessEnv): Promise<Target> {
  const config = await readConfig(configPath(env));
  const wanted = flags.context ?? env.KUBEMIN_CONTEXT ?? config.current;
  const ctx = wanted ? config.contexts.find((c) => c.name === wanted) : undefined;
  if (flags.context && !ctx) throw new Error(`no context "${flags.context}" in ${configPath(env)} (kubemin context list)`);
  const server = flags.server ?? env.KUBEMIN_SERVER ?? ctx?.server ?? DEFAULT_SERVER;
  const token = flags.token ?? env.KUBEMIN_TOKEN ?? ctx?.token;
  const source = flags.server ? '--server' : env.KUBEMIN_SERVER ? 'KUBEMIN_SERVER' : ctx ? `context "${ctx.name}"` : 'the default';
  return { server, ...(token ? { token } : {}), source };
}
