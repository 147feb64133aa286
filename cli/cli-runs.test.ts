/**
 * The run commands against real servers: the API on a real port, a real worker, the Temporal dev
 * server and the local cluster. `main()` runs in process with captured streams.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { parse, stringify } from 'yaml';
import { createApp } from '../api/app.js';
import { failingJobSpec } from '../test/support/failing-spec.js';
import { testLog, useRunEnvironment } from '../test/support/servers.js';
import { runCli } from './run-in-process.js';

const run = (argv: string[]) => runCli(argv);

const normalise = (text: string) => text.replace(/\d+(\.\d+)?s\b|\d+m\d\ds/g, '<t>').replace(/[a-z0-9-]+[./]hello-[0-9a-f]{8}-[a-z0-9]+/g, '<run>');

describe('kubemin run commands (HTTP + Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('cli');
  let server: ServerType;
  let port = 0;
  let base: string;
  let dir: string;
  const app = () => createApp({ temporal: env.client, taskQueue: env.worker.taskQueue, uiUrl: 'http://127.0.0.1:8233', log: testLog, eventsPollMs: 100 });
  const listen = async (p: number) => {
    server = serve({ fetch: app().fetch, hostname: '127.0.0.1', port: p });
    await new Promise((r) => server.once('listening', r));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  };

  before(async () => {
    await listen(0);
    dir = await mkdtemp(join(tmpdir(), 'kubemin-cli-'));
  });
  after(() => {
    server?.close();
  });

  async function specFile(namespace: string, name = 'hello.yaml'): Promise<string> {
    const spec = parse(await readFile(new URL('../examples/hello-web.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
    const path = join(dir, `${namespace}-${name}`);
    await writeFile(path, stringify({ ...spec, namespace }));
    return path;
  }

  it('up --wait follows examples/hello-web.yaml to Succeeded (exit 0); runs and status show it; -o json is clean', async () => {
    const namespace = env.scratch.next();
    const up = await run(['--server', base, 'up', '-f', await specFile(namespace), '--wait', '--timeout', '120s']);
    assert.equal(up.code, 0, up.err);
    const id = up.out.trim();
    assert.match(id, /hello-/);
    assert.equal(up.out, `${id}\n`, 'only the run id on stdout');
    const lines = normalise(up.err).split('\n').filter(Boolean);
    assert.match(lines[0]!, new RegExp(`^<run> {2}(● Running|… Queued) {2}hello/${namespace}$`));
    assert.ok(lines.some((l) => /^ {2}✓ Succeeded {2}deploy-web {2}\(<t>\)$/.test(l)), up.err);
    assert.equal(lines.at(-1), '<run>  ✓ Succeeded');

    const status = await run(['--server', base, 'status', id]);
    assert.equal(status.code, 0, status.err);
    assert.equal(normalise(status.out), `<run>  ✓ Succeeded  hello/${namespace}\n  ✓ Succeeded  deploy-web  (<t>)\n      Deployment ${namespace}/web: 2 of 2 replicas available\n`);

    const json = await run(['--server', base, '-o', 'json', 'status', id]);
    assert.equal((JSON.parse(json.out) as { phase: string }).phase, 'Succeeded');

    let listed = '';
    for (let i = 0; i < 50 && !listed.includes('Succeeded'); i++) {
      if (i) await new Promise((r) => setTimeout(r, 100));
      listed = (await run(['--server', base, 'runs', '-n', namespace])).out;
    }
    assert.equal(normalise(listed).replace(/ +/g, ' '), `ID APPLICATION NAMESPACE PHASE AGE\n<run> hello ${namespace} ✓ Succeeded <t>\n`);
    const listJson = await run(['--server', base, '-o', 'json', 'runs', '-n', namespace]);
    assert.deepEqual((JSON.parse(listJson.out) as { runs: { id: string }[] }).runs.map((r) => r.id), [id]);

    const open = await run(['--server', base, 'open', id]);
    assert.equal(open.out, `http://127.0.0.1:8233/namespaces/default/workflows/${id}\n`);
    const history = await run(['--server', base, 'history', id]);
    assert.equal(history.code, 0, history.err);
    assert.match(history.out, /Succeeded/);
    const events = await run(['--server', base, 'events', id]);
    assert.equal(events.code, 0, events.err);
    assert.match(events.out, /deploy-web {2}✓ Succeeded/);

    // a fuzzer found approve/reject on a finished run answering 500: it must be 409, as documented
    for (const action of ['approve', 'reject']) {
      const res = await fetch(`${base}/v1/runs/${encodeURIComponent(id)}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"step":"0"}' });
      assert.equal(res.status, 409, await res.text());
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
    }
    const approve = await run(['--server', base, 'approve', id, '0']);
    assert.equal(approve.code, 2);
    assert.match(approve.err, /has ended/);
  });

  it('up --wait survives an API restart mid-run and still ends exit 0', async () => {
    const namespace = env.scratch.next();
    const pending = run(['--server', base, 'up', '-f', await specFile(namespace), '--wait', '--timeout', '120s']);
    await new Promise((r) => setTimeout(r, 300));
    const same = port;
    await new Promise((r) => {
      server.close(r);
      (server as Server).closeAllConnections();
    });
    await new Promise((r) => setTimeout(r, 1000));
    await listen(same);
    const up = await pending;
    assert.equal(up.code, 0, up.err);
    // the run may end before the restart on a fast cluster; when it did not, the CLI said it reconnects
    if (!/✓ Succeeded {2}deploy-web/.test(up.err.split('reconnecting')[0] ?? '')) assert.match(up.err, /reconnecting/);
    assert.match(up.err, /✓ Succeeded\s*$/);
  });

  it('a failing Job ends up --wait with exit 1 and the Job\'s reason on stderr', async () => {
    const namespace = env.scratch.next();
    const path = join(dir, `${namespace}-fail.json`);
    await writeFile(path, JSON.stringify({ name: 'broken', namespace, components: [{ name: 'migrate', type: 'job', image: 'migrate:1', annotations: { 'kubemin.io/kwok-fail': 'boom' } }] }));
    const up = await run(['--server', base, 'up', '-f', path, '--wait', '--timeout', '120s']);
    assert.equal(up.code, 1, up.err);
    assert.match(up.err, /failed: step \S+ \(\w+\): .*boom/);
    const status = await run(['--server', base, 'status', up.out.trim()]);
    assert.equal(status.code, 1);
  });

  it('retry re-runs a failed run from its failed step (stdout: the new id); terminate stops a waiting run at once', async () => {
    const namespace = env.scratch.next();
    const path = join(dir, `${namespace}-again.json`);
    await writeFile(path, JSON.stringify(failingJobSpec(namespace)));
    const up = await run(['--server', base, 'up', '-f', path, '--wait', '--timeout', '120s']);
    assert.equal(up.code, 1, up.err);
    const first = up.out.trim();
    const retry = await run(['--server', base, 'retry', first]);
    assert.equal(retry.code, 0, retry.err);
    const second = retry.out.trim();
    assert.notEqual(second, first);
    assert.equal(retry.out, `${second}\n`, 'only the new run id on stdout');
    let ended: { phase: string; steps: { name: string; phase: string; message?: string }[] } = { phase: 'Queued', steps: [] };
    for (let i = 0; i < 300 && ['Queued', 'Running'].includes(ended.phase); i++) {
      if (i) await new Promise((r) => setTimeout(r, 200));
      ended = JSON.parse((await run(['--server', base, '-o', 'json', 'status', second])).out) as typeof ended;
    }
    assert.equal(ended.phase, 'Failed', 'the Job fails again');
    const steps = ended.steps;
    assert.equal(steps.find((x) => x.name === 'tables')?.phase, 'Failed', 'the failed step ran again');
    assert.match(steps.find((x) => x.name === 'ship')?.message ?? '', new RegExp(`succeeded in run ${first}; not run again`));

    const held = join(dir, `${namespace}-held.json`);
    await writeFile(held, JSON.stringify({ name: 'held', namespace, components: [{ name: 'web', type: 'webservice', image: 'web:1', port: 80 }], workflow: { steps: [{ name: 'release', type: 'approval' }, { name: 'ship', type: 'deploy', components: ['web'] }] } }));
    const waiting = (await run(['--server', base, 'up', '-f', held])).out.trim();
    const stopped = await run(['--server', base, 'terminate', waiting, '--reason', 'not today']);
    assert.equal(stopped.code, 0, stopped.err);
    assert.equal(stopped.out, `${waiting}: terminated at once: no cleanup ran\n`);
    const after = await run(['--server', base, '-o', 'json', 'status', waiting]);
    assert.deepEqual(((r: { phase: string; temporalStatus?: string }) => [r.phase, r.temporalStatus])(JSON.parse(after.out) as { phase: string; temporalStatus?: string }), ['Failed', 'TERMINATED']);
    const again = await run(['--server', base, 'terminate', waiting]);
    assert.equal(again.code, 2, 'a run that has ended cannot be terminated again (409)');
    assert.equal(again.out, '');
  });

  it('the current context picks the server; KUBEMIN_SERVER wins over it, --server over both', async () => {
    const namespace = env.scratch.next();
    const id = (await run(['--server', base, 'up', '-f', await specFile(namespace)])).out.trim();
    const config = join(dir, 'contexts.yaml');
    const as = (argv: string[], more: NodeJS.ProcessEnv = {}) => runCli(argv, { KUBEMIN_CONFIG: config, ...more });
    assert.equal((await as(['context', 'add', 'here', '--server', base])).code, 0);
    const viaContext = await as(['-o', 'name', 'runs', '-n', namespace]);
    assert.equal(viaContext.code, 0, viaContext.err);
    assert.equal(viaContext.out, `${id}\n`);
    const nowhere = 'http://127.0.0.1:45996';
    assert.equal((await as(['runs', '-n', namespace], { KUBEMIN_SERVER: nowhere })).code, 5);
    const flag = await as(['--server', base, '-o', 'name', 'runs', '-n', namespace], { KUBEMIN_SERVER: nowhere });
    assert.equal(flag.out, `${id}\n`, flag.err);
  });

  it('an unreachable server ends exit 5 with a hint', async () => {
    const r = await run(['--server', 'http://127.0.0.1:45999', 'runs']);
    assert.equal(r.code, 5);
    assert.equal(r.out, '');
    assert.match(r.err, /cannot reach the KubeMin API/);
  });

  it('an unknown run is a problem on stderr, exit 2, nothing on stdout', async () => {
    const r = await run(['--server', base, '-o', 'json', 'status', 'no-such-run']);
    assert.equal(r.out, '');
    assert.notEqual(r.code, 0);
    assert.match(r.err, /error:/);
  });
});
