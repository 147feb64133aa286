/**
 * POST /v1/runs against the dev server on this machine: runs started per second and latency
 * percentiles, with `CONCURRENCY` clients at once over real HTTP to the production API process
 * (workers/api-main.ts, its own process as deployed). The floor is the same start sent straight to
 * Temporal from this process. The two take turns in rounds, so both see the same machine. The runs
 * go to a task queue no worker polls: this measures starting runs (validate, compile, start the
 * workflow), not running them. KUBEMIN_BENCH_API_NODE_ARGS adds node flags to the API process
 * (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it).
 */
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { compile, validateApplication } from '../src/index.js';
import { createAuth } from '../api/auth.js';
import { startRun } from '../api/runs.js';
import type { BenchServers } from './servers.js';

const RUNS = Number(process.env.KUBEMIN_BENCH_POSTS ?? 1000);
const CONCURRENCY = 16;
const ROUNDS = 4;

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

interface Measured {
  /** CPU milliseconds per start: this process's, and the API process's. */
  cpuHere: number;
  cpuApi: number;
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

interface Load {
  latencies: number[];
  seconds: number;
  cpuHereMs: number;
  cpuApiMs: number;
  failures: number;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc. */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux)
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Calls `call` for the indices [from, to), `CONCURRENCY` at a time. */
async function round(call: (i: number) => Promise<boolean>, [from, to]: [number, number], into: Load, apiPid: number): Promise<void> {
  let next = from;
  const [here0, api0] = [process.cpuUsage(), cpuMsOf(apiPid)];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < to) {
        const i = next++;
        const start = performance.now();
        if (!(await call(i))) into.failures++;
        into.latencies.push(performance.now() - start);
      }
    }),
  );
  into.seconds += (performance.now() - t0) / 1000;
  const here = process.cpuUsage(here0);
  into.cpuHereMs += (here.user + here.system) / 1000;
  into.cpuApiMs += cpuMsOf(apiPid) - api0;
}

/** `RUNS` calls of each, after a short warm-up of each, in `ROUNDS` turns taken one after the other. */
async function loadSideBySide(a: (i: number) => Promise<boolean>, b: (i: number) => Promise<boolean>, apiPid: number): Promise<[Measured, Measured]> {
  const fresh = (): Load => ({ latencies: [], seconds: 0, failures: 0, cpuHereMs: 0, cpuApiMs: 0 });
  const loads: [Load, Load] = [fresh(), fresh()];
  for (let i = 0; i < 20; i++) await Promise.all([a(RUNS + i), b(RUNS + i)]);
  const per = Math.ceil(RUNS / ROUNDS);
  for (let r = 0; r < ROUNDS; r++) {
    const [from, to] = [r * per, Math.min(RUNS, (r + 1) * per)];
    await round(a, [from, to], loads[0], apiPid);
    await round(b, [from, to], loads[1], apiPid);
  }
  const measured = (l: Load): Measured => {
    l.latencies.sort((x, y) => x - y);
    const n = l.latencies.length;
    return { cpuHere: l.cpuHereMs / n, cpuApi: l.cpuApiMs / n, perSecond: n / l.seconds, p50: percentile(l.latencies, 50), p99: percentile(l.latencies, 99), failures: l.failures };
  };
  return [measured(loads[0]), measured(loads[1])];
}

/**
 * One POST over a kept-alive connection; its status. node:http rather than fetch: on this 2-core
 * machine the load generator shares the CPU with the API and Temporal, and fetch costs the caller
 * several times what node:http does (a load generator elsewhere would not take the API's CPU).
 */
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function post(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end(body);
  });
}

/** The production API process on the bench's dev server (open, a port of its own); its base URL. */
async function startApiProcess(servers: BenchServers, taskQueue: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...(process.env.KUBEMIN_BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', 'workers/api-main.ts'], {
    env: { ...process.env, TEMPORAL_ADDRESS: servers.temporal.address, KUBEMIN_TASK_QUEUE: taskQueue, KUBEMIN_API_PORT: '0', KUBEMIN_API_OPEN: '1', KUBEMIN_LOG_LEVEL: 'info', KUBEMIN_CODEC_KEYS: '', KUBEMIN_API_TOKENS: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the API process exited (${code}) before it listened`)));
    lines.on('line', (line) => {
      // the API logs JSON lines; the one saying where it listens has an address
      const address = /"address":"([^"]+)"/.exec(line)?.[1];
      if (address) resolve(`http://${address}`);
    });
  });
  lines.removeAllListeners('line');
  child.stdout?.resume();
  return { url, child };
}

export async function benchApi(servers: BenchServers): Promise<void> {
  const taskQueue = `bench-idle-${randomBytes(3).toString('hex')}`;
  const api = await startApiProcess(servers, taskQueue);
  const url = `${api.url}/v1/runs`;
  const spec = (i: number) => ({ name: `post${i % 50}`, namespace: 'bench-posts', components: [{ name: 'web', type: 'webservice', image: `web:${i}`, port: 80 }] });
  const prefix = randomBytes(3).toString('hex');
  try {
    // the floor: the same starts (same plan size, memo, search attributes) sent straight to Temporal, no HTTP, no validation
    const plan = compile(validateApplication(spec(0)));
    const deps = { temporal: servers.client, taskQueue, uiUrl: '', auth: createAuth(undefined) };
    const [viaApi, direct] = await loadSideBySide(
      (i) => post(url, JSON.stringify(spec(i))).then((status) => status === 202),
      (i) => startRun(deps, plan, `direct-${prefix}-${i}`),
      api.child.pid as number,
    );
    const row = (measure: string, f: (m: Measured) => string, target = '') => ({ measure, 'POST /v1/runs (HTTP)': f(viaApi), 'the same start, straight to Temporal (floor)': f(direct), target });
    console.log(`\nstarting runs against the Temporal dev server on this machine (${RUNS} runs each, ${CONCURRENCY} at a time, in ${ROUNDS} alternating rounds; one API process)`);
    console.table([
      row('runs started per second', (m) => m.perSecond.toFixed(0), `API >= 90% of the floor (${((100 * viaApi.perSecond) / direct.perSecond).toFixed(0)}% here)`),
      row('latency p50', (m) => `${m.p50.toFixed(1)} ms`),
      row('latency p99', (m) => `${m.p99.toFixed(1)} ms`, `API <= 1.5x the floor (${(viaApi.p99 / direct.p99).toFixed(2)}x here)`),
      row('failed', (m) => String(m.failures), '0'),
      row('CPU per start: the caller (this process)', (m) => `${m.cpuHere.toFixed(2)} ms`),
      row('CPU per start: the API process', (m) => `${m.cpuApi.toFixed(2)} ms`),
    ]);
  } finally {
    agent.destroy();
    api.child.kill('SIGTERM');
  }
}
