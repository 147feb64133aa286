/**
 * Smaller untruths, each on the real servers through the API: a terminated run's steps do not
 * stay Running; a cancelled approval waits for nobody; deciding a step of an ended run is a 409,
 * never a 500; the history summary files a gpu-check's activity under its step, with attempts.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { WorkflowHandle } from '@temporalio/client';
import { createApp } from '../api/app.js';
import { compile, validateApplication } from '../src/index.js';
import { RUN_WORKFLOW_TYPE, statusQuery, type RunStatus, type StepStatus } from '../workflows/contract.js';
import { testLog, uniqueName, useRunEnvironment } from './support/servers.js';

describe('a run tells the truth after it ends (API + Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('truth');
  let app: ReturnType<typeof createApp>;
  before(() => {
    app = createApp({ temporal: env.client, taskQueue: env.worker.taskQueue, uiUrl: 'http://ui', log: testLog });
  });

  const start = (spec: Record<string, unknown>): Promise<WorkflowHandle> =>
    env.client.workflow.start(RUN_WORKFLOW_TYPE, { args: [compile(validateApplication({ name: 'truth', namespace: env.scratch.next(), ...spec }))], taskQueue: env.worker.taskQueue, workflowId: uniqueName('truth-run') });

  const until = async (handle: WorkflowHandle, ok: (s: RunStatus) => boolean): Promise<RunStatus> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const s = await handle.query(statusQuery);
      if (ok(s)) return s;
      if (Date.now() > deadline) assert.fail(`run stayed ${JSON.stringify(s)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const post = (path: string, body: unknown) => app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const approval = { components: [{ name: 'web', type: 'webservice', image: 'web:1', port: 80 }], workflow: { steps: [{ name: 'gate', type: 'approval' }, { name: 'ship', type: 'deploy', components: ['web'] }] } };

  it('a terminated run shows no step Running or Pending', async () => {
    const handle = await start({ components: [{ name: 'web', type: 'webservice', image: 'web:1', port: 80, annotations: { 'kubemin.io/kwok-ready-after': '30s' } }] });
    await until(handle, (s) => s.steps[0]?.phase === 'Running');
    await handle.terminate('test');
    const res = await app.request(`/v1/runs/${handle.workflowId}`);
    const body = (await res.json()) as RunStatus;
    assert.equal(res.status, 200);
    assert.equal(body.phase, 'Failed');
    assert.deepEqual(body.steps.map((s) => s.phase), ['Cancelled']);
    assert.match(body.steps[0]?.message ?? '', /terminated/);
  });

  it('a cancelled approval waits for nobody, and deciding it answers 409', async () => {
    const handle = await start(approval);
    await until(handle, (s) => s.steps[0]?.awaitingApproval === true);
    await handle.cancel();
    await handle.result().catch(() => undefined);
    const gate = (await handle.query(statusQuery)).steps[0] as StepStatus;
    assert.equal(gate.phase, 'Cancelled');
    assert.equal(gate.awaitingApproval, false);
    for (const action of ['approve', 'reject']) {
      const res = await post(`/v1/runs/${handle.workflowId}/${action}`, { step: 'gate' });
      assert.equal(res.status, 409, `${action}: ${await res.text()}`);
    }
  });

  it('approving any step of a finished run answers 409, not 500', async () => {
    const handle = await start(approval);
    await until(handle, (s) => s.steps[0]?.awaitingApproval === true);
    assert.equal((await post(`/v1/runs/${handle.workflowId}/approve`, { step: 'gate' })).status, 200);
    await handle.result();
    for (const step of ['0', 'gate', 'ship']) {
      const res = await post(`/v1/runs/${handle.workflowId}/approve`, { step });
      assert.equal(res.status, 409, `step ${step}: ${await res.text()}`);
    }
  });

  it('the history summary files a gpu-check under its step, with its attempts', async () => {
    const handle = await start({
      components: [{ name: 'web', type: 'webservice', image: 'web:1', port: 80 }],
      workflow: { steps: [{ name: 'gpus', type: 'gpu-check', properties: { gpusPerPod: 1, pods: 1 } }, { name: 'ship', type: 'deploy', components: ['web'] }] },
    });
    await handle.result();
    const res = await app.request(`/v1/runs/${handle.workflowId}/history`);
    const body = (await res.json()) as { steps: { step: string; attempts: number; activities: { activity: string }[] }[] };
    const gpus = body.steps.find((s) => s.step === 'gpus');
    assert.ok(gpus, JSON.stringify(body.steps));
    assert.deepEqual(gpus.activities.map((a) => a.activity), ['checkGpuCapacity']);
    assert.ok(gpus.attempts >= 1);
    assert.ok(!body.steps.some((s) => s.step === '(run)' && s.activities.some((a) => a.activity === 'checkGpuCapacity')));
  });
});
