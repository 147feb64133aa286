/**
 * POST /v1/diff and `kubemin diff` on the real servers: the API on a socket, a real worker, the
 * Temporal dev server and the local cluster. A deployed spec diffs as unchanged; one changed
 * image is exactly one field; a new component is a create, a removed one a prune.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { parse, stringify } from 'yaml';
import { createApp } from '../api/app.js';
import { runCli } from '../cli/run-in-process.js';
import type { DiffResult } from '../src/index.js';
import { apiAs } from './support/api-as.js';
import { runToEnd } from './support/run-to-end.js';
import { testLog, useRunEnvironment } from './support/servers.js';

type Spec = { name: string; namespace: string; components: Record<string, unknown>[] } & Record<string, unknown>;

describe('diff (HTTP + CLI + Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('diff');
  let server: ServerType;
  let base: string;
  let dir: string;
  let namespace: string;
  let spec: Spec;

  before(async () => {
    const app = createApp({ temporal: env.client, taskQueue: env.worker.taskQueue, uiUrl: 'http://127.0.0.1:8233', log: testLog });
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = await mkdtemp(join(tmpdir(), 'kubemin-diff-'));
    namespace = env.scratch.next();
    spec = { ...(parse(await readFile(new URL('../examples/hello-web.yaml', import.meta.url), 'utf8')) as Spec), namespace };
  });
  after(async () => {
    server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function diff(s: Spec): Promise<DiffResult> {
    const res = await fetch(`${base}/v1/diff`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: stringify(s) });
    const body = (await res.json()) as DiffResult;
    assert.equal(res.status, 200, JSON.stringify(body));
    return body;
  }

  async function cli(s: Spec, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const file = join(dir, `spec-${Math.random().toString(36).slice(2)}.yaml`);
    await writeFile(file, stringify(s));
    return runCli(['--server', base, ...args, 'diff', '-f', file]);
  }

  const actions = (r: DiffResult) => r.changes.map((c) => [c.action, c.kind, c.name]);
  const withImage = (image: string): Spec => ({ ...spec, components: spec.components.map((c) => (c.name === 'web' ? { ...c, image } : c)) });

  it('before the namespace exists: everything is a create', async () => {
    const r = await diff(spec);
    assert.equal(r.application, 'hello');
    assert.equal(r.namespace, namespace);
    assert.ok(r.changes.length > 0);
    assert.ok(r.changes.every((c) => c.action === 'create'), JSON.stringify(r.changes));
    assert.equal(r.summary.create, r.changes.length);
  });

  it('after a run of the same spec: nothing changes, and the CLI exits 0', async () => {
    const status = await runToEnd(env, spec);
    assert.equal(status.phase, 'Succeeded', JSON.stringify(status));
    const r = await diff(spec);
    assert.ok(r.changes.length > 0);
    assert.ok(r.changes.every((c) => c.action === 'unchanged'), JSON.stringify(r.changes, null, 2));
    assert.deepEqual(r.summary, { create: 0, change: 0, prune: 0, unchanged: r.changes.length });
    const run = await cli(spec);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /0 to create, 0 to change, 0 to prune/);
  });

  it('one changed image: exactly one object with exactly that field, and the CLI exits 1', async () => {
    const changed = withImage('nginx:1.28');
    const r = await diff(changed);
    const changes = r.changes.filter((c) => c.action !== 'unchanged');
    assert.deepEqual(changes, [{ action: 'change', apiVersion: 'apps/v1', kind: 'Deployment', namespace, name: 'web', fields: [{ path: 'spec.template.spec.containers[web].image', from: 'nginx:1.27', to: 'nginx:1.28' }] }]);
    assert.equal(r.summary.change, 1);
    const run = await cli(changed);
    assert.equal(run.code, 1, run.err);
    assert.match(run.out, new RegExp(`~ Deployment ${namespace}/web\\n  spec\\.template\\.spec\\.containers\\[web\\]\\.image: nginx:1\\.27 → nginx:1\\.28\\n`));
    const json = await cli(changed, '-o', 'json');
    assert.equal(json.code, 1);
    assert.deepEqual((JSON.parse(json.out) as DiffResult).summary, r.summary);
  });

  it('a new component is a create; the others stay unchanged', async () => {
    const more: Spec = { ...spec, components: [...spec.components, { name: 'api', type: 'webservice', image: 'nginx:1.27', port: 8080 }] };
    const r = await diff(more);
    const changed = r.changes.filter((c) => c.action !== 'unchanged');
    assert.ok(changed.length > 0);
    assert.ok(changed.every((c) => c.action === 'create' && c.name.startsWith('api')), JSON.stringify(changed));
    assert.ok(changed.some((c) => c.kind === 'Deployment'));
    const run = await cli(more);
    assert.equal(run.code, 1);
    assert.match(run.out, new RegExp(`\\+ Deployment ${namespace}/api`));
  });

  it('a removed component is a prune', async () => {
    const other: Spec = { ...spec, components: [{ name: 'api', type: 'webservice', image: 'nginx:1.27', port: 8080 }] };
    const r = await diff(other);
    const pruned = r.changes.filter((c) => c.action === 'prune');
    assert.ok(pruned.some((c) => c.kind === 'Deployment' && c.name === 'web'), JSON.stringify(actions(r)));
    assert.ok(pruned.every((c) => c.name.startsWith('web')), JSON.stringify(actions(r)));
    assert.equal(r.summary.prune, pruned.length);
    const run = await cli(other);
    assert.equal(run.code, 1);
    assert.match(run.out, new RegExp(`- Deployment ${namespace}/web`));
  });

  it('a Secret: unchanged after a run, and a changed value shows as (secret), never its value', async () => {
    const plain = 'diff-plain-value-1';
    const next = 'diff-plain-value-2';
    const withSecret = (value: string): Spec => ({ name: 'vault', namespace: env.scratch.next(), components: [{ name: 'creds', type: 'secret', properties: { stringData: { password: value } } }] });
    const first = withSecret(plain);
    const status = await runToEnd(env, first);
    assert.equal(status.phase, 'Succeeded', JSON.stringify(status));
    const same = await diff(first);
    assert.deepEqual(actions(same), [['unchanged', 'Secret', 'creds']]);
    const res = await fetch(`${base}/v1/diff`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: stringify({ ...first, components: withSecret(next).components }) });
    const text = await res.text();
    assert.equal(res.status, 200, text);
    for (const secret of [plain, next, Buffer.from(plain).toString('base64'), Buffer.from(next).toString('base64')]) assert.ok(!text.includes(secret), `the answer holds a secret value: ${text}`);
    const r = JSON.parse(text) as DiffResult;
    assert.deepEqual(r.changes, [{ action: 'change', apiVersion: 'v1', kind: 'Secret', namespace: first.namespace, name: 'creds', fields: [{ path: 'data.password', from: '(secret)', to: '(secret)' }] }]);
  });

  it('needs an operator of the namespace: a viewer and another namespace are 403', async () => {
    const as = apiAs(env);
    const post = (role: 'viewer' | 'operator', ns: string) => as.call(role, '/v1/diff', { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: stringify({ ...spec, namespace: ns }) });
    assert.equal((await post('viewer', 'staging-a')).status, 403);
    assert.equal((await post('operator', 'prod-a')).status, 403);
    const ok = await post('operator', 'staging-diff-none');
    assert.equal(ok.status, 200, await ok.clone().text());
    assert.ok(((await ok.json()) as DiffResult).changes.every((c) => c.action === 'create'));
  });
});
