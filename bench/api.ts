/**
 * POST /v1/runs against the dev server on this machine: runs started per second and latency
 * percentiles, with `CONCURRENCY` clients at once over real HTTP. The runs go to a task queue no
 * worker polls: this measures starting runs (validate, compile, start the workflow), not running them.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { createApp } from '../api/app.js';
import type { BenchServers } from './servers.js';

const RUNS = Number(process.env.KUBEMIN_BENCH_POSTS ?? 1000);
const CONCURRENCY = 32;

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function benchApi(servers: BenchServers): Promise<void> {
  const app = createApp({ temporal: servers.client, taskQueue: `bench-idle-${randomBytes(3).toString('hex')}`, uiUrl: 'http://127.0.0.1:8233', log: pino({ level: 'warn' }) });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/runs`;
  const body = (i: number) => JSON.stringify({ name: `post${i % 50}`, namespace: 'bench-posts', components: [{ name: 'web', type: 'webservice', image: `web:${i}`, port: 80 }] });
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const client = async () => {
    while (next < RUNS) {
      const i = next++;
      const t0 = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(i) });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (res.status !== 202) failures++;
    }
  };
  // warm up (JIT, connections), then measure
  for (let i = 0; i < 20; i++) await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(i) })).arrayBuffer();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  const seconds = (performance.now() - t0) / 1000;
  server.close();
  latencies.sort((a, b) => a - b);
  console.log(`\nPOST /v1/runs over HTTP against the Temporal dev server (${RUNS} runs, ${CONCURRENCY} concurrent clients, one API process)`);
  console.table([
    { measure: 'runs started per second', value: (RUNS / seconds).toFixed(0), target: '>= 300' },
    { measure: 'latency p50', value: `${percentile(latencies, 50).toFixed(1)} ms`, target: '' },
    { measure: 'latency p99', value: `${percentile(latencies, 99).toFixed(1)} ms`, target: '< 100 ms' },
    { measure: 'failed requests', value: String(failures), target: '0' },
  ]);
}
