/**
 * Input bombs against the API on a real socket, with the Temporal dev server behind it: YAML
 * whose aliases multiply is refused (413) before it is validated, specs over a documented limit
 * get a 400 naming the field, an invalid alias a 400 with its line (never a 500), and the
 * longest chain a spec may have is validated and compiled.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import type { Connection } from '@temporalio/client';
import { stringify } from 'yaml';
import { createApp } from '../api/app.js';
import { LIMITS } from '../src/model/limits.js';
import { aliasBomb, chainSpec, laughsBomb } from './support/bombs.js';
import { temporalClient, testLog, uniqueName } from './support/servers.js';

interface ProblemBody {
  code?: string;
  errors?: { path: string; message: string; line?: number }[];
}

describe('input bombs through the API (HTTP + Temporal dev server)', () => {
  let server: ServerType;
  let connection: Connection;
  let base: string;

  before(async () => {
    const t = await temporalClient();
    connection = t.connection;
    const app = createApp({ temporal: t.client, taskQueue: uniqueName('tq-bombs'), uiUrl: 'http://127.0.0.1:8233', log: testLog });
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server?.close();
    await connection?.close();
  });

  const post = async (path: string, body: string, type = 'application/yaml') => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as ProblemBody & Record<string, unknown> };
  };

  it('answers a 0.36 MB alias bomb (99 components aliasing one 20,000-key env) 413 SpecTooLarge, and /healthz answers meanwhile', async () => {
    const bomb = aliasBomb(99, 20_000);
    const [res, health] = await Promise.all([post('/v1/runs', bomb), fetch(`${base}/healthz`)]);
    assert.equal(health.status, 200);
    assert.equal(res.status, 413, JSON.stringify(res.body).slice(0, 300));
    assert.equal(res.type, 'application/problem+json');
    assert.equal(res.body.code, 'SpecTooLarge');
    assert.equal(res.body.errors?.[0]?.path, '$');
  });

  it('answers a billion laughs 413 SpecTooLarge on POST /v1/validate', async () => {
    const res = await post('/v1/validate', laughsBomb());
    assert.equal(res.status, 413);
    assert.equal(res.body.code, 'SpecTooLarge');
  });

  it('answers more than a hundred small aliases and an alias of no anchor with their verdicts, never a 500', async () => {
    const many = await post('/v1/validate', aliasBomb(150, 3));
    assert.equal(many.status, 200);
    const undefinedAnchor = await post('/v1/runs', 'name: a\ncomponents:\n  - name: w\n    type: worker\n    image: x\n    env: *nowhere\n');
    assert.equal(undefinedAnchor.status, 400);
    assert.equal(undefinedAnchor.body.code, 'SpecInvalid');
    assert.equal(undefinedAnchor.body.errors?.[0]?.line, 6);
  });

  it('answers 400 naming the field and its line for an env over its limit', async () => {
    const env = Object.fromEntries(Array.from({ length: LIMITS.envEntries + 1 }, (_, i) => [`K${i}`, 'v']));
    const text = stringify({ name: 'big', namespace: 'big', components: [{ name: 'w', type: 'worker', image: 'busybox', env }] });
    const res = await post('/v1/runs', text);
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'SpecInvalid');
    assert.deepEqual(res.body.errors?.map((e) => [e.path, e.line]), [['$.components[0].env', text.split('\n').indexOf('    env:') + 2]]);
    assert.match(res.body.errors?.[0]?.message ?? '', /at most 1,000 environment variables/);
  });

  it('answers 400 naming $.components for more components than the limit', async () => {
    const res = await post('/v1/runs', JSON.stringify(chainSpec(LIMITS.components + 1)), 'application/json');
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.errors?.map((e) => e.path), ['$.components']);
  });

  it('answers 400, not 500, for a webhook body nested 10,000 levels deep (20 KB of JSON)', async () => {
    const nested = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const text = `{"name":"deep","components":[{"name":"w","type":"worker","image":"x"}],"workflow":{"steps":[{"name":"hook","type":"webhook","properties":{"url":"https://example.com","body":${nested}}}]}}`;
    const res = await post('/v1/validate', text, 'application/json');
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'SpecInvalid');
    assert.match(res.body.errors?.[0]?.path ?? '', /^\$\.workflow\.steps\[0\]\.properties\.body/);
  });

  it('accepts a 10,000-component dependency chain on POST /v1/validate: one step per component, in chain order', async () => {
    const res = await post('/v1/validate', JSON.stringify(chainSpec(LIMITS.components)), 'application/json');
    assert.equal(res.status, 200);
    const steps = (res.body.plan as { steps: { name: string; dependsOn: string[] }[] }).steps;
    assert.equal(steps.length, LIMITS.components);
    assert.deepEqual(steps[LIMITS.components - 1], { ...steps[LIMITS.components - 1], name: `deploy-c${LIMITS.components - 1}`, dependsOn: [`deploy-c${LIMITS.components - 2}`] });
  });
});
