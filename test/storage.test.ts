/**
 * Persistent storage end to end: KubeMin deploys a store with a volumeClaimTemplate and a
 * webservice with the seed's first storage example (`persistent`), and the local cluster's
 * default StorageClass (dev/kwok/storage.yaml, the controller manager's host-path provisioner)
 * binds every claim, so both become ready. Without a provisioner the claims stay Pending and the
 * pods Unschedulable ("pod has unbound immediate PersistentVolumeClaims").
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compile, validateApplication } from '../src/index.js';
import { RUN_WORKFLOW_TYPE, statusQuery, type RunStatus } from '../workflows/contract.js';
import { kubeApis, uniqueName, useRunEnvironment } from './support/servers.js';

describe('persistent storage on the local cluster', () => {
  const env = useRunEnvironment('st');
  const { core, apps } = kubeApis();

  it('binds the claims of a store\'s volumeClaimTemplate and of a webservice\'s persistent volume, and both become ready', async () => {
    const namespace = env.scratch.next();
    const plan = compile(
      validateApplication({
        name: 'stateful',
        namespace,
        // a cluster that binds nothing fails the run in a minute instead of waiting for ever
        policies: { overrides: [{ steps: { timeout: '60s' } }] },
        components: [
          {
            name: 'db',
            type: 'store',
            image: 'postgres:16',
            replicas: 2,
            port: 5432,
            properties: { podManagementPolicy: 'Parallel' },
            traits: { storage: [{ name: 'data', type: 'persistent', mountPath: '/var/lib/postgresql/data', size: '1Gi' }] },
          },
          { name: 'web', type: 'webservice', image: 'nginx:1.27', port: 80, traits: { storage: [{ type: 'persistent', mountPath: '/data', size: '20Gi' }] } },
        ],
      }),
    );
    const handle = await env.client.workflow.start(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue: env.worker.taskQueue, workflowId: uniqueName('st-run') });
    const result: RunStatus = await (handle.result() as Promise<RunStatus>).catch(async () => handle.query(statusQuery));
    assert.deepEqual(
      { phase: result.phase, steps: result.steps.map((s) => [s.name, s.phase, s.phase === 'Succeeded' ? '' : s.message]) },
      { phase: 'Succeeded', steps: [['deploy-db', 'Succeeded', ''], ['deploy-web', 'Succeeded', '']] },
    );

    const claims = (await core.listNamespacedPersistentVolumeClaim({ namespace })).items;
    assert.deepEqual(
      claims.map((c) => [c.metadata?.name, c.status?.phase, c.spec?.storageClassName, c.status?.capacity?.storage]).sort(),
      [
        ['data-db-0', 'Bound', 'local-hostpath', '1Gi'],
        ['data-db-1', 'Bound', 'local-hostpath', '1Gi'],
        ['web-persistent-0', 'Bound', 'local-hostpath', '20Gi'],
      ],
    );
    for (const c of claims) {
      const pv = await core.readPersistentVolume({ name: c.spec?.volumeName ?? '' });
      assert.equal(pv.spec?.claimRef?.name, c.metadata?.name);
      assert.match(pv.spec?.hostPath?.path ?? '', /^\/tmp\/hostpath_pv\//, 'provisioned by the host-path provisioner');
    }

    const sts = await apps.readNamespacedStatefulSet({ name: 'db', namespace });
    assert.equal(sts.status?.readyReplicas, 2);
    const web = await apps.readNamespacedDeployment({ name: 'web', namespace });
    assert.equal(web.status?.availableReplicas, 1);
    assert.equal(web.spec?.template.spec?.volumes?.find((v) => v.name === 'persistent-0')?.persistentVolumeClaim?.claimName, 'web-persistent-0');
  });
});
