/**
 * Access to the real servers the test runner started. A test file run without them fails loudly
 * rather than skipping: run it through `npm test -- <file>`.
 */
import { randomBytes } from 'node:crypto';
import { after, before } from 'node:test';
import { KubeConfig, CoreV1Api, AppsV1Api } from '@kubernetes/client-node';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Logger } from '@temporalio/worker';
import { pino } from 'pino';
import { DEFAULT_SERVICE_CIDRS, type EgressConfig } from '../../activities/index.js';
import type { KubeMinPlugin } from '../../workers/plugins.js';
import { createKubeMinWorker, type KubeMinWorker } from '../../workers/worker.js';

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: integration tests need the real servers; run them with \`npm test -- <file>\``);
  return v;
}

let runtimeInstalled = false;
/** Installs the SDK runtime once per test process; a test may give it its own logger first. */
export function quietRuntime(logger: Logger = new DefaultLogger('WARN')): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger });
  runtimeInstalled = true;
}

export const testLog = pino({ level: process.env.KUBEMIN_TEST_LOG_LEVEL ?? 'warn' });

export function kubeConfig(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(required('KUBEMIN_TEST_KUBECONFIG'));
  return kc;
}

export const kubeApis = (kc = kubeConfig()) => ({ core: kc.makeApiClient(CoreV1Api), apps: kc.makeApiClient(AppsV1Api) });

export async function temporalClient(): Promise<{ client: Client; connection: Connection }> {
  const connection = await Connection.connect({ address: required('KUBEMIN_TEST_TEMPORAL_ADDRESS') });
  return { client: new Client({ connection }), connection };
}

/** A fresh name, so tests never see each other's objects or runs. */
export const uniqueName = (prefix: string): string => `${prefix}-${randomBytes(3).toString('hex')}`;

/**
 * Fresh namespace names that are deleted again by `cleanup()` (call it in `after`), so one test
 * file's pods never hold capacity another needs.
 */
export function namespaces(prefix: string): { next(): string; cleanup(): Promise<void> } {
  const made: string[] = [];
  return {
    next: () => {
      const name = uniqueName(prefix);
      made.push(name);
      return name;
    },
    cleanup: async () => {
      const { core } = kubeApis();
      await Promise.all(made.map((name) => core.deleteNamespace({ name }).catch(() => undefined)));
    },
  };
}

export interface TestWorker extends KubeMinWorker {
  taskQueue: string;
  connection: NativeConnection;
  stop(): Promise<void>;
}

/**
 * Egress for tests whose webhooks are local HTTP servers on 127.0.0.1: given explicitly, never a
 * default (a worker without it denies loopback like production does).
 */
export const LOCAL_WEBHOOKS: EgressConfig = { allow: ['127.0.0.1/32'], serviceCidrs: DEFAULT_SERVICE_CIDRS };

export interface TestWorkerOptions {
  /** Where webhooks may connect (default: public addresses only, as in production). */
  webhookEgress?: EgressConfig;
}

/** A KubeMin worker on its own task queue, against the test cluster. */
export async function startTestWorker(taskQueue = uniqueName('tq'), plugins: readonly KubeMinPlugin[] = [], options: TestWorkerOptions = {}): Promise<TestWorker> {
  quietRuntime();
  const connection = await NativeConnection.connect({ address: required('KUBEMIN_TEST_TEMPORAL_ADDRESS') });
  const w = await createKubeMinWorker({ connection, namespace: 'default', taskQueue, kubeConfig: kubeConfig(), log: testLog, plugins, ...options });
  const running = w.run();
  return {
    ...w,
    taskQueue,
    connection,
    stop: async () => {
      w.worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

export interface RunEnvironment {
  /** A KubeMin worker on its own task queue (set once `before` has run). */
  worker: TestWorker;
  /** A Temporal client on the test server. */
  client: Client;
  /** Fresh namespaces, deleted after the suite. */
  scratch: ReturnType<typeof namespaces>;
}

/**
 * Registers, in the calling suite, the `before` and `after` hooks that start a worker and a
 * client and clean up afterwards; the returned object is filled in by `before`.
 */
export function useRunEnvironment(prefix: string, plugins: readonly KubeMinPlugin[] = [], options: TestWorkerOptions = {}): RunEnvironment {
  const env = { scratch: namespaces(prefix) } as RunEnvironment;
  let connection: Connection | undefined;
  before(async () => {
    env.worker = await startTestWorker(undefined, plugins, options);
    const t = await temporalClient();
    env.client = t.client;
    connection = t.connection;
  });
  after(async () => {
    await env.scratch.cleanup();
    await env.worker?.stop();
    await connection?.close();
  });
  return env;
}
