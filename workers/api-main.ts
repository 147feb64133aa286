/**
 * The production API process: the Hono app on a Node HTTP server. Bearer tokens from
 * KUBEMIN_API_TOKENS (refuses to start open unless KUBEMIN_API_OPEN=1 says so). SIGINT/SIGTERM:
 * stop accepting, drain open requests (event streams included) for KUBEMIN_SHUTDOWN_GRACE_SECONDS,
 * then exit.
 */
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app.js';
import { consoleBuilt } from '../api/console.js';
import { parseTokens } from '../api/auth.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import { installPlugins, loadPlugins } from './plugins.js';
import { connectionOptions, dataConverter, payloadCodec } from './temporal-setup.js';

const config = loadConfig();
const log = createLogger(config.logLevel, 'kubemin-api');
const tokens = config.apiTokens ? parseTokens(config.apiTokens) : undefined;
if (!tokens && process.env.KUBEMIN_API_OPEN !== '1') {
  log.fatal('KUBEMIN_API_TOKENS is not set: refusing to serve an open API (set KUBEMIN_API_OPEN=1 to allow it, e.g. behind your own auth proxy)');
  process.exit(2);
}
if (!tokens) log.warn('KUBEMIN_API_OPEN=1: the API is open to anyone who can reach it');
installPlugins(await loadPlugins(config.plugins));
const codec = payloadCodec(config);
const connection = await Connection.connect(connectionOptions(config));
const client = new Client({ connection, namespace: config.temporal.namespace, dataConverter: dataConverter(codec) });
// the built console: dist/web beside dist/workers (run from source: the repository's dist/web)
const consoleDir = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../web/' : '../dist/web/', import.meta.url));
const served = consoleBuilt(consoleDir);
if (!served) log.warn({ consoleDir }, 'no built web console: `npm run build` builds it; serving the API only');
const app = createApp({ temporal: client, taskQueue: config.temporal.taskQueue, uiUrl: config.temporal.uiUrl, log, metrics: createMetrics(), policy: config.policy, ...(served ? { consoleDir } : {}), ...(tokens ? { tokens } : {}), ...(codec ? { codec } : {}) });
const server = serve({ fetch: app.fetch, hostname: config.api.host, port: config.api.port }, (info) =>
  log.info({ address: `${info.address}:${info.port}`, temporal: config.temporal.address, auth: tokens ? `${tokens.length} token(s)` : 'open' }, 'API listening'),
);

function shutdown(signal: string): void {
  log.info({ signal }, 'stopping: no new requests, draining open ones');
  const force = setTimeout(() => process.exit(1), config.shutdownGraceSeconds * 1000);
  force.unref();
  server.close(() => {
    void connection.close().finally(() => process.exit(0));
  });
}
process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));
