/**
 * Builds a KubeMin worker: the workflow bundle plus the activities wired to one Kubernetes
 * cluster. Used by the worker process, `npm start` and the tests alike.
 */
import { fileURLToPath } from 'node:url';
import { KubeConfig } from '@kubernetes/client-node';
import type { NativeConnection} from '@temporalio/worker';
import { Worker, type InjectedSinks, type WorkerOptions } from '@temporalio/worker';
import type { PayloadCodec } from '@temporalio/common';
import { Client } from '@temporalio/client';
import { createCoordinationActivities } from '../activities/run-coordination.js';
import type { Logger } from 'pino';
import type { PlatformPolicy } from '../src/index.js';
import { createActivities, createKubeClients, createWorkloadWatch, type EgressConfig, type WorkloadWatch } from '../activities/index.js';
import type { KubeMinSinks } from '../workflows/contract.js';
import { activityMetricsInterceptor } from './activity-metrics.js';
import { activityNamespaceInterceptor } from './activity-namespace.js';
import { guardWorkflowPayloads } from './payload-guard.js';
import { dataConverter } from './temporal-setup.js';
import { createMetrics, type KubeMinMetrics } from './metrics.js';
import { heartbeating, installPlugins, type KubeMinPlugin } from './plugins.js';

/** The workflow entry point, as TypeScript under tsx and as compiled JavaScript in dist/. */
export const WORKFLOWS_PATH = fileURLToPath(new URL(`../workflows/index.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url));
/** The workflow interceptors (refusing unsealed inputs, see payload-guard.ts), for the bundle and the worker. */
export const WORKFLOW_INTERCEPTORS_PATH = fileURLToPath(new URL(`../workflows/interceptors.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url));
/** The failure converter that encodes messages (failure-converter.ts), for the bundle and the worker. */
export const FAILURE_CONVERTER_PATH = fileURLToPath(new URL(`./failure-converter.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url));

export interface KubeMinWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  kubeConfig: KubeConfig;
  log: Logger;
  /** A prebuilt workflow bundle (production); without it the workflows are bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  shutdownGraceTime?: WorkerOptions['shutdownGraceTime'];
  shutdownForceTime?: WorkerOptions['shutdownForceTime'];
  /** Plugins whose activities this worker runs (their step types are installed too). */
  plugins?: readonly KubeMinPlugin[];
  /**
   * Payload codecs (encryption, see codec.ts) applied to everything the worker sends to Temporal;
   * with them, workflows refuse what did not come through the outermost one (payload-guard.ts).
   */
  payloadCodecs?: PayloadCodec[];
  /** The process's metrics (one registry per process); a fresh registry when absent. */
  metrics?: KubeMinMetrics;
  /** How many activities run at once: waits are cheap, so many (KUBEMIN_MAX_CONCURRENT_ACTIVITIES). */
  maxConcurrentActivities?: number;
  /** Runs kept in memory between their steps (Temporal's default scales with the heap). */
  maxCachedWorkflows?: number;
  /** The platform policy the activities check objects against before applying them (absent: not checked in the worker). */
  policy?: PlatformPolicy;
  /** Where webhook steps may connect beyond public addresses (see activities/webhook-egress.ts); default: public only. */
  webhookEgress?: EgressConfig;
  /** Wraps the shared watch (tests inject faults around the real one, e.g. a lagging cache). */
  wrapWatch?: (watch: WorkloadWatch) => WorkloadWatch;
}

export interface KubeMinWorker {
  worker: Worker;
  metrics: KubeMinMetrics;
  watch: WorkloadWatch;
  /** Runs until shutdown, then closes the shared watches. */
  run(): Promise<void>;
}

/** The workflow's metrics sink (see KubeMinSinks): called live, never on replay. */
function workflowMetricsSinks(metrics: KubeMinMetrics): InjectedSinks<KubeMinSinks> {
  return {
    metrics: {
      runStarted: { fn: (_info, application) => metrics.runsStarted.inc({ application }) },
      runFinished: { fn: (_info, application, phase) => metrics.runsFinished.inc({ application, phase }) },
      stepFinished: { fn: (_info, stepType, outcome, seconds) => metrics.stepDuration.observe({ step_type: stepType, outcome }, seconds) },
    },
  };
}

/** Loads a KubeConfig from a file path, else KUBECONFIG / ~/.kube/config / in-cluster. */
export function loadKubeConfig(path?: string): KubeConfig {
  const kc = new KubeConfig();
  if (path) kc.loadFromFile(path);
  else kc.loadFromDefault();
  return kc;
}

/** The codecs with the outermost one (the last: it sees what Temporal stored) guarded. */
const guarded = (codecs: readonly PayloadCodec[]): PayloadCodec[] => codecs.map((c, i) => (i === codecs.length - 1 ? guardWorkflowPayloads(c) : c));

export async function createKubeMinWorker(opts: KubeMinWorkerOptions): Promise<KubeMinWorker> {
  const kube = createKubeClients(opts.kubeConfig);
  const real = createWorkloadWatch(kube, opts.log);
  const watch = opts.wrapWatch ? opts.wrapWatch(real) : real;
  const metrics = opts.metrics ?? createMetrics();
  const deps = { kube, watch, log: opts.log, metrics, ...(opts.policy ? { policy: opts.policy } : {}), ...(opts.webhookEgress ? { webhookEgress: opts.webhookEgress } : {}) };
  installPlugins(opts.plugins ?? []);
  // the coordination activities talk to Temporal itself, through the worker's own connection
  const temporal = new Client({ connection: opts.connection, namespace: opts.namespace, dataConverter: dataConverter(opts.payloadCodecs?.[0]) });
  const worker = await Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: { ...createActivities(deps), ...createCoordinationActivities({ temporal }), ...Object.assign({}, ...(opts.plugins ?? []).map((p) => heartbeating(p.activities(deps)))) },
    // with a codec, failure messages are encoded too, so the codec encrypts them
    ...(opts.payloadCodecs?.length ? { dataConverter: { payloadCodecs: guarded(opts.payloadCodecs), failureConverterPath: FAILURE_CONVERTER_PATH } } : {}),
    shutdownGraceTime: opts.shutdownGraceTime ?? '20 seconds',
    ...(opts.shutdownForceTime ? { shutdownForceTime: opts.shutdownForceTime } : {}),
    // progress (and "waiting for capacity: <why>") reaches the server within seconds, not 24 s
    maxHeartbeatThrottleInterval: '2 seconds',
    maxConcurrentActivityTaskExecutions: opts.maxConcurrentActivities ?? 1000,
    ...(opts.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: opts.maxCachedWorkflows } : {}),
    // a prebuilt bundle has the workflow interceptors in it already (scripts/bundle-workflows.ts)
    interceptors: { activity: [activityMetricsInterceptor(metrics), activityNamespaceInterceptor({ sealed: (opts.payloadCodecs?.length ?? 0) > 0 })], ...(opts.workflowBundle ? {} : { workflowModules: [WORKFLOW_INTERCEPTORS_PATH] }) },
    sinks: workflowMetricsSinks(metrics),
  });
  const polling = metrics.workerPolling.labels({ task_queue: opts.taskQueue });
  return {
    worker,
    watch,
    metrics,
    run: async () => {
      polling.set(1);
      try {
        await worker.run();
      } finally {
        polling.set(0);
        await watch.close();
      }
    },
  };
}
