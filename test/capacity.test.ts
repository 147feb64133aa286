/**
 * Waiting for capacity is a state the API shows, with the scheduler's reason, and it has its
 * own deadline: a Deployment whose pods no node can take (8 GPUs; the GPU nodes have 4) is
 * reported waiting with "Insufficient nvidia.com/gpu", then fails after maxPending with it, even
 * when the Deployment's own progress deadline passed first.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { WorkflowFailedError } from '@temporalio/client';
import { createApp } from '../api/app.js';
import { compile, validateApplication } from '../src/index.js';
import { RUN_WORKFLOW_TYPE, statusQuery, type RunStatus, type StepStatus } from '../workflows/contract.js';
import { kubeApis, kubeConfig, testLog, uniqueName, useRunEnvironment } from './support/servers.js';

describe('waiting for capacity (API + Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('cap');

  it('shows Unschedulable with the scheduler\'s message while waiting, then fails after maxPending', async () => {
    const app = createApp({ temporal: env.client, taskQueue: env.worker.taskQueue, uiUrl: 'http://ui', log: testLog });
    const spec = {
      name: 'train',
      namespace: env.scratch.next(),
      components: [{ name: 'trainer', type: 'worker', image: 'trainer:1', traits: { resources: { gpu: 8 } } }],
      workflow: { steps: [{ name: 'start', type: 'deploy', components: ['trainer'], properties: { maxPending: '15s' } }] },
    };
    const res = await app.request('/v1/runs', { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: stringify(spec) });
    assert.equal(res.status, 202);
    const { id } = (await res.json()) as { id: string };
    const read = async () => (await (await app.request(`/v1/runs/${id}`)).json()) as RunStatus & { steps: StepStatus[] };

    let seen: StepStatus | undefined;
    for (const deadline = Date.now() + 12_000; Date.now() < deadline && !seen?.waitingForCapacity; await new Promise((r) => setTimeout(r, 250))) {
      seen = (await read()).steps[0];
    }
    assert.equal(seen?.waitingForCapacity, true, JSON.stringify(seen));
    assert.equal(seen?.phase, 'Running');
    assert.match(seen?.message ?? '', /^Unschedulable: 0\/5 nodes are available: .*Insufficient nvidia\.com\/gpu/);

    let run = await read();
    for (const deadline = Date.now() + 40_000; Date.now() < deadline && run.phase === 'Running'; await new Promise((r) => setTimeout(r, 500))) run = await read();
    assert.equal(run.phase, 'Failed');
    assert.equal(run.steps[0]?.reason, 'Unschedulable');
    assert.match(run.steps[0]?.message ?? '', /waited 1\ds for capacity: Unschedulable: 0\/5 nodes are available: .*Insufficient nvidia\.com\/gpu/);

    // the worker's metrics tell the same story: a capacity wait that timed out, a failed step and run
    const metrics = await env.worker.metrics.registry.getMetricsAsJSON();
    const value = (name: string, labels: Record<string, string>) =>
      metrics.flatMap((m) => m.values.map((v) => ({ ...v, name: (v as { metricName?: string }).metricName ?? m.name }))).find((v) => v.name === name && Object.entries(labels).every(([k, l]) => v.labels[k] === l))?.value ?? 0;
    assert.ok(value('kubemin_capacity_wait_seconds_count', { outcome: 'timed_out' }) >= 1, 'no timed-out capacity wait counted');
    assert.ok(value('kubemin_step_duration_seconds_count', { step_type: 'deploy', outcome: 'Failed' }) >= 1, 'no failed step counted');
    assert.ok(value('kubemin_activity_failures_total', { activity: 'waitForRollout', reason: 'Unschedulable' }) >= 1, 'no Unschedulable activity failure counted');
    assert.ok(value('kubemin_runs_finished_total', { application: 'train', phase: 'Failed' }) >= 1, 'no failed run counted');
  });

  it('a rollout past its progress deadline for want of capacity fails as Unschedulable after maxPending, not RolloutDegraded', async () => {
    const ns = env.scratch.next();
    const plan = compile(
      validateApplication({
        name: 'train',
        namespace: ns,
        components: [{ name: 'trainer', type: 'worker', image: 'trainer:1', traits: { resources: { gpu: 8 } } }],
        workflow: { steps: [{ name: 'start', type: 'deploy', components: ['trainer'], properties: { maxPending: '25s' } }] },
      }),
    );
    const handle = await env.client.workflow.start(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue: env.worker.taskQueue, workflowId: uniqueName('cap-run') });
    const { apps } = kubeApis();
    const exists = () => apps.readNamespacedDeployment({ name: 'trainer', namespace: ns }).then(() => true, () => false);
    for (let i = 0; i < 100 && !(await exists()); i++) await new Promise((r) => setTimeout(r, 100));
    // a short progress deadline (another field manager's): the Deployment controller gives up long before maxPending
    const deadline = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'trainer', namespace: ns }, spec: { progressDeadlineSeconds: 3 } };
    await KubernetesObjectApi.makeApiClient(kubeConfig()).patch(deadline as KubernetesObject, undefined, undefined, 'capacity-test', undefined, PatchStrategy.MergePatch);

    await assert.rejects(handle.result(), WorkflowFailedError);
    const [step] = (await handle.query(statusQuery)).steps;
    assert.equal(step?.reason, 'Unschedulable', step?.message);
    assert.match(step?.message ?? '', /waited 2\ds for capacity: Unschedulable: 0\/5 nodes are available: .*Insufficient nvidia\.com\/gpu/);
    const progressing = (await apps.readNamespacedDeployment({ name: 'trainer', namespace: ns })).status?.conditions?.find((c) => c.type === 'Progressing');
    assert.equal(progressing?.reason, 'ProgressDeadlineExceeded', 'the progress deadline never passed: the test proves nothing');
  });

  it('a run cancelled while waiting for capacity ends Cancelled and, with onCancel: delete, removes what it applied', async () => {
    const ns = env.scratch.next();
    const plan = compile(
      validateApplication({
        name: 'train',
        namespace: ns,
        onCancel: 'delete',
        components: [{ name: 'trainer', type: 'worker', image: 'trainer:1', traits: { resources: { gpu: 8 } } }],
        workflow: { steps: [{ name: 'start', type: 'deploy', components: ['trainer'], properties: { maxPending: '10m' } }] },
      }),
    );
    const handle = await env.client.workflow.start(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue: env.worker.taskQueue, workflowId: uniqueName('cap-run') });
    const { apps } = kubeApis();
    for (let i = 0; i < 100; i++) {
      if (await apps.readNamespacedDeployment({ name: 'trainer', namespace: ns }).then(() => true, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await handle.cancel();
    await assert.rejects(handle.result(), WorkflowFailedError);
    const status = await handle.query(statusQuery);
    assert.equal(status.phase, 'Cancelled');
    assert.equal(status.steps[0]?.phase, 'Cancelled');
    assert.deepEqual(status.cleanedUp, [`Deployment ${ns}/trainer`]);
    await assert.rejects(apps.readNamespacedDeployment({ name: 'trainer', namespace: ns }), /404|not found/i);
  });
});
