/**
 * The built-in step types on the real servers: approval through the update, webhook against a
 * local HTTP server, gpu-check against the simulated GPU nodes, apply and delete of raw
 * manifests, and `if: failed` / `if: always` steps.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { WorkflowFailedError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { compile, validateApplication } from '../src/index.js';
import { approveUpdate, RUN_WORKFLOW_TYPE, SEARCH_ATTRIBUTES, statusQuery, type RunStatus, type StepStatus } from '../workflows/contract.js';
import { kubeApis, LOCAL_WEBHOOKS, uniqueName, useRunEnvironment } from './support/servers.js';

describe('built-in step types (Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('st', [], { webhookEgress: LOCAL_WEBHOOKS });
  const { core } = kubeApis();
  const calls: { path: string; body: string }[] = [];
  let hooks: Server;
  let hookBase: string;

  before(async () => {
    hooks = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        calls.push({ path: req.url ?? '', body });
        // /flaky refuses its first call only: a failure that a retry of the run gets past
        const refuse = req.url === '/missing' || (req.url === '/flaky' && calls.filter((c) => c.path === '/flaky').length === 1);
        res.statusCode = refuse ? 404 : 200;
        res.end(refuse ? 'no such hook' : 'ok');
      });
    });
    await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', r));
    hookBase = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}`;
  });
  after(() => {
    hooks?.close();
  });

  const start = (spec: Record<string, unknown>): Promise<WorkflowHandle> => {
    const plan = compile(validateApplication({ name: 'steps', namespace: env.scratch.next(), ...spec }));
    return env.client.workflow.start(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue: env.worker.taskQueue, workflowId: uniqueName('st-run') });
  };

  async function stepWhen(handle: WorkflowHandle, name: string, ok: (s: StepStatus) => boolean): Promise<StepStatus> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const step = (await handle.query(statusQuery)).steps.find((s) => s.name === name) as StepStatus;
      if (ok(step)) return step;
      if (Date.now() > deadline) assert.fail(`step ${name} stayed ${JSON.stringify(step)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const web = { name: 'web', type: 'webservice', image: 'web:1', port: 80 };

  it('waits at an approval until approved through the update, which names who and why', async () => {
    const handle = await start({
      components: [web],
      workflow: { steps: [{ name: 'release', type: 'approval', properties: { message: 'ship web?' } }, { name: 'ship', type: 'deploy', components: ['web'] }] },
    });
    const waiting = await stepWhen(handle, 'release', (s) => s.awaitingApproval === true);
    assert.match(waiting.message ?? '', /ship web\?/);
    assert.equal((await handle.query(statusQuery)).steps[1]?.phase, 'Pending');

    await assert.rejects(handle.executeUpdate(approveUpdate, { args: [{ step: 'ship', approved: true, by: 'mallory' }] }), (e: unknown) => e instanceof WorkflowUpdateFailedError && /not waiting for approval/.test(String(e.cause?.message)));
    const decided = await handle.executeUpdate(approveUpdate, { args: [{ step: 'release', approved: true, by: 'alice', comment: 'change 42 reviewed' }] });
    assert.deepEqual(decided.decision, { step: 'release', approved: true, by: 'alice', comment: 'change 42 reviewed' });

    const result = (await handle.result()) as RunStatus;
    assert.equal(result.phase, 'Succeeded');
    assert.match(result.steps[0]?.message ?? '', /approved by alice: change 42 reviewed/);
    await assert.rejects(handle.executeUpdate(approveUpdate, { args: [{ step: 'release', approved: true, by: 'bob' }] }));
  });

  it('a rejection fails the run, skips what follows, and runs the steps for failure and always', async () => {
    const handle = await start({
      components: [web],
      workflow: {
        steps: [
          { name: 'release', type: 'approval' },
          { name: 'ship', type: 'deploy', components: ['web'] },
          { name: 'on-failure', type: 'webhook', if: 'failed', dependsOn: ['ship'], properties: { url: `${hookBase}/failed`, body: { run: 'rejected' } } },
          { name: 'always', type: 'webhook', if: 'always', dependsOn: ['on-failure'], properties: { url: `${hookBase}/always`, method: 'GET' } },
        ],
      },
    });
    await stepWhen(handle, 'release', (s) => s.awaitingApproval === true);
    await handle.executeUpdate(approveUpdate, { args: [{ step: 'release', approved: false, by: 'bob', comment: 'not today' }] });
    await assert.rejects(handle.result(), WorkflowFailedError);
    const status = await handle.query(statusQuery);
    assert.deepEqual(status.steps.map((s) => [s.name, s.phase]), [['release', 'Failed'], ['ship', 'Skipped'], ['on-failure', 'Succeeded'], ['always', 'Succeeded']]);
    assert.equal(status.steps[0]?.reason, 'ApprovalRejected');
    assert.match(status.steps[0]?.message ?? '', /rejected by bob: not today/);
    assert.deepEqual(calls.filter((c) => c.path === '/failed').map((c) => JSON.parse(c.body)), [{ run: 'rejected' }]);
    assert.equal(calls.filter((c) => c.path === '/always').length, 1);
  });

  it('a cancelled run ends Cancelled, its waiting step too, and says so to visibility', async () => {
    const handle = await start({ components: [web], workflow: { steps: [{ name: 'release', type: 'approval' }, { name: 'ship', type: 'deploy', components: ['web'] }] } });
    await stepWhen(handle, 'release', (s) => s.awaitingApproval === true);
    await handle.cancel();
    await assert.rejects(handle.result(), (e: unknown) => e instanceof WorkflowFailedError && e.cause?.name === 'CancelledFailure');
    const status = await handle.query(statusQuery);
    assert.equal(status.phase, 'Cancelled');
    assert.deepEqual(status.steps.map((s) => [s.name, s.phase]), [['release', 'Cancelled'], ['ship', 'Cancelled']]);
    assert.equal((await handle.describe()).status.name, 'CANCELLED');
    const sa = (await handle.describe()).typedSearchAttributes.get(SEARCH_ATTRIBUTES.phase);
    assert.equal(sa, 'Cancelled');
  });

  it('a webhook answered 404 fails its step at once, without retries', async () => {
    const handle = await start({ components: [web], workflow: { steps: [{ name: 'tell', type: 'webhook', properties: { url: `${hookBase}/missing` } }] } });
    await assert.rejects(handle.result(), WorkflowFailedError);
    const [tell] = (await handle.query(statusQuery)).steps;
    assert.equal(tell?.reason, 'WebhookRejected');
    assert.match(tell?.message ?? '', /answered 404: no such hook/);
    assert.equal(calls.filter((c) => c.path === '/missing').length, 1);
  });

  it('a retried run resumes at the failed step: what succeeded is not done again', async () => {
    const spec = { components: [web], workflow: { steps: [{ name: 'ship', type: 'deploy', components: ['web'] }, { name: 'tell', type: 'webhook', dependsOn: ['ship'], properties: { url: `${hookBase}/flaky` } }] } };
    const first = await start(spec);
    await assert.rejects(first.result(), WorkflowFailedError);
    const failed = await first.query(statusQuery);
    assert.deepEqual(failed.steps.map((s) => [s.name, s.phase]), [['ship', 'Succeeded'], ['tell', 'Failed']]);

    const plan = (await first.fetchHistory()).events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    assert.ok(plan);
    const resumed = { ...(defaultPayloadConverter.fromPayload(plan) as object), resume: { run: first.workflowId, succeeded: ['ship'] } };
    const second = await env.client.workflow.start(RUN_WORKFLOW_TYPE, { args: [resumed], taskQueue: env.worker.taskQueue, workflowId: uniqueName('st-retry') });
    const done = (await second.result()) as RunStatus;
    assert.equal(done.phase, 'Succeeded');
    assert.match(done.steps[0]?.message ?? '', new RegExp(`succeeded in run ${first.workflowId}; not run again`));
    const activities = (await second.fetchHistory()).events?.flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
    assert.ok(!activities?.includes('applyManifests'), `the retry applied again: ${activities?.join()}`);
    assert.equal(calls.filter((c) => c.path === '/flaky').length, 2);
  });

  it('gpu-check passes when the GPUs fit and fails with InsufficientGpu naming need and free per node', async () => {
    const fits = await start({ components: [web], workflow: { steps: [{ name: 'gpus', type: 'gpu-check', properties: { gpusPerPod: 2, pods: 2 } }] } });
    const ok = (await fits.result()) as RunStatus;
    assert.match(ok.steps[0]?.message ?? '', /^fits: need 2 pod\(s\) x 2 nvidia.com\/gpu; free per node: kwok-gpu-0=\d, kwok-gpu-1=\d$/);

    const tooBig = await start({ components: [web], workflow: { steps: [{ name: 'gpus', type: 'gpu-check', properties: { gpusPerPod: 8 } }] } });
    await assert.rejects(tooBig.result(), WorkflowFailedError);
    const [gpus] = (await tooBig.query(statusQuery)).steps;
    assert.equal(gpus?.reason, 'InsufficientGpu');
    assert.match(gpus?.message ?? '', /^InsufficientGpu: need 1 pod\(s\) x 8 nvidia.com\/gpu; free per node: kwok-gpu-0=\d, kwok-gpu-1=\d$/);
  });

  it('gpu-check with `wait` keeps checking until its deadline, then fails with the same reason', async () => {
    const t0 = Date.now();
    const handle = await start({ components: [web], workflow: { steps: [{ name: 'gpus', type: 'gpu-check', properties: { gpusPerPod: 8, wait: '6s' } }] } });
    await assert.rejects(handle.result(), WorkflowFailedError);
    assert.ok(Date.now() - t0 >= 5_000, 'it waited');
    const [gpus] = (await handle.query(statusQuery)).steps;
    assert.equal(gpus?.reason, 'InsufficientGpu');
    assert.match(gpus?.message ?? '', /InsufficientGpu: need 1 pod\(s\) x 8 .*\(waited 6s\)/);
  });

  it('applies raw manifests labelled as the application\'s, and a delete step removes them', async () => {
    const handle = await start({
      components: [web],
      workflow: {
        steps: [
          { name: 'settings', type: 'apply', properties: { manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'flags' }, data: { beta: 'on' } }] } },
          { name: 'check', type: 'approval' },
          { name: 'tidy', type: 'delete', properties: { objects: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'flags' }] } },
        ],
      },
    });
    await stepWhen(handle, 'check', (s) => s.awaitingApproval === true);
    const ns = (await handle.query(statusQuery)).namespace;
    const cm = await core.readNamespacedConfigMap({ name: 'flags', namespace: ns });
    assert.deepEqual(cm.data, { beta: 'on' });
    assert.equal(cm.metadata?.labels?.['kubemin.io/app'], 'steps');
    assert.equal(cm.metadata?.labels?.['kubemin.io/step'], 'settings');
    await handle.executeUpdate(approveUpdate, { args: [{ step: 'check', approved: true, by: 'ci' }] });
    assert.equal(((await handle.result()) as RunStatus).phase, 'Succeeded');
    await assert.rejects(core.readNamespacedConfigMap({ name: 'flags', namespace: ns }), /404|not found/i);
  });

  it('refuses cluster-scoped kinds in apply and delete steps: they would leave the application\'s namespace', async () => {
    const apply = await start({ components: [web], workflow: { steps: [{ name: 'escape', type: 'apply', properties: { manifests: [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'kubemin-test-escape' }, rules: [] }] } }] } });
    await assert.rejects(apply.result(), WorkflowFailedError);
    const [escape] = (await apply.query(statusQuery)).steps;
    assert.equal(escape?.reason, 'ClusterScopedDenied');
    assert.match(escape?.message ?? '', /ClusterRole \(rbac.authorization.k8s.io\/v1\) is cluster-scoped/);
    const remove = await start({ components: [web], workflow: { steps: [{ name: 'wipe', type: 'delete', properties: { objects: [{ apiVersion: 'v1', kind: 'Namespace', name: 'default' }] } }] } });
    await assert.rejects(remove.result(), WorkflowFailedError);
    assert.equal((await remove.query(statusQuery)).steps[0]?.reason, 'ClusterScopedDenied');
    assert.ok(await core.readNamespace({ name: 'default' }), 'the namespace is still there');
  });
});
