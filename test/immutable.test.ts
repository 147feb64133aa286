/**
 * Changes Kubernetes forbids in place, on the real servers. A store that gains a persistent
 * volume (the seed scenario's redis, first without, then with its volume) gets a re-created
 * StatefulSet with the new volumeClaimTemplate, its claim bound to a PersistentVolume the test
 * makes by hand (the local cluster has no provisioner of its own); a forbidden change that keeps
 * the pod template re-creates the StatefulSet without touching its pods; a Service whose cluster
 * IP would change is re-created only when the component says `recreate: true`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runToEnd } from './support/run-to-end.js';
import { kubeApis, useRunEnvironment } from './support/servers.js';

describe('changes Kubernetes forbids in place (Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('imm');
  const { core, apps } = kubeApis();

  const run = (plan: Parameters<typeof runToEnd>[1]) => runToEnd(env, plan);

  const redis = (more: Record<string, unknown> = {}) => ({ name: 'redis', type: 'store', image: 'redis:7', port: 6379, ...more });
  const podsOf = async (namespace: string, component: string) => (await core.listNamespacedPod({ namespace, labelSelector: `kubemin.io/component=${component}` })).items;

  it('adding a persistent volume to a store re-creates its StatefulSet, keeps its claim, and says so', async () => {
    const namespace = env.scratch.next();
    const storageClass = `manual-${namespace}`;
    await core.createPersistentVolume({
      body: { metadata: { name: namespace }, spec: { storageClassName: storageClass, capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/tmp/${namespace}` } } },
    });
    try {
      assert.equal((await run({ name: 'seed', namespace, components: [redis()] })).phase, 'Succeeded');
      const before = await apps.readNamespacedStatefulSet({ name: 'redis', namespace });

      const storage = [{ type: 'persistent', name: 'data', mountPath: '/data', size: '1Gi', storageClass }];
      const after = await run({ name: 'seed', namespace, components: [redis({ traits: { storage } })] });
      assert.equal(after.phase, 'Succeeded', after.message);
      assert.match(after.steps[0]?.message ?? '', new RegExp(`re-created StatefulSet ${namespace}/redis \\(Kubernetes forbids the change in place\\).*StatefulSet ${namespace}/redis: `));

      const sts = await apps.readNamespacedStatefulSet({ name: 'redis', namespace });
      assert.notEqual(sts.metadata?.uid, before.metadata?.uid);
      assert.deepEqual(sts.spec?.volumeClaimTemplates?.map((t) => t.metadata?.name), ['data']);
      const claim = await core.readNamespacedPersistentVolumeClaim({ name: 'data-redis-0', namespace });
      assert.equal(claim.status?.phase, 'Bound');
      const [pod] = await podsOf(namespace, 'redis');
      assert.equal(pod?.metadata?.ownerReferences?.[0]?.uid, sts.metadata?.uid, 'the pod belongs to the new StatefulSet');
    } finally {
      await core.deletePersistentVolume({ name: namespace }).catch(() => undefined);
    }
  });

  it('a forbidden change that keeps the pod template re-creates the StatefulSet and its pods stay', async () => {
    const namespace = env.scratch.next();
    assert.equal((await run({ name: 'seed', namespace, components: [redis({ replicas: 2 })] })).phase, 'Succeeded');
    const podsBefore = await podsOf(namespace, 'redis');

    const after = await run({ name: 'seed', namespace, components: [redis({ replicas: 2, properties: { podManagementPolicy: 'Parallel' } })] });
    assert.equal(after.phase, 'Succeeded', after.message);
    assert.match(after.steps[0]?.message ?? '', /re-created StatefulSet .*its pods were kept for the new one to adopt/);
    const sts = await apps.readNamespacedStatefulSet({ name: 'redis', namespace });
    assert.equal(sts.spec?.podManagementPolicy, 'Parallel');
    const podsAfter = await podsOf(namespace, 'redis');
    assert.deepEqual(podsAfter.map((p) => p.metadata?.uid).sort(), podsBefore.map((p) => p.metadata?.uid).sort(), 'the same pods, not deleted');
    assert.ok(podsAfter.every((p) => p.metadata?.ownerReferences?.[0]?.uid === sts.metadata?.uid), 'adopted by the new StatefulSet');
  });

  it('a Service whose cluster IP would change fails with the hint, and is re-created with recreate: true', async () => {
    const namespace = env.scratch.next();
    const web = { name: 'web', image: 'web:1', port: 80 };
    assert.equal((await run({ name: 'shop', namespace, components: [{ ...web, type: 'webservice' }] })).phase, 'Succeeded');
    const before = await core.readNamespacedService({ name: 'web', namespace });

    const refused = await run({ name: 'shop', namespace, components: [{ ...web, type: 'store' }] });
    assert.equal(refused.phase, 'Failed');
    assert.equal(refused.steps[0]?.reason, 'ImmutableFieldChange');
    assert.match(refused.steps[0]?.message ?? '', /would interrupt service .*set recreate: true on component web/);
    assert.equal((await core.readNamespacedService({ name: 'web', namespace })).metadata?.uid, before.metadata?.uid, 'left as it was');

    const allowed = await run({ name: 'shop', namespace, components: [{ ...web, type: 'store', recreate: true }] });
    assert.equal(allowed.phase, 'Succeeded', allowed.message);
    assert.match(allowed.steps[0]?.message ?? '', new RegExp(`re-created Service ${namespace}/web: its cluster IP changes`));
    const svc = await core.readNamespacedService({ name: 'web', namespace });
    assert.notEqual(svc.metadata?.uid, before.metadata?.uid);
    assert.equal(svc.spec?.clusterIP, 'None');
  });
});
