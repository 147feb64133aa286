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
import { failingJobSpec } from './support/failing-spec.js';
import { kubeApis, testLog, useRunEnvironment } from './support/servers.js';

describe('API end to end (HTTP + Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('e2e');
  const { scratch } = env;
  let server: ServerType;
  let base: string;
  const { apps } = kubeApis();

  before(async () => {
    const app = createApp({ temporal: env.client, taskQueue: env.worker.taskQueue, uiUrl: 'http://127.0.0.1:8233', log: testLog, eventsPollMs: 100 });
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

  /** Reads an SSE stream until `stop` says so or it ends; returns the events with their ids. */
  async function readEvents(url: string, headers: Record<string, string>, stop: (e: { id?: string; event: string; data: string }[]) => boolean) {
    const controller = new AbortController();
    const res = await fetch(url, { headers, signal: controller.signal });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    const events: { id?: string; event: string; data: string }[] = [];
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = res.body!.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1).trim();
        if (field('data') !== undefined) events.push({ ...(field('id') ? { id: field('id') } : {}), event: field('event') ?? 'message', data: field('data') as string });
      }
      if (stop(events)) {
        // a client that goes away mid-stream: drop the connection, as a browser does
        await reader.cancel();
        controller.abort();
        break;
      }
    }
    return events;
  }

  it('follows the seed scenario over SSE to its end, across a reconnect with Last-Event-ID, then reads its history and finds it by application', async () => {
    const namespace = scratch.next();
    const spec = parse(await readFile(new URL('../examples/seed-scenario.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
    const res = await fetch(`${base}/v1/runs`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: stringify({ ...spec, namespace }) });
    assert.equal(res.status, 202);
    const { id, links } = (await res.json()) as { id: string; links: { events: string; history: string } };

    // first connection: leave after three events; the second picks up after the last id seen
    const first = await readEvents(`${base}${links.events}`, {}, (e) => e.filter((x) => x.id).length >= 3);
    const lastId = first.filter((e) => e.id).at(-1)?.id as string;
    const second = await readEvents(`${base}${links.events}`, { 'last-event-id': lastId }, () => false);
    const ids = [...first, ...second].flatMap((e) => (e.id ? [Number(e.id)] : []));
    assert.deepEqual(ids, Array.from({ length: ids.length }, (_, i) => i + 1), 'every event once, in order, across the reconnect');
    const final = JSON.parse(second.at(-1)?.data ?? '{}') as { phase: string; final?: boolean };
    assert.deepEqual([final.phase, final.final], ['Succeeded', true]);
    const stepsSucceeded = [...first, ...second].filter((e) => e.event === 'step' && (JSON.parse(e.data) as { phase: string }).phase === 'Succeeded').map((e) => (JSON.parse(e.data) as { step: string }).step);
    assert.deepEqual(stepsSucceeded.slice(0, 2), ['deploy-redis', 'deploy-migrate']);
    assert.equal(stepsSucceeded.at(-1), 'deploy-entry');

    const history = (await (await fetch(`${base}${links.history}`)).json()) as { phase: string; steps: { step: string; attempts: number; activities: { activity: string; outcome: string }[] }[]; links: { temporalUi: string } };
    assert.equal(history.phase, 'Succeeded');
    const migrate = history.steps.find((s) => s.step === 'deploy-migrate');
    assert.deepEqual(migrate?.activities.map((a) => [a.activity, a.outcome]), [['applyManifests', 'Completed'], ['waitForRollout', 'Completed']]);
    assert.match(history.links.temporalUi, new RegExp(`/workflows/${id}$`));

    let found: string[] = [];
    for (let i = 0; i < 50 && !found.includes(id); i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 100));
      found = ((await (await fetch(`${base}/v1/runs?application=seed-shop&namespace=${namespace}`)).json()) as { runs: { id: string }[] }).runs.map((r) => r.id);
    }
    assert.ok(found.includes(id), 'found through GET /v1/runs?application=');
  });

  it('approves over HTTP (422 for a step the run lacks, 409 once decided or ended); an Idempotency-Key returns the same run, 409 for another spec', async () => {
    const namespace = scratch.next();
    const spec = { name: 'gate', namespace, components: [{ name: 'web', type: 'webservice', image: 'web:1', port: 80 }], workflow: { steps: [{ name: 'release', type: 'approval' }, { name: 'ship', type: 'deploy', components: ['web'] }] } };
    const post = (body: object, key: string) => fetch(`${base}/v1/runs`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(body) });
    const key = `k-${namespace}`;
    const a = (await (await post(spec, key)).json()) as { id: string };
    const again = await post(spec, key);
    assert.equal(again.status, 202);
    assert.equal(((await again.json()) as { id: string }).id, a.id, 'the same key started nothing new');
    const changed = await post({ ...spec, components: [{ name: 'web', type: 'webservice', image: 'web:2', port: 80 }] }, key);
    assert.equal(changed.status, 409);

    const act = (path: string, body?: object) => fetch(`${base}/v1/runs/${a.id}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    for (let i = 0; i < 100; i++) {
      const run = (await (await fetch(`${base}/v1/runs/${a.id}`)).json()) as { steps: { awaitingApproval?: boolean }[] };
      if (run.steps[0]?.awaitingApproval) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const unknown = await act('approve', { step: 'nope' });
    assert.equal(unknown.status, 422);
    const ok = await act('approve', { step: 'release', by: 'alice', comment: 'go' });
    assert.equal(ok.status, 200);
    assert.deepEqual(((await ok.json()) as { step: { decision: object } }).step.decision, { step: 'release', approved: true, by: 'alice', comment: 'go' });
    const twice = await act('approve', { step: 'release', by: 'bob' });
    assert.equal(twice.status, 409);
    await env.client.workflow.getHandle(a.id).result();
    const cancelEnded = await act('cancel');
    assert.equal(cancelEnded.status, 409);
    assert.match(((await cancelEnded.json()) as { detail: string }).detail, /has ended \(COMPLETED\)/);
    const retryOk = await act('retry');
    assert.equal(retryOk.status, 409, 'only a failed run can be retried');
  });

  it('retries a failed run from its failed step over HTTP, and terminates a waiting run', async () => {
    const namespace = scratch.next();
    const failing = failingJobSpec(namespace);
    const started = (await (await fetch(`${base}/v1/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(failing) })).json()) as { id: string };
    await env.client.workflow.getHandle(started.id).result().catch(() => undefined);
    const retried = await fetch(`${base}/v1/runs/${started.id}/retry`, { method: 'POST' });
    assert.equal(retried.status, 202);
    const retry = (await retried.json()) as { id: string; retryOf: string; skipped: string[] };
    assert.deepEqual([retry.retryOf, retry.skipped], [started.id, ['ship']]);
    await env.client.workflow.getHandle(retry.id).result().catch(() => undefined);
    const second = (await (await fetch(`${base}/v1/runs/${retry.id}`)).json()) as { steps: { name: string; phase: string; message?: string }[] };
    assert.match(second.steps[0]?.message ?? '', new RegExp(`succeeded in run ${started.id}; not run again`));
    assert.equal(second.steps[1]?.phase, 'Failed', 'the failed step ran again');

    const waiting = { name: 'held', namespace, components: [{ name: 'web', type: 'webservice', image: 'web:1', port: 80 }], workflow: { steps: [{ name: 'release', type: 'approval' }, { name: 'ship', type: 'deploy', components: ['web'] }] } };
    const held = (await (await fetch(`${base}/v1/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(waiting) })).json()) as { id: string };
    const terminated = await fetch(`${base}/v1/runs/${held.id}/terminate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'test' }) });
    assert.equal(terminated.status, 200);
    assert.equal((await env.client.workflow.getHandle(held.id).describe()).status.name, 'TERMINATED');
    const after = (await (await fetch(`${base}/v1/runs/${held.id}`)).json()) as { phase: string; temporalStatus: string };
    assert.deepEqual([after.phase, after.temporalStatus], ['Failed', 'TERMINATED']);
  });

  it('is ready when Temporal answers and a worker polls; 503 naming the missing worker otherwise', async () => {
    const ready = await fetch(`${base}/readyz`);
    assert.equal(ready.status, 200);
    const lonely = createApp({ temporal: env.client, taskQueue: 'nobody-polls-this', uiUrl: 'http://ui', log: testLog });
    const notReady = await lonely.request('/readyz');
    assert.equal(notReady.status, 503);
    const body = (await notReady.json()) as { checks: { temporal: { ok: boolean }; worker: { ok: boolean; detail: string } } };
    assert.equal(body.checks.temporal.ok, true);
    assert.match(body.checks.worker.detail, /no worker polls task queue nobody-polls-this/);
  });
});
