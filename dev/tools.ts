/**
 * Finds or builds the external programs (through scripts/tools.sh, which caches them outside the
 * repository keyed by version) and reports where they are. Progress goes to stderr.
 */
import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const SCRIPT = fileURLToPath(new URL('../scripts/tools.sh', import.meta.url));

export interface ToolPaths {
  cache: string;
  temporal: string;
  kubeVersion: string;
  kubeApiserver: string;
  kubeControllerManager: string;
  kubeScheduler: string;
  kubectl: string;
  etcd: string;
  kwok: string;
  kwokctl: string;
}

export type ToolSet = 'all' | 'cluster' | 'temporal';

/** Runs the provisioning script with its progress shown on this process's stderr. */
export async function ensureTools(what: ToolSet): Promise<ToolPaths> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn('bash', [SCRIPT, 'ensure', what], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`provisioning '${what}' failed (exit ${code}); see the [tools] lines above`))));
  });
  return toolPaths();
}

export async function toolPaths(): Promise<ToolPaths> {
  const { stdout } = await promisify(execFile)('bash', [SCRIPT, 'paths']);
  return JSON.parse(stdout) as ToolPaths;
}
