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
import { compile, validateApplication } from '../src/index.js';
import { createAuth } from '../api/auth.js';
import { startRun } from '../api/runs.js';
import type { BenchServers } from './servers.js';

const RUNS = Number(process.env.KUBEMIN_BENCH_POSTS ?? 1000);
const CONCURRENCY = 16;

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

interface Measured {
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

/** `RUNS` calls of `call`, `CONCURRENCY` at a time, after a short warm-up. */
async function load(call: (i: number) => Promise<boolean>): Promise<Measured> {
  for (let i = 0; i < 20; i++) await call(RUNS + i);
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < RUNS) {
        const i = next++;
        const start = performance.now();
        if (!(await call(i))) failures++;
        latencies.push(performance.now() - start);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: RUNS / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures };
}

export async function benchApi(servers: BenchServers): Promise<void> {
  const taskQueue = `bench-idle-${randomBytes(3).toString('hex')}`;
  const app = createApp({ temporal: servers.client, taskQueue, uiUrl: 'http://127.0.0.1:8233', log: pino({ level: 'warn' }) });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/runs`;
  const spec = (i: number) => ({ name: `post${i % 50}`, namespace: 'bench-posts', components: [{ name: 'web', type: 'webservice', image: `web:${i}`, port: 80 }] });
  const prefix = randomBytes(3).toString('hex');
  try {
    const viaApi = await load(async (i) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(spec(i)) });
      await res.arrayBuffer();
      return res.status === 202;
    });
    // the floor: the same starts (same plan size, memo, search attributes) sent straight to Temporal, no HTTP, no validation
    const plan = compile(validateApplication(spec(0)));
    const deps = { temporal: servers.client, taskQueue, uiUrl: '', auth: createAuth(undefined) };
    const direct = await load((i) => startRun(deps, plan, `direct-${prefix}-${i}`));
    const row = (measure: string, f: (m: Measured) => string, target = '') => ({ measure, 'POST /v1/runs (HTTP)': f(viaApi), 'the same start, straight to Temporal (floor)': f(direct), target });
    console.log(`\nstarting runs against the Temporal dev server on this machine (${RUNS} runs, ${CONCURRENCY} at a time, one API process)`);
    console.table([
      row('runs started per second', (m) => m.perSecond.toFixed(0), '>= 300'),
      row('latency p50', (m) => `${m.p50.toFixed(1)} ms`),
      row('latency p99', (m) => `${m.p99.toFixed(1)} ms`, '< 100 ms'),
      row('failed', (m) => String(m.failures), '0'),
    ]);
  } finally {
    server.close();
  }
}
