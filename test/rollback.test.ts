/**
 * `onFailure: rollback` on the real servers: a revision whose migration Job fails puts the last
 * successful revision back (its image) and removes what the failed one added; `keep` leaves the
 * failed revision's objects for inspection.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { createApp } from '../api/app.js';
import type { RunStatus } from '../workflows/contract.js';
import { kubeApis, testLog, useRunEnvironment } from './support/servers.js';

describe('onFailure (API + Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('rb');
  const { apps } = kubeApis();

  const specOf = (namespace: string, image: string, onFailure: 'keep' | 'rollback', failingJob: boolean) => ({
    name: 'shop',
    namespace,
    onFailure,
    components: [
      { name: 'web', type: 'webservice', image, port: 80 },
      ...(failingJob ? [{ name: 'migrate', type: 'job', image: 'migrate:2', dependsOn: ['web'], annotations: { 'kubemin.io/kwok-fail': 'column "email" does not exist' } }] : []),
    ],
  });

  async function run(app: ReturnType<typeof createApp>, spec: object): Promise<RunStatus & { id: string }> {
    const res = await app.request('/v1/runs', { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: stringify(spec) });
    assert.equal(res.status, 202);
    const { id } = (await res.json()) as { id: string };
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      const status = (await (await app.request(`/v1/runs/${id}`)).json()) as RunStatus & { id: string };
      if (status.phase !== 'Running') return status;
    }
    return assert.fail(`run ${id} did not finish`);
  }

  async function visibleSuccess(app: ReturnType<typeof createApp>, namespace: string, id: string): Promise<void> {
    for (let i = 0; i < 50; i++) {
      const { runs } = (await (await app.request(`/v1/runs?application=shop&namespace=${namespace}&phase=Succeeded`)).json()) as { runs: { id: string }[] };
      if (runs.some((r) => r.id === id)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail('the first run never showed as Succeeded in visibility');
  }

  it('rollback: the previous revision is back and the failed revision\'s additions are gone', async () => {
    const app = createApp({ temporal: env.client, taskQueue: env.worker.taskQueue, uiUrl: 'http://ui', log: testLog });
    const ns = env.scratch.next();
    const first = await run(app, specOf(ns, 'web:1', 'rollback', false));
    assert.equal(first.phase, 'Succeeded');
    await visibleSuccess(app, ns, first.id);

    const second = await run(app, specOf(ns, 'web:2', 'rollback', true));
    assert.equal(second.phase, 'Failed');
    assert.equal(second.rolledBackTo, first.revision);
    assert.match(second.message ?? '', /step "deploy-migrate" failed: .*column "email" does not exist; rolled back to revision [0-9a-f]{12} \(run [a-z0-9-]+\.shop-.*\); removed Job .*migrate-[0-9a-f]{8}/);
    const web = await apps.readNamespacedDeployment({ name: 'web', namespace: ns });
    assert.equal(web.spec?.template.spec?.containers[0]?.image, 'web:1');
    assert.equal(web.status?.availableReplicas, 1);
  });

  it('keep: the failed revision stays as it was for inspection', async () => {
    const app = createApp({ temporal: env.client, taskQueue: env.worker.taskQueue, uiUrl: 'http://ui', log: testLog });
    const ns = env.scratch.next();
    assert.equal((await run(app, specOf(ns, 'web:1', 'keep', false))).phase, 'Succeeded');
    const second = await run(app, specOf(ns, 'web:2', 'keep', true));
    assert.equal(second.phase, 'Failed');
    assert.equal(second.rolledBackTo, undefined);
    assert.equal((await apps.readNamespacedDeployment({ name: 'web', namespace: ns })).spec?.template.spec?.containers[0]?.image, 'web:2');
  });
});
