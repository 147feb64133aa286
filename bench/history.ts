/**
 * How a run's size grows with its application: the plan's JSON bytes for 1,000 configs + 1,000
 * workers (pure), and the stored Temporal history of a real 1,000-component run (configs and
 * workers, each worker reading its own config through envFrom), in protobuf bytes per
 * component. Each figure is printed next to what it was before plans had barriers and
 * activities got only their component's part of the spec.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { NativeConnection } from '@temporalio/worker';
import proto from '@temporalio/proto';
import { compile, MAX_PLAN_BYTES, planBytes, validateApplication } from '../src/index.js';
import { createKubeMinWorker } from '../workers/worker.js';
import { RUN_WORKFLOW_TYPE, type RunStatus } from '../workflows/contract.js';
import type { BenchServers } from './servers.js';

/** Measured at ed7c379 (before barriers and reduced activity inputs), with this file's specs. */
const BEFORE = {
  commit: 'ed7c379',
  /** 1,000 configs + 1,000 workers. */
  planBytes: 20_409_338,
  /** The run's plan (500 configs + 500 workers): the dev server (Temporal 1.32) refused to start it. */
  runPlanBytes: 5_204_362,
} as const;

/** `configs` config components and `workers` workers, worker i reading config i. */
export function configsAndWorkers(namespace: string, configs: number, workers: number): unknown {
  return {
    name: 'many',
    namespace,
    components: [
      ...Array.from({ length: configs }, (_, i) => ({ name: `config-${i}`, type: 'config', properties: { data: { key: `value-${i}` } } })),
      ...Array.from({ length: workers }, (_, i) => ({
        name: `worker-${i}`,
        type: 'worker',
        image: `registry.local/worker:${i}`,
        traits: i < configs ? { envFrom: [{ type: 'config', sourceName: `config-${i}` }] } : {},
      })),
    ],
  };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB (${bytes.toLocaleString('en')} bytes)`;

export function benchPlanSize(): void {
  const plan = compile(validateApplication(configsAndWorkers('bench', 1000, 1000)));
  const bytes = planBytes(plan);
  console.log('\nthe plan of 1,000 configs + 1,000 workers (each worker reads one config): JSON bytes');
  console.table([
    { measure: 'plan', value: mb(bytes), before: `${mb(BEFORE.planBytes)} at ${BEFORE.commit}`, target: '< 1 MB' },
    { measure: 'plan per component', value: `${(bytes / 2000).toFixed(0)} bytes`, before: `${(BEFORE.planBytes / 2000).toFixed(0)} bytes`, target: '' },
    { measure: 'steps (barriers included)', value: String(plan.steps.length), before: '2000', target: '' },
  ]);
}

/** A run's stored history, encoded as Temporal stores it (temporal.api.history.v1.History). */
async function historyBytes(servers: BenchServers, id: string): Promise<{ bytes: number; events: number }> {
  const history = await servers.client.workflow.getHandle(id).fetchHistory();
  return { bytes: proto.temporal.api.history.v1.History.encode(history).finish().length, events: history.events?.length ?? 0 };
}

export async function benchHistory(servers: BenchServers): Promise<void> {
  const total = Number(process.env.KUBEMIN_BENCH_HISTORY_COMPONENTS ?? 1000);
  const [configs, workers] = [Math.floor(total / 2), total - Math.floor(total / 2)];
  const namespace = `bench-hist-${randomBytes(3).toString('hex')}`;
  const plan = compile(validateApplication(configsAndWorkers(namespace, configs, workers)));
  const connection = await NativeConnection.connect({ address: servers.temporal.address });
  const taskQueue = `bench-hist-${randomBytes(3).toString('hex')}`;
  const w = await createKubeMinWorker({ connection, namespace: 'default', taskQueue, kubeConfig: servers.kubeConfig(), log: pino({ level: 'warn' }) });
  const running = w.run();
  try {
    const t0 = performance.now();
    const status = (await servers.client.workflow.execute(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue, workflowId: namespace })) as RunStatus;
    const seconds = (performance.now() - t0) / 1000;
    if (status.phase !== 'Succeeded') throw new Error(`the history bench run ended ${status.phase}: ${status.message}`);
    const { bytes, events } = await historyBytes(servers, namespace);
    const refused = `refused: its plan was ${mb(BEFORE.runPlanBytes)}, over Temporal's ${mb(MAX_PLAN_BYTES)} (${BEFORE.commit})`;
    console.log(`\na ${total}-component run (${configs} configs + ${workers} workers, each worker reading one config) on the local cluster: ${seconds.toFixed(1)} s`);
    console.table([
      { measure: 'plan (the run\'s input)', value: mb(planBytes(plan)), before: refused, target: '' },
      { measure: 'stored history (protobuf)', value: mb(bytes), before: 'no run: the start was refused', target: '< 50 MB (Temporal\'s limit)' },
      { measure: 'stored history per component', value: `${(bytes / total).toFixed(0)} bytes`, before: 'no run', target: '' },
      { measure: 'history events', value: String(events), before: 'no run', target: '' },
    ]);
  } finally {
    w.worker.shutdown();
    await running;
    await connection.close();
    await servers.deleteNamespace(namespace);
  }
}
