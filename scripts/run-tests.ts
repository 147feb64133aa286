/**
 * `npm test`: provisions the tools, brings up the real servers once (the local Kubernetes
 * cluster and a Temporal dev server), then runs every test file with node's test runner against
 * them. A server that cannot start fails the run; nothing is skipped.
 *
 *   npm test                      all unit and integration tests
 *   npm test -- test/x.test.ts    only the files named
 *
 * KUBEMIN_CLUSTER_NAME picks the local cluster (default `kubemin`); KUBEMIN_KEEP_CLUSTER=1
 * leaves one this run started running.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterStop, clusterUp } from '../dev/cluster.js';
import { startDevTemporal } from '../dev/temporal.js';
import { ensureTools } from '../dev/tools.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEARCHED = ['src', 'workflows', 'activities', 'workers', 'api', 'client', 'cli', 'web', 'dev', 'test', 'examples'];

function findTests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findTests(path);
    return name.endsWith('.test.ts') ? [relative(ROOT, path)] : [];
  });
}

const TEST_TIMEOUT_MS = 5 * 60_000;
const RUN_TIMEOUT_MS = 40 * 60_000;

const say = (line: string) => process.stderr.write(`[test] ${line}\n`);

async function main(): Promise<number> {
  const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : SEARCHED.flatMap((d) => findTests(join(ROOT, d)));
  const t0 = Date.now();
  await ensureTools('all');
  const cluster = await clusterUp();
  say(`provisioning (tools + cluster) took ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  const temporal = await startDevTemporal();
  say(`real servers: Temporal dev server at ${temporal.address}; Kubernetes API server of cluster "${cluster.name}" from ${cluster.kubeconfig}`);
  try {
    return await new Promise<number>((resolve, reject) => {
      // --test-force-exit: a handle leaked by a test must not hang CI; --test-timeout bounds one test
      const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-force-exit', `--test-timeout=${TEST_TIMEOUT_MS}`, ...files], {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, KUBEMIN_TEST_TEMPORAL_ADDRESS: temporal.address, KUBEMIN_TEST_KUBECONFIG: cluster.kubeconfig },
      });
      const guard = setTimeout(() => {
        say(`ERROR: the tests ran longer than ${RUN_TIMEOUT_MS / 60_000} minutes; stopping them`);
        child.kill('SIGKILL');
      }, RUN_TIMEOUT_MS);
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        clearTimeout(guard);
        resolve(code ?? (signal ? 1 : 0));
      });
    });
  } finally {
    await temporal.stop();
    if (cluster.started && process.env.KUBEMIN_KEEP_CLUSTER !== '1') await clusterStop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    say(`ERROR: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
