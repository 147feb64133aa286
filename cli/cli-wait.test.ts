/**
 * `kubemin up --wait` end to end: the API on a real port (restarted on that port when a test says
 * so), a real worker, the Temporal dev server and the local cluster. The CLI runs in process, and
 * as `node cli/kubemin.mjs` in a real terminal (tmux) where what it draws on a terminal matters.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { parse } from 'yaml';
import { createApp } from '../api/app.js';
import type { Run, RunList } from '../client/index.js';
import { testLog, useRunEnvironment } from '../test/support/servers.js';
import { EXIT } from './output.js';
import { runCli } from './run-in-process.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Decides, after the API answered a request, whether the API "crashes" now (and for how many ms, default 1000) before it listens again on its port. */
type CrashHook = (req: Request, res: Response) => Promise<boolean | number>;

describe('kubemin up --wait (HTTP + Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('wait');
  let server: ServerType;
  let port = 0;
  let base = '';
  let dir = '';
  let crash: CrashHook | undefined;
  /** Says which requests the API refuses (403) before it looks at them. */
  let refuse: ((req: Request) => boolean) | undefined;
  const restarts: Promise<void>[] = [];

  const listen = async (p: number) => {
    const app = createApp({ temporal: env.client, taskQueue: env.worker.taskQueue, uiUrl: 'http://127.0.0.1:8233', log: testLog, eventsPollMs: 100 });
    const fetch = async (req: Request) => {
      if (refuse?.(req)) return Response.json({ title: 'Forbidden', status: 403, detail: 'refused by the test' }, { status: 403, headers: { 'content-type': 'application/problem+json' } });
      const res = await app.fetch(req);
      const down = crash ? await crash(req, res.clone()) : false;
      if (down) restarts.push(restart(down === true ? undefined : down));
      return res;
    };
    server = serve({ fetch, hostname: '127.0.0.1', port: p });
    await new Promise((r) => server.once('listening', r));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  };
  /** The API process goes away (every connection cut, this request's too) and comes back on the same port. */
  const restart = async (downMs = 1000) => {
    const old = server;
    const closed = new Promise((r) => old.close(r));
    (old as Server).closeAllConnections();
    await closed;
    await sleep(downMs);
    await listen(port);
  };

  before(async () => {
    await listen(0);
    dir = await mkdtemp(join(tmpdir(), 'kubemin-wait-'));
  });
  after(() => {
    server?.close();
  });

  const cli = (argv: string[]) => runCli(['--server', base, ...argv]);

  /** examples/<file> with its namespace set and `change` applied, written as JSON into the temp dir. */
  async function specFrom(file: string, namespace: string, change: (spec: Record<string, unknown>) => Record<string, unknown>): Promise<string> {
    const spec = parse(await readFile(new URL(`../examples/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
    const path = join(dir, `${namespace}.json`);
    await writeFile(path, JSON.stringify(change({ ...spec, namespace })));
    return path;
  }
  /** The spec's component `name` alone (no traits), changed by `set`. */
  const component = (spec: Record<string, unknown>, name: string, set: Record<string, unknown>) =>
    (spec.components as Record<string, unknown>[]).filter((c) => c.name === name).map((c) => ({ ...c, traits: undefined, ...set }));
  /** hello-web behind an approval step named `gate`. */
  const approvalSpec = (namespace: string) =>
    specFrom('hello-web.yaml', namespace, (s) => ({ ...s, workflow: { steps: [{ name: 'gate', type: 'approval' }, { name: 'ship', type: 'deploy', components: ['web'] }] } }));

  /** The id of the one run in `namespace`, once the API lists it. */
  async function runIn(namespace: string): Promise<string> {
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(100)) {
      const res = await fetch(`${base}/v1/runs?namespace=${namespace}`).catch(() => undefined);
      const id = res?.ok ? ((await res.json()) as RunList).runs[0]?.id : undefined;
      if (id) return id;
    }
    throw new Error(`no run in ${namespace}`);
  }
  /** The test's own reads carry this header, so they never crash the API. */
  const mine = { 'x-test': 'yes' };
  const getRun = async (id: string) => (await (await fetch(`${base}/v1/runs/${encodeURIComponent(id)}`, { headers: mine })).json()) as Run;
  /** The CLI reads a run (GET /v1/runs/{id}). */
  const cliReadsRun = (req: Request) => req.method === 'GET' && /^\/v1\/runs\/[^/]+$/.test(new URL(req.url).pathname) && !req.headers.get('x-test');

  it('ends exit 3 (cancelled) when another kubemin cancels the run it follows', async () => {
    const namespace = env.scratch.next();
    const pending = cli(['up', '-f', await approvalSpec(namespace), '--wait', '--timeout', '60s']);
    const id = await runIn(namespace);
    const cancel = await cli(['cancel', id]);
    assert.equal(cancel.code, 0, cancel.err);
    const up = await pending;
    assert.equal(up.code, EXIT.cancelled, up.err);
    assert.equal(up.out, `${id}\n`);
    assert.match(up.err, /⊘ Cancelled\s*$/);
  });

  it('ends exit 4 at --timeout 3s while the run waits for approval, and the run goes on', async () => {
    const namespace = env.scratch.next();
    const t0 = Date.now();
    const up = await cli(['up', '-f', await approvalSpec(namespace), '--wait', '--timeout', '3s']);
    const took = Date.now() - t0;
    assert.equal(up.code, EXIT.timeout, up.err);
    assert.ok(took < 8_000, `the wait took ${took}ms past a 3s timeout`);
    const id = up.out.trim();
    assert.match(up.err, new RegExp(`timed out after 3\\.0s: the run ${id} goes on`));
    const status = await cli(['-o', 'json', 'status', id]);
    assert.equal(status.code, 0, status.err);
    const run = JSON.parse(status.out) as Run;
    assert.equal(run.phase, 'Running');
    assert.equal(run.steps?.find((s) => s.name === 'gate')?.awaitingApproval, true);
    await cli(['cancel', id]);
  });

  it('ends exit 1 for a failing Job, naming the Job\'s reason and message on stderr', async () => {
    const namespace = env.scratch.next();
    const path = await specFrom('seed-scenario.yaml', namespace, (s) => ({
      ...s,
      name: 'broken',
      components: component(s, 'migrate', { dependsOn: [], annotations: { 'kubemin.io/kwok-fail': 'relation "users" already exists' } }),
    }));
    const up = await cli(['up', '-f', path, '--wait', '--timeout', '60s']);
    assert.equal(up.code, EXIT.failed, up.err);
    assert.match(up.err, /failed: step \S+ \(\w+\): .*relation "users" already exists/);
    assert.match(up.err, /BackoffLimitExceeded/);
  });

  it('shows the scheduler\'s reason while a Deployment waits for a GPU no node has, and ends exit 4 at --timeout', async () => {
    const namespace = env.scratch.next();
    const path = await specFrom('hello-web.yaml', namespace, (s) => ({
      ...s,
      components: (s.components as Record<string, unknown>[]).map((c) => ({ ...c, replicas: 1, traits: { resources: { gpu: 8 } } })),
    }));
    const up = await cli(['up', '-f', path, '--wait', '--timeout', '6s']);
    assert.equal(up.code, EXIT.timeout, up.err);
    assert.match(up.err, /Insufficient nvidia\.com\/gpu|0\/\d+ nodes are available/);
    await cli(['cancel', up.out.trim()]);
  });

  it('ends exit 4 at --timeout though the API is away when the wait begins', async () => {
    const namespace = env.scratch.next();
    // the API goes away for 6s under the CLI's first read of the run
    let crashed = false;
    crash = async (req) => {
      if (crashed || !cliReadsRun(req)) return false;
      crashed = true;
      return 6_000;
    };
    try {
      const t0 = Date.now();
      const up = await cli(['up', '-f', await approvalSpec(namespace), '--wait', '--timeout', '2s']);
      const took = Date.now() - t0;
      assert.equal(up.code, EXIT.timeout, up.err);
      assert.ok(took < 4_000, `the wait took ${took}ms past a 2s timeout`);
      assert.match(up.err, /timed out after 2\.0s/);
    } finally {
      crash = undefined;
      await Promise.all(restarts);
    }
    await cli(['cancel', await runIn(namespace)]);
  });

  it('follows a run to Succeeded (exit 0) across two API restarts on the same port, and shows what it missed', async () => {
    const namespace = env.scratch.next();
    const path = await specFrom('hello-web.yaml', namespace, (s) => ({
      ...s,
      workflow: { steps: [{ name: 'gate1', type: 'approval' }, { name: 'gate2', type: 'approval' }, { name: 'ship', type: 'deploy', components: ['web'] }] },
    }));
    let crashes = 0;
    let streams = 0;
    // crash 1: under the CLI's first read of the run, right after it started; crash 2 (once the CLI
    // follows the events): under the read that would show gate2 waiting, after which nothing
    // happens until gate2 is decided
    crash = async (req, res) => {
      if (new URL(req.url).pathname.endsWith('/events')) streams += 1;
      if (!cliReadsRun(req) || crashes >= 2) return false;
      const waits = streams > 0 && ((await res.json()) as Run).steps?.find((s) => s.name === 'gate2')?.awaitingApproval === true;
      const now = crashes === 0 || waits;
      if (now) crashes += 1;
      // the events after the one this read is for reach the CLI before the connections are cut
      if (waits) await sleep(300);
      return now;
    };
    const approve = async (id: string, step: string) => {
      for (let i = 0; ; i++) {
        const res = await fetch(`${base}/v1/runs/${encodeURIComponent(id)}/approve`, { method: 'POST', headers: { ...mine, 'content-type': 'application/json' }, body: JSON.stringify({ step }) }).catch(() => undefined);
        if (res?.ok) return;
        if (i > 100) throw new Error(`could not approve ${step}: ${res?.status ?? 'no answer'} ${await res?.text()}`);
        await sleep(100);
      }
    };
    try {
      const pending = cli(['up', '-f', path, '--wait', '--timeout', '90s']);
      const id = await runIn(namespace);
      for (let i = 0; streams === 0 && i < 150; i++) await sleep(100);
      await approve(id, 'gate1');
      for (let i = 0; crashes < 2 && i < 150; i++) await sleep(100);
      await sleep(3_000); // the API is back and the events stream has reconnected: nothing more happens until gate2 is decided
      await approve(id, 'gate2');
      const up = await pending;
      assert.equal(up.code, EXIT.ok, up.err);
      assert.equal(crashes, 2, 'the API did not crash twice: the test proves nothing');
      assert.match(up.err, /reconnecting/);
      // gate2 was seen waiting before it Succeeded, though the read that showed it first was lost
      const lines = up.err.split('\n');
      const waiting = lines.findIndex((l) => /⏸ WaitingForApproval {2}gate2/.test(l));
      const done = lines.findIndex((l) => /✓ Succeeded {2}gate2/.test(l));
      assert.ok(waiting >= 0 && waiting < done, up.err);
      assert.match(up.err, /✓ Succeeded\s*$/);
      assert.equal((await getRun(id)).phase, 'Succeeded');
    } finally {
      crash = undefined;
      await Promise.all(restarts);
    }
  });

  /** `kubemin ARGS` in a real terminal (tmux, 200x50, its own server, its socket in the temp dir); `exit=N` shows when it ends. */
  async function terminal(args: string) {
    const socket = join(dir, `tmux-${randomBytes(3).toString('hex')}`);
    const tmux = (...argv: string[]) => promisify(execFile)('tmux', ['-S', socket, ...argv], { cwd: ROOT });
    const screen = async () => (await tmux('capture-pane', '-p', '-t', 'cli')).stdout;
    const command = `NO_COLOR=1 KUBEMIN_CONFIG=/nonexistent/kubemin.yaml node cli/kubemin.mjs --server ${base} ${args}; echo "exit=$?"; sleep 120`;
    await tmux('new-session', '-d', '-s', 'cli', '-x', '200', '-y', '50', command);
    return {
      screen,
      /** The screen once it matches `what`; throws (with the screen) after `ms`. */
      until: async (what: RegExp, ms: number) => {
        let text = '';
        for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(200)) if (what.test((text = await screen()))) return text;
        throw new Error(`the terminal never showed ${String(what)}:\n${text}`);
      },
      keys: (...keys: string[]) => tmux('send-keys', '-t', 'cli', ...keys),
      close: () => tmux('kill-server').catch(() => undefined),
    };
  }
  const question = /step gate waits for approval: approve it\? \[y\/n\]/;

  it('asks in a terminal whether to approve a waiting step, keeps the question visible, and goes on when told y', async () => {
    const namespace = env.scratch.next();
    const term = await terminal(`up -f ${await approvalSpec(namespace)} --wait --timeout 60s`);
    try {
      await term.until(question, 30_000);
      await sleep(2_500); // a few redraws of the tree (one a second) later, the question is still there
      assert.match(await term.screen(), question);
      await term.keys('y', 'Enter');
      const end = await term.until(/exit=\d+/, 60_000);
      assert.match(end, /approved gate/);
      assert.match(end, /✓ Succeeded {2}ship/);
      assert.match(end, /exit=0/);
      assert.equal((await getRun(await runIn(namespace))).phase, 'Succeeded');
    } finally {
      await term.close();
    }
  });

  it('in a terminal, an unanswered question does not outlast --timeout: exit 4', async () => {
    const namespace = env.scratch.next();
    const term = await terminal(`up -f ${await approvalSpec(namespace)} --wait --timeout 5s`);
    try {
      await term.until(question, 30_000);
      const end = await term.until(/exit=\d+/, 15_000);
      assert.match(end, /timed out after 5\.0s/);
      assert.match(end, /exit=4/);
    } finally {
      await term.close();
      await cli(['cancel', await runIn(namespace)]);
    }
  });

  it('in a terminal, a step approved elsewhere withdraws the question, and the wait ends with the run: exit 0', async () => {
    const namespace = env.scratch.next();
    const term = await terminal(`up -f ${await approvalSpec(namespace)} --wait --timeout 60s`);
    try {
      await term.until(question, 30_000);
      const approve = await cli(['approve', await runIn(namespace), 'gate']);
      assert.equal(approve.code, 0, approve.err);
      const end = await term.until(/exit=\d+/, 20_000);
      assert.match(end, /step gate no longer waits for approval/);
      assert.match(end, /✓ Succeeded {2}ship/);
      assert.match(end, /exit=0/);
    } finally {
      await term.close();
    }
  });

  it('in a terminal, what it says while following (reconnecting after an API restart) stays above one tree redrawn in place', async () => {
    const namespace = env.scratch.next();
    const path = await specFrom('hello-web.yaml', namespace, (s) => ({ ...s, components: component(s, 'web', { annotations: { 'kubemin.io/kwok-ready-after': '5s' } }) }));
    const term = await terminal(`up -f ${path} --wait --timeout 60s`);
    try {
      await term.until(/● Running {2}deploy-web/, 30_000);
      await restart();
      const end = await term.until(/exit=\d+/, 60_000);
      assert.match(end, /exit=0/);
      const lines = end.split('\n');
      const reconnect = lines.findIndex((l) => /reconnecting to the events stream/.test(l));
      const heads = lines.filter((l) => new RegExp(`^\\S+ {2}\\S+ \\w+ {2}hello/${namespace}$`).test(l));
      assert.deepEqual(heads.map((l) => l.split('  ')[1]), ['✓ Succeeded'], end);
      assert.ok(reconnect >= 0 && reconnect < lines.findIndex((l) => heads.includes(l)), end);
    } finally {
      await term.close();
    }
  });

  it('in a terminal, an open question does not keep the command alive when following fails: it ends with the error', async () => {
    const namespace = env.scratch.next();
    const term = await terminal(`up -f ${await approvalSpec(namespace)} --wait --timeout 60s`);
    try {
      await term.until(question, 30_000);
      // the stream drops, and the API refuses it from then on (a revoked token answers the same)
      refuse = (req) => new URL(req.url).pathname.endsWith('/events');
      await restart();
      const end = await term.until(/exit=\d+/, 15_000);
      assert.match(end, /the events stream answered 403/);
      assert.doesNotMatch(end, /exit=0/);
    } finally {
      refuse = undefined;
      await term.close();
      await cli(['cancel', await runIn(namespace)]);
    }
  });
});
