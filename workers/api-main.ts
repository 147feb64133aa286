/** The production API process: the Hono app on a Node HTTP server, with graceful shutdown. */
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { installPlugins, loadPlugins } from './plugins.js';

const config = loadConfig();
const log = createLogger(config.logLevel, 'kubemin-api');
installPlugins(await loadPlugins(config.plugins));
const connection = await Connection.connect({ address: config.temporal.address });
const client = new Client({ connection, namespace: config.temporal.namespace });
const app = createApp({ temporal: client, taskQueue: config.temporal.taskQueue, uiUrl: config.temporal.uiUrl, log });
const server = serve({ fetch: app.fetch, hostname: config.api.host, port: config.api.port }, (info) =>
  log.info({ address: `${info.address}:${info.port}`, temporal: config.temporal.address }, 'API listening'),
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
