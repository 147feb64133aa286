/**
 * The production worker process: connects to the configured Temporal cluster (TLS or API key)
 * and Kubernetes cluster and runs KubeMin's workflows and activities. SIGINT/SIGTERM: stop
 * polling, let running activities finish for KUBEMIN_SHUTDOWN_GRACE_SECONDS, then stop (an
 * activity still running is cancelled and retried on another worker: nothing is lost).
 * Metrics: KubeMin's on KUBEMIN_METRICS_PORT, the Temporal SDK's on KUBEMIN_SDK_METRICS_PORT.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import { loadPlugins } from './plugins.js';
import { connectionOptions, installRuntime, payloadCodec, serveMetrics } from './temporal-setup.js';
import { createKubeMinWorker, loadKubeConfig } from './worker.js';

const config = loadConfig();
const log = createLogger(config.logLevel, 'kubemin-worker');
installRuntime(config.sdkMetricsPort, log);
const metrics = createMetrics();
const metricsServer = config.metricsPort ? serveMetrics(metrics.registry, config.metricsPort) : undefined;

// compiled (dist/), the bundle npm run build made sits beside; under tsx the workflows are bundled at start
const builtBundle = fileURLToPath(new URL('../workflow-bundle.js', import.meta.url));
const bundlePath = config.workflowBundle ?? (import.meta.url.endsWith('.js') && existsSync(builtBundle) ? builtBundle : undefined);
const connection = await NativeConnection.connect(connectionOptions(config));
const codec = payloadCodec(config);
const kmWorker = await createKubeMinWorker({
  connection,
  namespace: config.temporal.namespace,
  taskQueue: config.temporal.taskQueue,
  kubeConfig: loadKubeConfig(config.kubeconfig),
  log,
  metrics,
  maxConcurrentActivities: config.maxConcurrentActivities,
  webhookEgress: config.webhookEgress,
  // 0 in the environment: Temporal's own default (sized from the heap)
  ...(config.maxCachedWorkflows > 0 ? { maxCachedWorkflows: config.maxCachedWorkflows } : {}),
  shutdownGraceTime: `${config.shutdownGraceSeconds} seconds`,
  // a stuck activity cannot hold the process: past grace + 10 s the worker stops anyway
  shutdownForceTime: `${config.shutdownGraceSeconds + 10} seconds`,
  plugins: await loadPlugins(config.plugins),
  policy: config.policy,
  ...(codec ? { payloadCodecs: [codec] } : {}),
  ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : {}),
});
if (!codec) log.warn('KUBEMIN_CODEC_KEYS is not set: payloads (specs, including secret values) are stored in Temporal history unencrypted');
log.info({ temporal: config.temporal.address, namespace: config.temporal.namespace, taskQueue: config.temporal.taskQueue, metricsPort: config.metricsPort, sdkMetricsPort: config.sdkMetricsPort }, 'worker polling');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info({ signal, graceSeconds: config.shutdownGraceSeconds }, 'stopping: no new tasks, draining running activities');
    kmWorker.worker.shutdown();
  });
}
try {
  await kmWorker.run();
} finally {
  metricsServer?.close();
  await connection.close();
  log.info('worker stopped');
}
