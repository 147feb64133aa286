/**
 * Waiting for capacity is a state the API shows, with the scheduler's reason, and it has its
 * own deadline: a Deployment whose pods no node can take (8 GPUs; the GPU nodes have 4) is
 * reported waiting with "Insufficient nvidia.com/gpu", then fails after maxPending with it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { createApp } from '../api/app.js';
import type { RunStatus, StepStatus } from '../workflows/contract.js';
import { testLog, useRunEnvironment } from './support/servers.js';

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
  });
});
