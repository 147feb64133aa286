/**
 * The production worker process (dist/workers/worker-main.js, as `npm run build` makes it) holding `RUNS` runs at once, each
 * waiting on a rollout whose pod cannot be scheduled (it asks for more GPUs than any node has),
 * so every run's waitForRollout stays in flight. Its resident memory is read from its own
 * /metrics (kubemin_process_resident_memory_bytes) once every wait is in flight.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { compile, validateApplication } from '../src/index.js';
import { RUN_WORKFLOW_TYPE } from '../workflows/contract.js';
import type { BenchServers } from './servers.js';

const RUNS = Number(process.env.KUBEMIN_BENCH_WAITING_RUNS ?? 1000);
const METRICS_PORT = 19464;

async function scrape(): Promise<Map<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${METRICS_PORT}/metrics`)).text();
  return new Map(text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => [l.slice(0, l.lastIndexOf(' ')), Number(l.slice(l.lastIndexOf(' ') + 1))]));
}

/** The environment without the memory settings, so each column sets only its own. */
function withoutTuning(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  for (const key of ['NODE_OPTIONS', 'MALLOC_ARENA_MAX', 'KUBEMIN_MAX_CACHED_WORKFLOWS']) delete rest[key];
  return rest;
}

interface Measured {
  waiting: number;
  settledSeconds: number;
  idleMb: number;
  rssMb: number;
  heapMb: number;
  heapTotalMb: number;
  externalMb: number;
}

/** The worker's process settings as the Dockerfile ships them: a small young generation, few malloc arenas. */
const SHIPPED = { NODE_OPTIONS: '--max-semi-space-size=4', MALLOC_ARENA_MAX: '2' };

/** One worker process, `RUNS` runs waiting on it, its memory read; everything removed after. */
async function measure(servers: BenchServers, env: Record<string, string | undefined>): Promise<Measured> {
  const taskQueue = `bench-mem-${randomBytes(3).toString('hex')}`;
  const namespace = `bench-mem-${randomBytes(3).toString('hex')}`;
  const worker = spawn(process.execPath, [new URL('../dist/workers/worker-main.js', import.meta.url).pathname], {
    env: { ...withoutTuning(process.env), TEMPORAL_ADDRESS: servers.temporal.address, KUBECONFIG: servers.kubeconfig, KUBEMIN_TASK_QUEUE: taskQueue, KUBEMIN_METRICS_PORT: String(METRICS_PORT), KUBEMIN_SDK_METRICS_PORT: '0', KUBEMIN_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((r) => worker.once('exit', () => r()));
  const handles = [];
  try {
    for (let i = 0; i < 300; i++) {
      if (await scrape().then(() => true, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const idle = (await scrape()).get('kubemin_process_resident_memory_bytes') ?? 0;
    const t0 = performance.now();
    for (let i = 0; i < RUNS; i++) {
      const plan = compile(
        validateApplication({
          name: `mem${i}`,
          namespace,
          components: [{ name: `w${i}`, type: 'worker', image: 'trainer:1', traits: { resources: { gpu: 64 } } }],
          workflow: { steps: [{ name: 'wait', type: 'deploy', components: [`w${i}`], properties: { maxPending: '30m' } }] },
        }),
      );
      handles.push(await servers.client.workflow.start(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue, workflowId: `${namespace}-${i}` }));
    }
    let waiting = 0;
    for (const deadline = Date.now() + 300_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 1000))) {
      waiting = (await scrape()).get('kubemin_workloads_waiting_for_capacity') ?? 0;
      if (waiting >= RUNS) break;
    }
    const settledSeconds = (performance.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 5000));
    const metrics = await scrape();
    const mb = (name: string) => (metrics.get(name) ?? 0) / 2 ** 20;
    return { waiting, settledSeconds, idleMb: idle / 2 ** 20, rssMb: mb('kubemin_process_resident_memory_bytes'), heapMb: mb('kubemin_nodejs_heap_size_used_bytes'), heapTotalMb: mb('kubemin_nodejs_heap_size_total_bytes'), externalMb: mb('kubemin_nodejs_external_memory_bytes') };
  } finally {
    await Promise.all(handles.map((h) => h.terminate('bench over').catch(() => undefined)));
    worker.kill('SIGTERM');
    await exited;
    await servers.deleteNamespace(namespace);
  }
}

export async function benchWorkerMemory(servers: BenchServers): Promise<void> {
  // the production process: compiled, with the prebuilt workflow bundle (as the Docker image runs it)
  const built = spawnSync('npm', ['run', 'build'], { cwd: new URL('..', import.meta.url).pathname, stdio: 'ignore' });
  if (built.status !== 0) throw new Error('npm run build failed');
  const kubemin = await measure(servers, SHIPPED);
  const defaults = await measure(servers, { KUBEMIN_MAX_CACHED_WORKFLOWS: '0' });
  const row = (measure: string, f: (m: Measured) => string, target = '') => ({
    measure,
    'as shipped (200 runs cached, 4 MB semi-space, 2 arenas)': f(kubemin),
    'Temporal and Node defaults': f(defaults),
    target,
  });
  console.log(`\nthe worker process with ${RUNS} runs waiting on rollouts at once (pods Unschedulable; one worker, local cluster), as shipped and with defaults`);
  console.table([
    row('runs whose wait is in flight', (m) => `${m.waiting} of ${RUNS}`),
    row('time until all were waiting', (m) => `${m.settledSeconds.toFixed(1)} s`),
    row('worker RSS idle', (m) => `${m.idleMb.toFixed(0)} MB`),
    row(`worker RSS with ${RUNS} waiting`, (m) => `${m.rssMb.toFixed(0)} MB`, '< 512 MB'),
    row('worker JS heap used / reserved', (m) => `${m.heapMb.toFixed(0)} / ${m.heapTotalMb.toFixed(0)} MB`),
    row('worker external (buffers)', (m) => `${m.externalMb.toFixed(0)} MB`),
  ]);
}
