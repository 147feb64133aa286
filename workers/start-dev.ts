/**
 * `npm start`: KubeMin on its embedded default. Starts the Temporal dev server (Web UI, history
 * kept in .kubemin/temporal.db), picks a Kubernetes cluster (see kube-target.ts), and runs the
 * worker and the API in this process. Ctrl-C stops everything it started.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createApp } from '../api/app.js';
import { parseTokens } from '../api/auth.js';
import { clusterStop, clusterUp } from '../dev/cluster.js';
import { startDevTemporal } from '../dev/temporal.js';
import { loadConfig } from './config.js';
import { ensureConsoleBuilt } from './console-build.js';
import { chooseKubeTarget } from './kube-target.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import { loadPlugins } from './plugins.js';
import { dataConverter, installRuntime, payloadCodec } from './temporal-setup.js';
import { generateCodecKey } from './codec.js';
import { createKubeMinWorker, loadKubeConfig } from './worker.js';

const say = (line: string) => process.stderr.write(`[kubemin] ${line}\n`);
const STATE_DIR = fileURLToPath(new URL('../.kubemin/', import.meta.url));

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  installRuntime(0, log);
  // payloads are encrypted in dev too: a key made once and kept in .kubemin/codec-keys
  mkdirSync(STATE_DIR, { recursive: true });
  const keyFile = `${STATE_DIR}codec-keys`;
  if (!config.codecKeys && !existsSync(keyFile)) writeFileSync(keyFile, `${generateCodecKey()}\n`, { mode: 0o600 });
  const codec = payloadCodec({ ...config, codecKeys: config.codecKeys ?? readFileSync(keyFile, 'utf8').trim() });
  const metrics = createMetrics();
  const cleanups: (() => Promise<void>)[] = [];

  const target = chooseKubeTarget();
  let kubeconfig: string | undefined;
  let startedCluster = false;
  if (target.kind === 'local') {
    say('no Kubernetes context configured: using the local cluster (real control plane, kwok nodes)');
    const cluster = await clusterUp();
    kubeconfig = cluster.kubeconfig;
    startedCluster = cluster.started;
    if (startedCluster) cleanups.push(() => clusterStop());
  } else {
    say(`using Kubernetes context "${target.context}"${target.kubeconfig ? ` from ${target.kubeconfig}` : ''}`);
    kubeconfig = target.kubeconfig;
  }

  const temporalPort = Number(process.env.KUBEMIN_TEMPORAL_PORT ?? 7233);
  const uiPort = Number(process.env.KUBEMIN_TEMPORAL_UI_PORT ?? 8233);
  say(`starting the Temporal dev server on 127.0.0.1:${temporalPort} (history in .kubemin/temporal.db)`);
  const apiUrl = `http://${config.api.host}:${config.api.port}`;
  // the Web UI asks the API's codec endpoint to decrypt what it shows
  const temporal = await startDevTemporal({ dbFilename: `${STATE_DIR}temporal.db`, port: temporalPort, uiPort, extraArgs: ['--ui-codec-endpoint', `${apiUrl}/codec`] });
  cleanups.unshift(() => temporal.stop());

  const connection = await NativeConnection.connect({ address: temporal.address });
  const kmWorker = await createKubeMinWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    kubeConfig: loadKubeConfig(kubeconfig),
    log,
    metrics,
    plugins: await loadPlugins(config.plugins),
    policy: config.policy,
    webhookEgress: config.webhookEgress,
    ...(codec ? { payloadCodecs: [codec] } : {}),
  });
  const workerDone = kmWorker.run();

  const client = new Client({ connection: temporal.env.connection, namespace: config.temporal.namespace, dataConverter: dataConverter(codec) });
  const tokens = config.apiTokens ? parseTokens(config.apiTokens) : undefined;
  const uiUrl = temporal.uiUrl ?? config.temporal.uiUrl;
  const web = await ensureConsoleBuilt(say);
  const app = createApp({ temporal: client, taskQueue: config.temporal.taskQueue, uiUrl, log, metrics, policy: config.policy, consoleDir: web.dir, ...(codec ? { codec } : {}), ...(tokens ? { tokens } : {}) });
  const server = serve({ fetch: app.fetch, hostname: config.api.host, port: config.api.port });

  say('');
  say(`Console:          ${apiUrl}/`);
  say(`API:              ${apiUrl}`);
  say(`Temporal Web UI:  ${uiUrl}`);
  say(`Kubernetes:       ${kubeconfig ?? target.kind}`);
  say(`Metrics:          ${apiUrl}/metrics   OpenAPI: ${apiUrl}/openapi.json`);
  say(`Payloads:         encrypted (key in ${config.codecKeys ? 'KUBEMIN_CODEC_KEYS' : '.kubemin/codec-keys'}); the Web UI decrypts through ${apiUrl}/codec`);
  if (!tokens) say('WARNING: dev mode, the API is OPEN to anyone who can reach it (no auth); set KUBEMIN_API_TOKENS to require tokens.');
  say('');
  say('Deploy the example and follow it live (in another terminal, in this directory):');
  say(`  npx kubemin --server ${apiUrl} up -f examples/hello-web.yaml --wait`);
  say(`or with curl:  curl -sS -X POST ${apiUrl}/v1/runs -H 'content-type: application/yaml' --data-binary @examples/hello-web.yaml`);
  say(`and watch its graph live in the console: ${apiUrl}/runs${tokens ? '?token=<your token>' : ''}`);
  if (kubeconfig) say(`See it:     kubectl --kubeconfig ${kubeconfig} get deploy -n demo`);
  say('Ctrl-C stops everything this command started.');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping the API, the worker, Temporal${startedCluster ? ' and the local cluster' : ''}...`);
    server.close();
    kmWorker.worker.shutdown();
    await workerDone.catch(() => undefined);
    await connection.close().catch(() => undefined);
    for (const cleanup of cleanups) await cleanup().catch((e: unknown) => say(`cleanup failed: ${String(e)}`));
    say('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  say(`ERROR: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
