/**
 * A KubeMin worker as its own process, for tests that kill it (SIGKILL) and start it again.
 * Env: KUBEMIN_TEST_TEMPORAL_ADDRESS, KUBEMIN_TEST_KUBECONFIG, KUBEMIN_TEST_TASK_QUEUE, and
 * KUBEMIN_PLUGINS (plugin modules to load, optional).
 */
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { pino } from 'pino';
import { loadPlugins } from '../../workers/plugins.js';
import { createKubeMinWorker, loadKubeConfig } from '../../workers/worker.js';

Runtime.install({ logger: new DefaultLogger('WARN') });
const connection = await NativeConnection.connect({ address: process.env.KUBEMIN_TEST_TEMPORAL_ADDRESS ?? '' });
const w = await createKubeMinWorker({
  connection,
  namespace: 'default',
  taskQueue: process.env.KUBEMIN_TEST_TASK_QUEUE ?? '',
  kubeConfig: loadKubeConfig(process.env.KUBEMIN_TEST_KUBECONFIG),
  log: pino({ level: 'warn' }),
  plugins: await loadPlugins(process.env.KUBEMIN_PLUGINS),
});
process.stdout.write('worker ready\n');
await w.run();
