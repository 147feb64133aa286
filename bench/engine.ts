/**
 * The engine on the real servers: a 20-component application in 4 dependency levels (5 per
 * level, each pod taking `READY_AFTER` to start, as kwok's `kubemin.io/kwok-ready-after` makes
 * it), deployed by KubeMin and by a plain sequential `kubectl apply` + `kubectl rollout status`
 * script, side by side. Prints:
 *   - KubeMin's end-to-end time over its critical path (the longest chain of step durations);
 *   - the sequential script's time over KubeMin's;
 *   - Kubernetes API requests KubeMin's worker sent per deployed component.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import pino from 'pino';
import { stringify } from 'yaml';
import { toolPaths } from '../dev/tools.js';
import { compile, renderComponent, validateApplication, type Plan } from '../src/index.js';
import { createKubeMinWorker } from '../workers/worker.js';
import { NativeConnection } from '@temporalio/worker';
import { RUN_WORKFLOW_TYPE, type RunStatus } from '../workflows/contract.js';
import { countRequests, type BenchServers } from './servers.js';

const run = promisify(execFile);
const LEVELS = 4;
const PER_LEVEL = 5;
const READY_AFTER = '1s';

/** The example: level k's components each depend on one component of level k-1. */
export function twentyComponents(namespace: string): unknown {
  return {
    name: 'twenty',
    namespace,
    components: Array.from({ length: LEVELS * PER_LEVEL }, (_, i) => ({
      name: `c${i}`,
      type: 'webservice',
      image: `registry.local/app:${i}`,
      port: 8080,
      annotations: { 'kubemin.io/kwok-ready-after': READY_AFTER },
      dependsOn: i >= PER_LEVEL ? [`c${i - PER_LEVEL}`] : [],
    })),
  };
}

/** The longest chain of step durations through the plan's dependencies (ms). */
function criticalPathMs(plan: Plan, status: RunStatus): number {
  const took = new Map(status.steps.map((s) => [s.name, Date.parse(s.finishedAt ?? '') - Date.parse(s.startedAt ?? '')]));
  const memo = new Map<string, number>();
  const longest = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const step = plan.steps.find((s) => s.name === name);
    const value = (took.get(name) ?? 0) + Math.max(0, ...(step?.dependsOn ?? []).map(longest));
    memo.set(name, value);
    return value;
  };
  return Math.max(...plan.steps.map((s) => longest(s.name)));
}

async function kubeMinRun(servers: BenchServers): Promise<{ e2eMs: number; criticalMs: number; requests: number; verbs: Record<string, number> }> {
  const namespace = `bench-${randomBytes(3).toString('hex')}`;
  const plan = compile(validateApplication(twentyComponents(namespace)));
  const kc = servers.kubeConfig();
  const counter = countRequests(kc);
  const connection = await NativeConnection.connect({ address: servers.temporal.address });
  const taskQueue = `bench-${randomBytes(3).toString('hex')}`;
  const w = await createKubeMinWorker({ connection, namespace: 'default', taskQueue, kubeConfig: kc, log: pino({ level: 'warn' }) });
  const running = w.run();
  try {
    counter.reset();
    const t0 = performance.now();
    const status = (await servers.client.workflow.execute(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue, workflowId: namespace })) as RunStatus;
    const e2eMs = performance.now() - t0;
    if (status.phase !== 'Succeeded') throw new Error(`the bench run ended ${status.phase}: ${status.message}`);
    return { e2eMs, criticalMs: criticalPathMs(plan, status), requests: counter.total(), verbs: counter.byVerb() };
  } finally {
    w.worker.shutdown();
    await running;
    await connection.close();
    await servers.deleteNamespace(namespace);
  }
}

/** The same application by a plain script: each component applied, then waited for, in dependency order. */
async function sequentialKubectl(servers: BenchServers): Promise<number> {
  const namespace = `bench-${randomBytes(3).toString('hex')}`;
  const plan = compile(validateApplication(twentyComponents(namespace)));
  const dir = await mkdtemp(join(tmpdir(), 'kubemin-bench-'));
  const files: { file: string; component: string }[] = [];
  for (const component of plan.steps.flatMap((s) => s.components)) {
    const file = join(dir, `${files.length}-${component}.yaml`);
    await writeFile(file, renderComponent(plan.spec, component).objects.map((o) => stringify(o)).join('---\n'));
    files.push({ file, component });
  }
  const kubectl = (await toolPaths()).kubectl;
  const script = [
    'set -e',
    `kubectl() { "${kubectl}" --kubeconfig "${servers.kubeconfig}" "$@"; }`,
    `kubectl create namespace ${namespace} >/dev/null`,
    ...files.map(({ file, component }) => `kubectl apply -f "${file}" >/dev/null && kubectl rollout status -n ${namespace} deployment/${component} --timeout=120s >/dev/null`),
  ].join('\n');
  try {
    const t0 = performance.now();
    await run('bash', ['-c', script], { timeout: 600_000 });
    return performance.now() - t0;
  } finally {
    await rm(dir, { recursive: true, force: true });
    await servers.deleteNamespace(namespace);
  }
}

export async function benchEngine(servers: BenchServers): Promise<void> {
  const km = await kubeMinRun(servers);
  const seqMs = await sequentialKubectl(servers);
  console.log(`\nthe engine on the real servers: ${LEVELS * PER_LEVEL} components in ${LEVELS} dependency levels, each pod ready ${READY_AFTER} after it is scheduled`);
  console.table([
    { measure: 'KubeMin end-to-end', value: `${(km.e2eMs / 1000).toFixed(2)} s`, target: '' },
    { measure: 'KubeMin critical path (longest chain of step durations)', value: `${(km.criticalMs / 1000).toFixed(2)} s`, target: '' },
    { measure: 'end-to-end / critical path', value: (km.e2eMs / km.criticalMs).toFixed(3), target: '<= 1.15' },
    { measure: 'sequential kubectl apply + rollout status', value: `${(seqMs / 1000).toFixed(2)} s`, target: '' },
    { measure: 'sequential script / KubeMin', value: `${(seqMs / km.e2eMs).toFixed(2)}x`, target: '>= 3x' },
    { measure: 'Kubernetes API requests per deployed component', value: (km.requests / (LEVELS * PER_LEVEL)).toFixed(2), target: '<= 5' },
  ]);
  console.log(`API requests by verb (${km.requests} in all):`, km.verbs);
}
