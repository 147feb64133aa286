/** Routes that need no Temporal server, called with `app.request()`. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Client } from '@temporalio/client';
import { createApp } from './app.js';
import { listQuery } from './runs.js';

// a Client connects lazily: these routes never reach Temporal
const app = createApp({ temporal: new Client(), taskQueue: 'unused', uiUrl: 'http://ui', log: { error: () => undefined } });

describe('listQuery', () => {
  it('filters runs by KubeMin\'s search attributes, quoting what users type', () => {
    assert.equal(listQuery({}), "WorkflowType = 'runApplication'");
    assert.equal(listQuery({ application: 'shop', phase: 'Failed', other: 'x' }), "WorkflowType = 'runApplication' AND KubeMinApplication = 'shop' AND KubeMinPhase = 'Failed'");
    assert.equal(listQuery({ namespace: "a' OR '1'='1" }), "WorkflowType = 'runApplication' AND KubeMinNamespace = 'a\\' OR \\'1\\'=\\'1'");
  });
});

describe('API routes without Temporal', () => {
  it('serves the application JSON Schema', async () => {
    const res = await app.request('/v1/schema');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/schema+json');
    const schema = (await res.json()) as { title: string; properties: Record<string, unknown> };
    assert.equal(schema.title, 'KubeMin application');
    assert.ok('components' in schema.properties);
  });

  it('rejects an invalid spec with every error before contacting Temporal', async () => {
    const res = await app.request('/v1/runs', {
      method: 'POST',
      headers: { 'content-type': 'application/yaml' },
      body: 'name: shop\ncomponents:\n  - name: api\n    type: worker\n    traits:\n      storage: [{ type: persistent, mountPath: /data, size: "20" }]\n',
    });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { errors: { path: string; message: string; line?: number }[] };
    assert.deepEqual(
      body.errors.map((e) => [e.path, e.line]),
      [
        ['$.components[0].image', 3], // missing: the line of the component that lacks it
        ['$.components[0].traits.storage[0].size', 6],
      ],
    );
  });

  it('answers a YAML syntax error with its line', async () => {
    const res = await app.request('/v1/runs', { method: 'POST', body: 'name: [shop\n' });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { errors: { message: string }[] }).errors[0]?.message ?? '', /^line \d+, column \d+/);
  });
});
