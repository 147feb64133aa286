/**
 * The production worker process: connects to the configured Temporal cluster and Kubernetes
 * cluster and runs KubeMin's workflows and activities until SIGINT/SIGTERM, then drains.
 */
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { loadPlugins } from './plugins.js';
import { createKubeMinWorker, loadKubeConfig } from './worker.js';

const config = loadConfig();
const log = createLogger(config.logLevel, 'kubemin-worker');
Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: ['SIGINT', 'SIGTERM'] });

const connection = await NativeConnection.connect({ address: config.temporal.address });
const kmWorker = await createKubeMinWorker({
  connection,
  namespace: config.temporal.namespace,
  taskQueue: config.temporal.taskQueue,
  kubeConfig: loadKubeConfig(config.kubeconfig),
  log,
  shutdownGraceTime: `${config.shutdownGraceSeconds} seconds`,
  plugins: await loadPlugins(config.plugins),
});
log.info({ temporal: config.temporal.address, namespace: config.temporal.namespace, taskQueue: config.temporal.taskQueue }, 'worker polling');
try {
  await kmWorker.run();
} finally {
  await connection.close();
  log.info('worker stopped');
}
