/**
 * Running a Job's revision again, on the real servers: a Job that failed is replaced by a new one
 * (delete, then create), which runs; one that succeeded is never run again. The fault is real: a
 * ResourceQuota of zero pods keeps the first Job from starting any pod until its
 * activeDeadlineSeconds fails it; the test then lifts the quota, as a person fixing the cause would.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BatchV1Api } from '@kubernetes/client-node';
import { compile, validateApplication, type Plan } from '../src/index.js';
import { runToEnd } from './support/run-to-end.js';
import { kubeApis, kubeConfig, useRunEnvironment } from './support/servers.js';

describe('retrying a Job of the same revision (Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('jr');
  const { core } = kubeApis();
  const batch = kubeConfig().makeApiClient(BatchV1Api);

  const run = (plan: Parameters<typeof runToEnd>[1]) => runToEnd(env, plan);

  const planFor = (namespace: string): Plan =>
    compile(validateApplication({ name: 'jobs', namespace, components: [{ name: 'migrate', type: 'job', image: 'migrate:1', properties: { activeDeadlineSeconds: 5 } }] }));

  const theJob = async (namespace: string) => {
    const { items } = await batch.listNamespacedJob({ namespace });
    assert.equal(items.length, 1, `one Job: ${items.map((j) => j.metadata?.name).join()}`);
    return items[0] as (typeof items)[number];
  };

  it('a second run of a failed revision deletes the Failed Job and runs a new one, which succeeds', async () => {
    const namespace = env.scratch.next();
    await core.createNamespace({ body: { metadata: { name: namespace } } });
    await core.createNamespacedResourceQuota({ namespace, body: { metadata: { name: 'no-pods' }, spec: { hard: { pods: '0' } } } });
    const plan = planFor(namespace);

    const first = await run(plan);
    assert.equal(first.phase, 'Failed');
    assert.equal(first.steps[0]?.reason, 'RolloutDegraded');
    assert.match(first.steps[0]?.message ?? '', /DeadlineExceeded/);
    const failed = await theJob(namespace);
    assert.equal(failed.status?.conditions?.find((c) => c.type === 'Failed')?.status, 'True');

    await core.deleteNamespacedResourceQuota({ name: 'no-pods', namespace });
    const second = await run(plan);
    assert.equal(second.phase, 'Succeeded', second.message);
    assert.match(second.steps[0]?.message ?? '', /had failed: deleted and created again/);
    const rerun = await theJob(namespace);
    assert.equal(rerun.metadata?.name, failed.metadata?.name, 'the same revision, the same name');
    assert.notEqual(rerun.metadata?.uid, failed.metadata?.uid, 'a new Job');
    assert.equal(rerun.status?.conditions?.find((c) => c.type === 'Complete')?.status, 'True');
  });

  it('a second run of a succeeded revision leaves its Complete Job alone', async () => {
    const namespace = env.scratch.next();
    const plan = planFor(namespace);
    assert.equal((await run(plan)).phase, 'Succeeded');
    const done = await theJob(namespace);

    const again = await run(plan);
    assert.equal(again.phase, 'Succeeded', again.message);
    const after = await theJob(namespace);
    assert.equal(after.metadata?.uid, done.metadata?.uid, 'not run again');
    assert.equal(after.status?.succeeded, 1);
  });
});
