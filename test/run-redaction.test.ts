/**
 * The run's own secret values are redacted in everything the API answers about it (GET run, its
 * events, its history), wherever they turn up: a failing job's exit message and log tail, a
 * webhook's answer. Viewers get no log tails at all; operators get them redacted.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { LOG_TAIL_HIDDEN } from '../api/run-redaction.js';
import { apiAs } from './support/api-as.js';
import { leakyPlugin } from './support/leaky-plugin.js';
import { LOCAL_WEBHOOKS, uniqueName, useRunEnvironment } from './support/servers.js';

describe('redaction of a run’s secret values in API answers (Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('staging-rr', [leakyPlugin], { webhookEgress: LOCAL_WEBHOOKS });
  const api = apiAs(env);
  let echo: Server;
  let echoBase: string;
  before(async () => {
    // answers 400 with what it was sent: a webhook answer that echoes a secret
    echo = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        res.statusCode = 400;
        res.end(`bad request: ${body}`);
      });
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
    echoBase = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  });
  after(() => echo?.close());

  const specWith = (password: string, step: Record<string, unknown>) => ({
    name: 'leaks',
    namespace: env.scratch.next(),
    components: [{ name: 'db', type: 'secret', properties: { stringData: { password } } }],
    workflow: { steps: [step] },
  });

  it('a secret echoed by a failing job’s exit message and log tail: redacted for operators, log tails hidden from viewers', async () => {
    const password = uniqueName('pw-job-secret');
    const id = await api.runToEnd(specWith(password, { name: 'migrate', type: 'leaky', properties: { echo: password } }));
    const operator = await api.answers('operator', id);
    for (const [what, answer] of Object.entries(operator)) {
      assert.ok(!answer.includes(password), `${what} carries no secret: ${answer.slice(0, 400)}`);
    }
    const run = JSON.parse(operator.run) as { phase: string; steps: { message?: string; logs?: { tail: string }[]; events?: string[] }[] };
    assert.equal(run.phase, 'Failed');
    assert.match(run.steps[0]?.message ?? '', /login as app\/\[redacted\] refused/);
    assert.match(run.steps[0]?.logs?.[0]?.tail ?? '', /connecting with password \[redacted\]/);
    assert.deepEqual(run.steps[0]?.events, ['Warning BackOff: [redacted]']);
    assert.match(operator.history, /\[redacted\]/);
    assert.match(operator.events, /\[redacted\]/);

    const viewer = await api.answers('viewer', id);
    for (const [what, answer] of Object.entries(viewer)) assert.ok(!answer.includes(password), `${what} carries no secret for a viewer`);
    const seen = JSON.parse(viewer.run) as typeof run;
    assert.equal(seen.steps[0]?.logs?.[0]?.tail, LOG_TAIL_HIDDEN);
  });

  it('a secret echoed by a webhook’s answer is redacted in GET run, events and history', async () => {
    const password = uniqueName('pw-hook-secret');
    const id = await api.runToEnd(specWith(password, { name: 'tell', type: 'webhook', properties: { url: `${echoBase}/hook`, body: { password } } }));
    const { run, events, history } = await api.answers('operator', id);
    for (const [what, answer] of Object.entries({ run, events, history })) assert.ok(!answer.includes(password), `${what} carries no secret: ${answer.slice(0, 400)}`);
    const status = JSON.parse(run) as { steps: { reason?: string; message?: string }[] };
    assert.equal(status.steps[0]?.reason, 'WebhookRejected');
    assert.match(status.steps[0]?.message ?? '', /answered 400: bad request: \{"password":"\[redacted\]"\}/);
  });
});
