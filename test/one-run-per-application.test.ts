/**
 * At most one run changes an application (name + namespace) at a time, on the real servers: a
 * second revision queues behind the first and says so, the cluster ends at the newer revision
 * with nothing of it pruned; `replace` cancels the running one; `reject` refuses (409 over HTTP);
 * the queue survives a worker restart; another application is never held up.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowHandle } from '@temporalio/client';
import { createApp } from '../api/app.js';
import { compile, validateApplication } from '../src/index.js';
import { coordinatorId, coordinatorQuery, eventsQuery, RUN_WORKFLOW_TYPE, statusQuery, type RunStatus } from '../workflows/contract.js';
import { kubeApis, startTestWorker, testLog, uniqueName, useRunEnvironment } from './support/servers.js';

describe('one run per application (Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('one');
  const { apps } = kubeApis();

  /** Revision 1: web:1, whose pod takes a few seconds to start, so revision 2 arrives while it runs. */
  const rev1 = (namespace: string, extra: Record<string, unknown> = {}) => ({
    name: 'shop',
    namespace,
    components: [{ name: 'web', type: 'webservice', image: 'web:1', port: 80, annotations: { 'kubemin.io/kwok-ready-after': '4s' } }],
    ...extra,
  });
  const rev2 = (namespace: string, extra: Record<string, unknown> = {}) => ({
    name: 'shop',
    namespace,
    components: [
      { name: 'web', type: 'webservice', image: 'web:2', port: 80 },
      { name: 'extra', type: 'worker', image: 'extra:1' },
    ],
    ...extra,
  });

  const start = (spec: Record<string, unknown>, taskQueue = env.worker.taskQueue): Promise<WorkflowHandle> =>
    env.client.workflow.start(RUN_WORKFLOW_TYPE, { args: [compile(validateApplication(spec))], taskQueue, workflowId: uniqueName('one-run') });

  const outcome = async (h: WorkflowHandle): Promise<RunStatus> => {
    await h.result().catch(() => undefined);
    return h.query(statusQuery);
  };

  /** Waits until the application's coordinator has admitted this run. */
  const holding = async (namespace: string, run: string): Promise<void> => {
    const coordinator = env.client.workflow.getHandle(coordinatorId('shop', namespace));
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      if ((await coordinator.query(coordinatorQuery).catch(() => undefined))?.holder === run) return;
    }
    assert.fail(`run ${run} was never admitted`);
  };

  const image = async (name: string, namespace: string) => (await apps.readNamespacedDeployment({ name, namespace })).spec?.template.spec?.containers[0]?.image;

  it('queues revision 2 behind revision 1; the cluster ends at revision 2 with nothing of it pruned', async () => {
    const namespace = env.scratch.next();
    const first = await start(rev1(namespace));
    const second = await start(rev2(namespace));
    const [one, two] = await Promise.all([outcome(first), outcome(second)]);
    assert.equal(two.phase, 'Succeeded');
    assert.equal(await image('web', namespace), 'web:2');
    assert.equal(await image('extra', namespace), 'extra:1', 'revision 1 must not prune what revision 2 added');
    await ranInOrder(first, one, second, two);
  });

  /**
   * Revision 1 ran first and revision 2 waited for it (queued, then deployed after it ended); or,
   * when revision 2's request reached the coordinator first, revision 1 was superseded and did nothing.
   */
  async function ranInOrder(first: WorkflowHandle, one: RunStatus, second: WorkflowHandle, two: RunStatus): Promise<void> {
    if (one.phase !== 'Succeeded') {
      assert.equal(one.phase, 'Failed');
      assert.match(one.message ?? '', new RegExp(`run ${second.workflowId} of this application started after this one`));
      assert.ok(one.steps.every((s) => s.phase === 'Skipped'));
      return;
    }
    const events = await second.query(eventsQuery, 0);
    const queued = events.find((e) => e.phase === 'Queued');
    assert.ok(queued, `revision 2 says it was queued: ${JSON.stringify(events)}`);
    assert.match(queued.message ?? '', new RegExp(`queued behind run ${first.workflowId}`));
    const firstEnded = (await first.describe()).closeTime as Date;
    const deployStarted = Date.parse(two.steps.find((s) => s.name === 'deploy-web')?.startedAt ?? '');
    assert.ok(deployStarted >= firstEnded.getTime() - 1000, 'revision 2 deployed only after revision 1 ended');
  }

  it('shows a queued run as Queued with the run it waits for, then Running', async () => {
    const namespace = env.scratch.next();
    const first = await start(rev1(namespace));
    await holding(namespace, first.workflowId);
    const second = await start(rev2(namespace));
    const deadline = Date.now() + 20_000;
    let seen: RunStatus | undefined;
    while (Date.now() < deadline) {
      seen = await second.query(statusQuery);
      if (seen.phase === 'Queued') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(seen?.phase, 'Queued');
    assert.equal(seen?.queuedBehind, first.workflowId);
    assert.equal((await outcome(second)).phase, 'Succeeded');
  });

  it('concurrency: replace cancels the running run first, then runs', async () => {
    const namespace = env.scratch.next();
    const first = await start(rev1(namespace));
    await holding(namespace, first.workflowId);
    const second = await start(rev2(namespace, { concurrency: 'replace' }));
    const [one, two] = await Promise.all([outcome(first), outcome(second)]);
    assert.equal(one.phase, 'Cancelled');
    assert.equal(two.phase, 'Succeeded');
    assert.equal(await image('web', namespace), 'web:2');
  });

  it('concurrency: reject fails the second run as ApplicationBusy, and the API answers 409', async () => {
    const namespace = env.scratch.next();
    const first = await start(rev1(namespace));
    await holding(namespace, first.workflowId);
    const second = await start(rev2(namespace, { concurrency: 'reject' }));
    const two = await outcome(second);
    assert.equal(two.phase, 'Failed');
    assert.match(two.message ?? '', new RegExp(`run ${first.workflowId} of this application is running`));

    const app = createApp({ temporal: env.client, taskQueue: env.worker.taskQueue, uiUrl: 'http://ui', log: testLog });
    const res = await app.request('/v1/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rev2(namespace, { concurrency: 'reject' })) });
    assert.equal(res.status, 409, await res.clone().text());
    assert.match(((await res.json()) as { detail: string }).detail, new RegExp(first.workflowId));
    assert.equal((await outcome(first)).phase, 'Succeeded');
  });

  it('the queue survives a worker restart: both runs finish, in order', async () => {
    const namespace = env.scratch.next();
    const taskQueue = uniqueName('one-tq');
    let worker = await startTestWorker(taskQueue);
    const first = await start(rev1(namespace), taskQueue);
    const second = await start(rev2(namespace), taskQueue);
    await new Promise((r) => setTimeout(r, 1500));
    await worker.stop();
    worker = await startTestWorker(taskQueue);
    try {
      const [one, two] = await Promise.all([outcome(first), outcome(second)]);
      assert.equal(two.phase, 'Succeeded');
      assert.equal(await image('web', namespace), 'web:2');
      assert.equal(await image('extra', namespace), 'extra:1');
      await ranInOrder(first, one, second, two);
    } finally {
      await worker.stop();
    }
  });

  it('another application in the same namespace is not held up', async () => {
    const namespace = env.scratch.next();
    const first = await start(rev1(namespace));
    const other = await start({ name: 'other', namespace, components: [{ name: 'api', type: 'webservice', image: 'api:1', port: 80 }] });
    const done = await outcome(other);
    assert.equal(done.phase, 'Succeeded');
    assert.equal((await first.query(statusQuery)).phase, 'Running', 'the other application finished while the first still ran');
    await outcome(first);
  });

  /** A revision that waits for an approval, so it holds the application until it is told. */
  const waiting = (namespace: string) => rev1(namespace, { workflow: { steps: [{ name: 'hold', type: 'approval' }, { name: 'deploy', type: 'deploy', components: ['web'] }] } });

  /** The awaitRunClosed activities the application's coordinator has scheduled so far. */
  const watches = async (namespace: string): Promise<number> => {
    const history = await env.client.workflow.getHandle(coordinatorId('shop', namespace)).fetchHistory();
    return (history.events ?? []).filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'awaitRunClosed').length;
  };

  it('a terminated run frees its application: the run waiting behind it goes on', async () => {
    const namespace = env.scratch.next();
    const first = await start(waiting(namespace));
    await holding(namespace, first.workflowId);
    const second = await start(rev2(namespace));
    await new Promise((r) => setTimeout(r, 1000));
    await first.terminate('test: a run that never releases');
    assert.equal((await outcome(second)).phase, 'Succeeded');
    assert.equal(await image('web', namespace), 'web:2');
  });

  it('a run terminated while nobody waited frees its application for the next one', async () => {
    const namespace = env.scratch.next();
    const first = await start(waiting(namespace));
    await holding(namespace, first.workflowId);
    await first.terminate('test: a run that never releases');
    const second = await start(rev2(namespace));
    assert.equal((await outcome(second)).phase, 'Succeeded');
  });

  it('watches the admitted run only while another waits for its turn (no describes for a run alone)', async () => {
    const namespace = env.scratch.next();
    const first = await start(waiting(namespace));
    await holding(namespace, first.workflowId);
    await new Promise((r) => setTimeout(r, 2000));
    assert.equal(await watches(namespace), 0, 'nobody waits: the holder is not watched');
    const second = await start(rev2(namespace));
    for (const deadline = Date.now() + 20_000; Date.now() < deadline && (await watches(namespace)) === 0; ) await new Promise((r) => setTimeout(r, 200));
    assert.equal(await watches(namespace), 1, 'a run waits: the holder is watched');
    await first.terminate('test: done').catch(() => undefined);
    assert.equal((await outcome(second)).phase, 'Succeeded');
  });
});
