/**
 * The webhook step's egress policy on the real servers, as an operator token for `staging-*`
 * would try it through the API: loopback and the link-local metadata address are refused
 * directly, through a redirect from an allowed host and through a DNS name that resolves there,
 * with nothing sent to the target; an allowed destination still works; a token in the URL never
 * appears in what the API answers.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_SERVICE_CIDRS } from '../activities/index.js';
import { statusQuery } from '../workflows/contract.js';
import { apiAs } from './support/api-as.js';
import { useRunEnvironment } from './support/servers.js';

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port };
}

describe('webhook egress policy (Temporal dev server + local cluster)', () => {
  /** What the denied target received: must stay empty. */
  const targetHits: string[] = [];
  const okHits: { url: string; headers: IncomingHttpHeaders }[] = [];
  const servers: Server[] = [];
  let target = 0;
  let redirector = 0;
  let ok = 0;
  // filled in before the worker starts: it allows the redirector and the ok server by host:port, never the target
  const egress = { allow: [] as string[], serviceCidrs: DEFAULT_SERVICE_CIDRS };

  before(async () => {
    const t = await listen((req, res) => {
      targetHits.push(req.url ?? '');
      res.end('you reached the target');
    });
    const o = await listen((req, res) => {
      okHits.push({ url: req.url ?? '', headers: req.headers });
      req.resume();
      res.end('fine');
    });
    const r = await listen((req, res) => {
      const to: Record<string, string> = { '/to-target': `http://127.0.0.1:${t.port}/stolen`, '/to-metadata': 'http://169.254.169.254/latest/meta-data/', '/to-localhost': `http://localhost:${t.port}/x`, '/to-ok': `http://127.0.0.1:${o.port}/landed`, '/to-file': 'file:///etc/passwd' };
      res.statusCode = 302;
      res.setHeader('location', to[req.url ?? ''] ?? '/');
      res.end();
    });
    servers.push(t.server, o.server, r.server);
    [target, ok, redirector] = [t.port, o.port, r.port];
    egress.allow.push(`127.0.0.1:${redirector}`, `127.0.0.1:${ok}`);
  });
  after(() => servers.forEach((s) => s.close()));

  const env = useRunEnvironment('staging-we', [], { webhookEgress: egress });
  const api = apiAs(env);
  const hookSpec = (url: string, extra: Record<string, unknown> = {}) => ({
    name: 'hooks',
    namespace: env.scratch.next(),
    components: [{ name: 'cfg', type: 'config', properties: { data: { k: 'v' } } }],
    workflow: { steps: [{ name: 'tell', type: 'webhook', properties: { url, ...extra } }] },
  });

  const denied: [string, () => string][] = [
    ['127.0.0.1 directly', () => `http://127.0.0.1:${target}/hook?token=query-token-direct`],
    ['169.254.169.254 directly', () => 'http://169.254.169.254/latest/meta-data/iam'],
    ['127.0.0.1 through a redirect from an allowed host', () => `http://127.0.0.1:${redirector}/to-target`],
    ['169.254.169.254 through a redirect from an allowed host', () => `http://127.0.0.1:${redirector}/to-metadata`],
    ['a DNS name that resolves to loopback (localhost)', () => `http://localhost:${target}/hook`],
    ['a DNS name that resolves to loopback, through a redirect', () => `http://127.0.0.1:${redirector}/to-localhost`],
    ['a non-http scheme through a redirect', () => `http://127.0.0.1:${redirector}/to-file`],
  ];
  for (const [what, url] of denied) {
    it(`an operator for staging-* cannot reach ${what}: Failed with WebhookDestinationDenied, nothing sent`, async () => {
      const id = await api.runToEnd(hookSpec(url()));
      const status = await env.client.workflow.getHandle(id).query(statusQuery);
      assert.equal(status.phase, 'Failed');
      const step = status.steps.find((s) => s.name === 'tell');
      assert.equal(step?.reason, 'WebhookDestinationDenied', JSON.stringify(step));
      assert.equal(step?.attempts, 1, 'not retried');
      // says what to do: allow the address, or (for another scheme) that only http(s) is followed
      assert.match(step?.message ?? '', /KUBEMIN_WEBHOOK_ALLOW|only http and https/);
      assert.deepEqual(targetHits, [], 'the target received nothing');
      const { run, events, history } = await api.answers('operator', id);
      for (const answer of [run, events, history]) {
        assert.ok(!answer.includes('query-token-direct') && !answer.includes('/latest/meta-data') && !answer.includes('/stolen'), `no path or query in ${answer.slice(0, 300)}`);
      }
    });
  }

  it('an allowed destination still works, directly and through a redirect; Host is the URL’s', async () => {
    const direct = await api.runToEnd(hookSpec(`http://127.0.0.1:${ok}/fine`, { method: 'GET' }));
    assert.equal((await env.client.workflow.getHandle(direct).query(statusQuery)).phase, 'Succeeded');
    const redirected = await api.runToEnd(hookSpec(`http://127.0.0.1:${redirector}/to-ok`));
    assert.equal((await env.client.workflow.getHandle(redirected).query(statusQuery)).phase, 'Succeeded');
    assert.deepEqual(okHits.map((h) => [h.url, h.headers.host]), [['/fine', `127.0.0.1:${ok}`], ['/landed', `127.0.0.1:${ok}`]]);
  });

  it('a token in the URL (userinfo, path, query) never appears in any API answer', async () => {
    okHits.length = 0;
    const id = await api.runToEnd(hookSpec(`http://bot:userinfo-secret@127.0.0.1:${ok}/hooks/path-token-123456?token=query-token-abcdef`, { method: 'GET' }));
    assert.equal(okHits.length, 1, 'the call was made');
    for (const role of ['viewer', 'operator'] as const) {
      const { run, events, history } = await api.answers(role, id);
      assert.match(run, new RegExp(`GET http://127.0.0.1:${ok} answered 200`));
      for (const answer of [run, events, history]) {
        for (const secret of ['userinfo-secret', 'path-token-123456', 'query-token-abcdef']) assert.ok(!answer.includes(secret), `${secret} is not in ${answer.slice(0, 300)}`);
      }
    }
  });

  it('refuses non-http URLs and hop-by-hop or proxy headers with a 400 naming the field', async () => {
    const bad = [
      [hookSpec('file:///etc/passwd'), '$.workflow.steps[0].properties.url'],
      [hookSpec('http://example.com/', { headers: { Host: 'metadata.google.internal' } }), '$.workflow.steps[0].properties.headers.Host'],
      [hookSpec('http://example.com/', { headers: { 'Transfer-Encoding': 'chunked' } }), '$.workflow.steps[0].properties.headers["Transfer-Encoding"]'],
      [hookSpec('http://example.com/', { headers: { 'Proxy-Authorization': 'Basic eA==' } }), '$.workflow.steps[0].properties.headers["Proxy-Authorization"]'],
    ] as const;
    for (const [spec, path] of bad) {
      const res = await api.call('operator', '/v1/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(spec) });
      assert.equal(res.status, 400);
      const body = (await res.json()) as { errors: { path: string }[] };
      assert.deepEqual(body.errors.map((e) => e.path), [path]);
    }
  });
});
