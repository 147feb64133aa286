/**
 * GET /v1/runs/{id}/spec: the spec a run was started with, its secret values redacted as in every
 * other answer about the run; 404 for an unknown run; a token scoped to other namespaces is
 * refused like for the run's other reads.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { compile, validateApplication } from '../src/index.js';
import { REDACTED } from '../src/redact.js';
import { apiAs } from './support/api-as.js';
import { namespaces, uniqueName, useRunEnvironment } from './support/servers.js';

describe('GET /v1/runs/{id}/spec (Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('staging-spec');
  const elsewhere = namespaces('other-spec');
  after(() => elsewhere.cleanup());
  const api = apiAs(env);

  const specWith = (namespace: string, password: string) => ({
    name: 'exported',
    namespace,
    components: [
      { name: 'db', type: 'secret', properties: { stringData: { password } } },
      { name: 'settings', type: 'config', properties: { data: { mode: 'export-test' } } },
    ],
  });

  it('answers the spec the run was started with, its secret values replaced by [redacted]', async () => {
    const password = uniqueName('pw-export-secret');
    const spec = specWith(env.scratch.next(), password);
    const id = await api.runToEnd(spec);
    for (const role of ['viewer', 'operator'] as const) {
      const res = await api.call(role, `/v1/runs/${id}/spec`);
      assert.equal(res.status, 200, role);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      const text = await res.text();
      assert.ok(!text.includes(password), `a secret value in the answer: ${text}`);
      // the validated spec the plan carries, but for the secret
      const started = compile(validateApplication(spec)).spec;
      assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(started).split(password).join(REDACTED)), role);
    }
  });

  it('answers 404 problem+json for an unknown run', async () => {
    const res = await api.call('viewer', `/v1/runs/${uniqueName('no-such-run')}/spec`);
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.match(((await res.json()) as { detail: string }).detail, /^run "no-such-run-\w+" was not found/);
  });

  it('refuses a token scoped to staging-* the spec of a run in another namespace (403, as GET run), and lets an admin read it', async () => {
    const namespace = elsewhere.next();
    const started = await api.call('admin', '/v1/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(specWith(namespace, uniqueName('pw-other'))) });
    assert.equal(started.status, 202, await started.clone().text());
    const { id } = (await started.json()) as { id: string };
    await env.client.workflow.getHandle(id).result().catch(() => undefined);
    for (const role of ['viewer', 'operator'] as const) {
      const spec = await api.call(role, `/v1/runs/${id}/spec`);
      const run = await api.call(role, `/v1/runs/${id}`);
      assert.equal(run.status, 403, `GET run as ${role}`);
      assert.equal(spec.status, 403, `GET spec as ${role}`);
      assert.match(((await spec.json()) as { detail: string }).detail, new RegExp(`may not deploy to namespace "${namespace}" \\(allowed: staging-\\*\\)`));
    }
    const admin = await api.call('admin', `/v1/runs/${id}/spec`);
    assert.equal(admin.status, 200);
    assert.equal(((await admin.json()) as { namespace: string }).namespace, namespace);
  });
});
