/**
 * What every KubeMin process needs to talk to Temporal, from the configuration: connection
 * options (a remote cluster's TLS or API key), the data converter (the encryption codec), the SDK
 * runtime with its Prometheus exporter, and a small /metrics server for the worker.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { DataConverter, PayloadCodec } from '@temporalio/common';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { Registry } from 'prom-client';
import type { Config } from './config.js';
import { createEncryptionCodec, parseCodecKeys } from './codec.js';
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

export function payloadCodec(config: Config): PayloadCodec | undefined {
  return config.codecKeys ? createEncryptionCodec(parseCodecKeys(config.codecKeys)) : undefined;
}

/**
 * The data converter for clients and workers: with a codec, every payload is encrypted (inputs,
 * results, heartbeats, queries, updates, memos). Failure messages are not: they are written by
 * KubeMin and the Kubernetes API server, never from secret values.
 */
export function dataConverter(codec: PayloadCodec | undefined): DataConverter {
  return codec ? { payloadCodecs: [codec] } : {};
}

/** Installs the SDK runtime once per process, exporting its metrics for Prometheus on `port` (0: none). */
export function installRuntime(port: number, host = '0.0.0.0'): void {
  Runtime.install({
    logger: new DefaultLogger('WARN'),
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
