/**
 * What every KubeMin process needs to talk to Temporal, from the configuration: connection
 * options (a remote cluster's TLS or API key), the data converter (the encryption codec, failure
 * messages encoded so it encrypts them too), the SDK
 * runtime with its Prometheus exporter, and a small /metrics server for the worker.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { defaultPayloadConverter, type DataConverter, type LoadedDataConverter, type PayloadCodec } from '@temporalio/common';
import { failureConverter } from './failure-converter.js';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { Registry } from 'prom-client';
import type { Logger as PinoLogger } from 'pino';
import type { Logger, LogLevel, LogMetadata } from '@temporalio/common';
import type { Config } from './config.js';
import { createEncryptionCodec, parseCodecKeys, type KubeMinCodec } from './codec.js';
import { SDK_PROMETHEUS_NAMING } from './metrics.js';

export interface TemporalConnectionOptions {
  address: string;
  tls?: { clientCertPair?: { crt: Buffer; key: Buffer }; serverRootCACertificate?: Buffer; serverNameOverride?: string } | true;
  apiKey?: string;
}

export function connectionOptions(config: Config): TemporalConnectionOptions {
  const { tls } = config;
  const tlsOptions = tls
    ? {
        ...(tls.cert && tls.key ? { clientCertPair: { crt: readFileSync(tls.cert), key: readFileSync(tls.key) } } : {}),
        ...(tls.ca ? { serverRootCACertificate: readFileSync(tls.ca) } : {}),
        ...(tls.serverName ? { serverNameOverride: tls.serverName } : {}),
      }
    : undefined;
  return {
    address: config.temporal.address,
    // an API key (Temporal Cloud) implies TLS
    ...(tlsOptions ? { tls: tlsOptions } : config.apiKey ? { tls: true as const } : {}),
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
  };
}

export function payloadCodec(config: Config): KubeMinCodec | undefined {
  return config.codecKeys ? createEncryptionCodec(parseCodecKeys(config.codecKeys)) : undefined;
}

/**
 * The data converter for clients: with a codec, every payload is encrypted (inputs, results,
 * heartbeats, queries, updates, memos) and failure messages are encoded so they are encrypted
 * too. (Workers get the same through createKubeMinWorker's payloadCodecs.)
 */
export function dataConverter(codec: PayloadCodec | undefined): DataConverter {
  if (!codec) return {};
  // a loaded converter (the client takes one as it is): no module path to require at run time
  const loaded: LoadedDataConverter = { payloadConverter: defaultPayloadConverter, failureConverter, payloadCodecs: [codec] };
  return loaded as unknown as DataConverter;
}

/**
 * The SDK's own log lines (worker, activity and workflow events) as KubeMin's structured JSON,
 * through the same pino logger and its redaction, at WARN and above.
 */
export function sdkLogger(log: PinoLogger): Logger {
  const levels: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };
  const sdk = log.child({ component: 'temporal-sdk' });
  const write = (level: LogLevel, message: string, meta?: LogMetadata) => {
    if (level === 'TRACE' || level === 'DEBUG' || level === 'INFO') return;
    sdk[levels[level]](meta ?? {}, message);
  };
  return { log: write, trace: (m, meta) => write('TRACE', m, meta), debug: (m, meta) => write('DEBUG', m, meta), info: (m, meta) => write('INFO', m, meta), warn: (m, meta) => write('WARN', m, meta), error: (m, meta) => write('ERROR', m, meta) };
}

/** Installs the SDK runtime once per process, exporting its metrics for Prometheus on `port` (0: none). */
export function installRuntime(port: number, log?: PinoLogger, host = '0.0.0.0'): void {
  Runtime.install({
    logger: log ? sdkLogger(log) : new DefaultLogger('WARN'),
    shutdownSignals: [],
    ...(port ? { telemetryOptions: { metrics: { prometheus: { bindAddress: `${host}:${port}`, ...SDK_PROMETHEUS_NAMING } } } } : {}),
  });
}

/** Serves a registry at /metrics on `port` (the worker process has no other HTTP server). */
export function serveMetrics(registry: Registry, port: number, host = '0.0.0.0'): Server {
  const server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end('only /metrics here\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (e: unknown) => res.writeHead(500).end(String(e)),
    );
  });
  server.listen(port, host);
  return server;
}
