/** Routes that need no Temporal server, called with `app.request()`. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Client } from '@temporalio/client';
import { createApp } from './app.js';
import { listQuery } from './runs.js';
import { createMetrics } from '../workers/metrics.js';

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

  it('answers schema errors and cross-field problems together as one 400 problem+json, on validate and on runs', async () => {
    const body = [
      'name: shop',
      'components:',
      '  - name: web',
      '    type: webservice',
      '    image: nginx',
      '    port: 70000',
      '  - name: web',
      '    type: job',
      '    image: migrate',
      '    traits:',
      '      storage: [{ type: host-mounted, mountPath: /h, hostPath: /var/log }]',
      'workflow:',
      '  steps: [{ name: go, type: deploy, components: [web, web] }]',
      '',
    ].join('\n');
    for (const path of ['/v1/validate', '/v1/runs']) {
      const res = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body });
      assert.equal(res.status, 400, path);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      const problem = (await res.json()) as { code: string; errors: { path: string; line?: number }[] };
      assert.equal(problem.code, 'SpecInvalid');
      assert.deepEqual(
        problem.errors.map((e) => [e.path, e.line]),
        [
          ['$.components[0].port', 6],
          ['$.components[1].traits.storage[0].type', 11],
          ['$.components[1].name', 7],
          ['$.workflow.steps[0].components[1]', 13],
        ],
        path,
      );
    }
  });

  it('answers 422 naming the size, not 500, when the compiled plan is over Temporal\'s payload limit, before contacting Temporal', async () => {
    const roomy = createApp({ temporal: new Client(), taskQueue: 'unused', uiUrl: 'http://ui', log: { error: () => undefined }, maxBodyBytes: 8 * 1024 * 1024 });
    const configs = Array.from({ length: 30 }, (_, i) => ({ name: `config-${i}`, type: 'config', properties: { data: { blob: 'x'.repeat(100_000) } } }));
    const res = await roomy.request('/v1/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'big', components: configs }) });
    assert.equal(res.status, 422);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.match(((await res.json()) as { detail: string }).detail, /^the compiled plan is 30\d{5} bytes; a run's input may be at most 2093056 bytes/);
  });

  it('answers a YAML syntax error with its line', async () => {
    const res = await app.request('/v1/runs', { method: 'POST', body: 'name: [shop\n' });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { errors: { message: string }[] }).errors[0]?.message ?? '', /^line \d+, column \d+/);
  });
});

describe('auth, validation and every error class without Temporal', () => {
  const tokens = [
    { name: 'viewer', token: 'v'.repeat(24), role: 'viewer' as const, namespaces: ['*'] },
    { name: 'ci', token: 'o'.repeat(24), role: 'operator' as const, namespaces: ['shop', 'staging-*'] },
  ];
  const metrics = createMetrics();
  // an unconnected client: a request that got past auth to Temporal would fail with 500, not 4xx
  const secured = createApp({ temporal: new Client(), taskQueue: 'unused', uiUrl: 'http://ui', log: { error: () => undefined }, tokens, metrics, maxBodyBytes: 4096 });
  const as = (token: string | undefined, init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...(init.headers as Record<string, string>), ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  const spec = (namespace: string) => JSON.stringify({ name: 'shop', namespace, components: [{ name: 'web', type: 'webservice', image: 'web:1', port: 80 }, { name: 'creds', type: 'secret', properties: { stringData: { password: 'hunter2-in-spec' } } }] });
  const problemOf = async (res: Response) => {
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    return (await res.json()) as { status: number; code?: string; detail: string; hint?: string; errors?: { path: string }[] };
  };

  it('401 without a token or with an unknown one, saying how to authenticate', async () => {
    for (const token of [undefined, 'x'.repeat(24)]) {
      const res = await secured.request('/v1/runs', as(token));
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="kubemin"');
      assert.match((await problemOf(res)).hint ?? '', /Authorization: Bearer/);
    }
  });

  it('401 for a run\'s spec without a token, like the run\'s other reads', async () => {
    for (const tail of ['', '/history', '/spec']) assert.equal((await secured.request(`/v1/runs/any${tail}`)).status, 401, tail);
  });

  it('403 for a weaker role, and for a namespace outside the token\'s list, before anything starts', async () => {
    const viewer = await secured.request('/v1/runs', as(tokens[0]?.token, { method: 'POST', body: spec('shop') }));
    assert.equal(viewer.status, 403);
    assert.match((await problemOf(viewer)).detail, /viewer has the role viewer; POST \/v1\/runs needs operator/);
    const elsewhere = await secured.request('/v1/runs', as(tokens[1]?.token, { method: 'POST', body: spec('prod') }));
    assert.equal(elsewhere.status, 403);
    assert.match((await problemOf(elsewhere)).detail, /ci may not deploy to namespace "prod" \(allowed: shop, staging-\*\)/);
    const terminate = await secured.request('/v1/runs/any/terminate', as(tokens[1]?.token, { method: 'POST' }));
    assert.equal(terminate.status, 403, 'terminate needs admin');
  });

  it('400 with the JSON paths of an invalid approval body', async () => {
    const res = await secured.request('/v1/runs/any/approve', as(tokens[1]?.token, { method: 'POST', body: JSON.stringify({ step: '', comment: 7 }) }));
    assert.equal(res.status, 400);
    assert.deepEqual((await problemOf(res)).errors?.map((e) => e.path), ['$.step', '$.comment']);
  });

  it('413 for a body over the limit, 404 problem+json for an unknown route', async () => {
    const big = await secured.request('/v1/validate', as(tokens[0]?.token, { method: 'POST', body: 'x'.repeat(5000) }));
    assert.equal(big.status, 413);
    const missing = await secured.request('/v2/nothing', as(tokens[0]?.token));
    assert.equal(missing.status, 404);
    assert.match((await problemOf(missing)).detail, /no route for GET \/v2\/nothing/);
  });

  it('validates and compiles without touching anything: the plan and manifests, secret values redacted', async () => {
    const res = await secured.request('/v1/validate', as(tokens[0]?.token, { method: 'POST', body: spec('shop') }));
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.ok(!text.includes('hunter2-in-spec'), 'a secret value in the answer');
    const body = JSON.parse(text) as { plan: { steps: { name: string }[] }; manifests: Record<string, { kind: string; stringData?: Record<string, string> }[]> };
    assert.deepEqual(body.plan.steps.map((s) => s.name), ['deploy-creds', 'deploy-web']);
    assert.deepEqual(body.manifests.web?.map((o) => o.kind), ['Deployment', 'Service']);
    assert.deepEqual(body.manifests.creds?.[0]?.stringData, { password: '(redacted)' });
  });

  it('keeps secret values out of the plan it answers: apply-step Secrets, webhook headers and URL tokens', async () => {
    const body = JSON.stringify({
      name: 'shop',
      namespace: 'shop',
      components: [{ name: 'web', type: 'webservice', image: 'web:1', port: 80 }],
      workflow: {
        steps: [
          { name: 'creds', type: 'apply', properties: { manifests: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' }, stringData: { token: 'apply-step-secret' } }] } },
          { name: 'tell', type: 'webhook', dependsOn: ['creds'], properties: { url: 'https://bot:userinfo-token@hooks.example/x?token=query-token-value', headers: { authorization: 'Bearer hook-secret-token' } } },
        ],
      },
    });
    const res = await secured.request('/v1/validate', as(tokens[0]?.token, { method: 'POST', body }));
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.ok(!text.includes('apply-step-secret') && !text.includes('hook-secret-token') && !text.includes('userinfo-token') && !text.includes('query-token-value'), text);
    assert.match(text, /"authorization":"\(redacted\)"/);
  });

  it('serves the registries with JSON Schemas', async () => {
    const get = async (path: string) => (await secured.request(path, as(tokens[0]?.token))).json() as Promise<Record<string, { name: string }[]>>;
    assert.ok((await get('/v1/component-types')).componentTypes?.some((t) => t.name === 'webservice'));
    assert.ok((await get('/v1/traits')).traits?.some((t) => t.name === 'storage'));
    assert.ok((await get('/v1/step-types')).stepTypes?.some((t) => t.name === 'approval'));
  });

  it('describes every route it serves in /openapi.json (3.1), and no route it does not serve', async () => {
    const doc = (await (await secured.request('/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    assert.equal(doc.openapi, '3.1.0');
    const withCodec = createApp({ temporal: new Client(), taskQueue: 'unused', uiUrl: 'http://ui', log: { error: () => undefined }, codec: { encode: async (p) => p, encodeFor: async (_ns, p) => p, decode: async (p) => p } });
    const served = new Set(withCodec.routes.filter((r) => r.method !== 'ALL' && r.method !== 'OPTIONS' && !r.path.endsWith('*')).map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`));
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)));
    assert.deepEqual([...served].filter((r) => !documented.has(r)), [], 'served but not documented');
    assert.deepEqual([...documented].filter((r) => !served.has(r)), [], 'documented but not served');
  });

  it('counts requests by route and status in /metrics', async () => {
    await secured.request('/healthz');
    const text = await (await secured.request('/metrics')).text();
    assert.match(text, /kubemin_api_requests_total\{method="GET",route="\/healthz",status="200"\} [1-9]/);
    assert.match(text, /kubemin_api_requests_total\{method="GET",route="\/v1\/runs",status="401"\} [1-9]/);
  });
});

describe('request bodies on the Node server', () => {
  it('reads a body straight from the connection, and answers 413 for one over the limit whether or not it says its length', async () => {
    const { serve } = await import('@hono/node-server');
    const { request } = await import('node:http');
    const app = createApp({ temporal: new Client(), taskQueue: 'unused', uiUrl: 'http://ui', log: { error: () => undefined }, maxBodyBytes: 4096 });
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as { port: number };
    const post = (chunks: string[], headers: Record<string, string | number> = {}) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/v1/validate', method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        for (const chunk of chunks) req.write(chunk);
        req.end();
      });
    try {
      const ok = JSON.stringify({ name: 'web', namespace: 'shop', components: [{ name: 'web', type: 'webservice', image: 'nginx:1.27', port: 80 }] });
      // a valid spec in two chunks, without Content-Length (chunked)
      const valid = await post([ok.slice(0, 20), ok.slice(20)]);
      assert.equal(valid.status, 200, valid.body);
      const chunked = await post(['{"name":"', 'x'.repeat(3000), 'x'.repeat(3000), '"}']);
      assert.equal(chunked.status, 413);
      assert.equal(JSON.parse(chunked.body).code, 'PayloadTooLarge');
      const declared = await post(['x'.repeat(5000)], { 'content-length': 5000 });
      assert.equal(declared.status, 413);
    } finally {
      server.close();
    }
  });
});

describe('a wrong method on a known path', () => {
  it('answers 405 with Allow, as problem+json', async () => {
    const res = await app.request('/v1/runs/abc/approve', { method: 'GET' });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'POST');
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal((await app.request('/v1/nothing-here')).status, 404);
  });
});
