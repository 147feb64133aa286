/**
 * The walking skeleton end to end over real HTTP: the API on a real socket, a real worker, the
 * Temporal dev server and the local cluster. The Deployment must really become Available.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { parse, stringify } from 'yaml';
import { createApp } from '../api/app.js';
import { kubeApis, testLog, useRunEnvironment } from './support/servers.js';

describe('API end to end (HTTP + Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('e2e');
  const { scratch } = env;
  let server: ServerType;
  let base: string;
  const { apps } = kubeApis();

  before(async () => {
    const app = createApp({ temporal: env.client, taskQueue: env.worker.taskQueue, uiUrl: 'http://127.0.0.1:8233', log: testLog });
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server?.close();
  });

  async function exampleSpec(namespace: string): Promise<string> {
    const spec = parse(await readFile(new URL('../examples/hello-web.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
    return stringify({ ...spec, namespace });
  }

  it('deploys examples/hello-web.yaml: 202 with a Temporal UI link, then Succeeded once the Deployment is Available', async () => {
    const namespace = scratch.next();
    const res = await fetch(`${base}/v1/runs`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: await exampleSpec(namespace) });
    assert.equal(res.status, 202);
    const started = (await res.json()) as { id: string; links: { self: string; temporalUi: string } };
    assert.equal(res.headers.get('location'), `/v1/runs/${started.id}`);
    assert.equal(started.links.temporalUi, `http://127.0.0.1:8233/namespaces/default/workflows/${started.id}`);

    let run: { phase: string; steps: { name: string; phase: string; message?: string }[] } = { phase: 'Running', steps: [] };
    const deadline = Date.now() + 60_000;
    while (run.phase === 'Running' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      const r = await fetch(`${base}${started.links.self}`);
      assert.equal(r.status, 200);
      run = (await r.json()) as typeof run;
    }
    assert.equal(run.phase, 'Succeeded', JSON.stringify(run));
    assert.deepEqual(run.steps.map((s) => [s.name, s.phase]), [['deploy-web', 'Succeeded']]);

    // visibility (what GET /v1/runs reads) is eventually consistent: give it a few seconds
    let listed: [string, string][] = [];
    for (let i = 0; i < 50 && listed[0]?.[1] !== 'Succeeded'; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 100));
      const list = (await (await fetch(`${base}/v1/runs?limit=100`)).json()) as { runs: { id: string; application: string; phase: string }[] };
      listed = list.runs.filter((r) => r.id === started.id).map((r) => [r.application, r.phase]);
    }
    assert.deepEqual(listed, [['hello', 'Succeeded']]);
    const ids = async (q: string) => ((await (await fetch(`${base}/v1/runs?limit=100&${q}`)).json()) as { runs: { id: string }[] }).runs.map((r) => r.id);
    assert.ok((await ids(`application=hello&namespace=${namespace}&phase=Succeeded`)).includes(started.id), 'found by application, namespace and phase');
    assert.ok(!(await ids(`application=hello&phase=Failed`)).includes(started.id), 'not listed under another phase');
    assert.ok(!(await ids('application=other')).includes(started.id), 'not listed under another application');

    const d = await apps.readNamespacedDeployment({ name: 'web', namespace });
    assert.equal(d.status?.conditions?.find((c) => c.type === 'Available')?.status, 'True');
    assert.equal(d.status?.availableReplicas, 2);
  });

  it('answers 400 problem+json naming every invalid field, and starts nothing', async () => {
    const res = await fetch(`${base}/v1/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bad Name', components: [{ name: 'web', type: 'webservice', image: '' }] }),
    });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    const body = (await res.json()) as { code: string; errors: { path: string }[]; hint: string };
    assert.equal(body.code, 'SpecInvalid');
    assert.deepEqual(body.errors.map((e) => e.path), ['$.name', '$.components[0].image']);
    assert.ok(body.hint.length > 0);
  });

  it('answers 404 problem+json for an unknown run and an unknown route', async () => {
    const run = await fetch(`${base}/v1/runs/no-such-run`);
    assert.equal(run.status, 404);
    assert.match(((await run.json()) as { detail: string }).detail, /run "no-such-run" was not found/);
    const route = await fetch(`${base}/v2/nothing`);
    assert.equal(route.status, 404);
    assert.equal(route.headers.get('content-type'), 'application/problem+json');
  });

  it('answers 413 when the body is larger than the limit', async () => {
    const res = await fetch(`${base}/v1/runs`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: `description: ${'x'.repeat(1024 * 1024 + 1)}` });
    assert.equal(res.status, 413);
  });
});
