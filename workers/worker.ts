/**
 * Builds a KubeMin worker: the workflow bundle plus the activities wired to one Kubernetes
 * cluster. Used by the worker process, `npm start` and the tests alike.
 */
import { fileURLToPath } from 'node:url';
import { KubeConfig } from '@kubernetes/client-node';
import type { NativeConnection} from '@temporalio/worker';
import { Worker, type WorkerOptions } from '@temporalio/worker';
import type { PayloadCodec } from '@temporalio/common';
import type { Logger } from 'pino';
import { createActivities, createKubeClients, createWorkloadWatch, type WorkloadWatch } from '../activities/index.js';
import { installPlugins, type KubeMinPlugin } from './plugins.js';

/** The workflow entry point, as TypeScript under tsx and as compiled JavaScript in dist/. */
export const WORKFLOWS_PATH = fileURLToPath(new URL(`../workflows/index.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url));

export interface KubeMinWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  kubeConfig: KubeConfig;
  log: Logger;
  /** A prebuilt workflow bundle (production); without it the workflows are bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  shutdownGraceTime?: WorkerOptions['shutdownGraceTime'];
  /** Plugins whose activities this worker runs (their step types are installed too). */
  plugins?: readonly KubeMinPlugin[];
  /** Payload codecs (encryption, see codec.ts) applied to everything the worker sends to Temporal. */
  payloadCodecs?: PayloadCodec[];
}

export interface KubeMinWorker {
  worker: Worker;
  watch: WorkloadWatch;
  /** Runs until shutdown, then closes the shared watches. */
  run(): Promise<void>;
}

/** Loads a KubeConfig from a file path, else KUBECONFIG / ~/.kube/config / in-cluster. */
export function loadKubeConfig(path?: string): KubeConfig {
  const kc = new KubeConfig();
  if (path) kc.loadFromFile(path);
  else kc.loadFromDefault();
  return kc;
}

export async function createKubeMinWorker(opts: KubeMinWorkerOptions): Promise<KubeMinWorker> {
  const kube = createKubeClients(opts.kubeConfig);
  const watch = createWorkloadWatch(kube, opts.log);
  const deps = { kube, watch, log: opts.log };
  installPlugins(opts.plugins ?? []);
  const worker = await Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: { ...createActivities(deps), ...Object.assign({}, ...(opts.plugins ?? []).map((p) => p.activities(deps))) },
    ...(opts.payloadCodecs?.length ? { dataConverter: { payloadCodecs: opts.payloadCodecs } } : {}),
    shutdownGraceTime: opts.shutdownGraceTime ?? '20 seconds',
    // progress (and "waiting for capacity: <why>") reaches the server within seconds, not 24 s
    maxHeartbeatThrottleInterval: '2 seconds',
  });
  return {
    worker,
    watch,
    run: async () => {
      try {
        await worker.run();
      } finally {
        await watch.close();
      }
    },
  };
}
