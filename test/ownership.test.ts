/**
 * Who owns an object, on the real servers: two applications in one namespace that render the
 * same Service do not take each other's objects (OwnedByAnotherApplication names the owner),
 * `adopt: true` takes one over on purpose, and objects applied by KubeMin's former single field
 * manager are still updated by their own application, which then owns them alone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { createKubeClients } from '../activities/kube-clients.js';
import { renderComponent, validateApplication } from '../src/index.js';
import { runToEnd } from './support/run-to-end.js';
import { kubeApis, kubeConfig, useRunEnvironment } from './support/servers.js';

describe('object ownership between applications (Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('own');
  const { core, apps } = kubeApis();

  const run = (plan: Parameters<typeof runToEnd>[1]) => runToEnd(env, plan);

  const web = (port: number, more: Record<string, unknown> = {}) => ({ name: 'web', type: 'webservice', image: 'web:1', port, ...more });

  it('refuses to change a Service another application owns, naming the owner, and leaves it as it was', async () => {
    const namespace = env.scratch.next();
    assert.equal((await run({ name: 'shop', namespace, components: [web(80)] })).phase, 'Succeeded');

    const other = await run({ name: 'blog', namespace, components: [web(8080)] });
    assert.equal(other.phase, 'Failed');
    const [step] = other.steps;
    assert.equal(step?.reason, 'OwnedByAnotherApplication');
    assert.match(step?.message ?? '', new RegExp(`Deployment ${namespace}/web belongs to application "shop".*set adopt: true on component web`));

    const svc = await core.readNamespacedService({ name: 'web', namespace });
    assert.equal(svc.metadata?.labels?.['kubemin.io/app'], 'shop');
    assert.deepEqual(svc.spec?.ports?.map((p) => p.port), [80]);
    const d = await apps.readNamespacedDeployment({ name: 'web', namespace });
    assert.equal(d.metadata?.labels?.['kubemin.io/app'], 'shop', 'nothing of the owner was changed');
  });

  it('adopt: true takes the objects over on purpose; the former owner is then refused in turn', async () => {
    const namespace = env.scratch.next();
    assert.equal((await run({ name: 'shop', namespace, components: [web(80)] })).phase, 'Succeeded');

    const adopted = await run({ name: 'blog', namespace, components: [web(8080, { adopt: true })] });
    assert.equal(adopted.phase, 'Succeeded', adopted.message);
    assert.match(adopted.steps[0]?.message ?? '', new RegExp(`took over Service ${namespace}/web from kubemin/shop \\(adopt\\)`));
    const d = await apps.readNamespacedDeployment({ name: 'web', namespace });
    assert.equal(d.metadata?.labels?.['kubemin.io/app'], 'blog', 'its Deployment too: re-created, since its selector names the application');
    assert.deepEqual(d.spec?.template.spec?.containers[0]?.ports?.map((p) => p.containerPort), [8080]);
    const svc = await core.readNamespacedService({ name: 'web', namespace });
    assert.equal(svc.metadata?.labels?.['kubemin.io/app'], 'blog');
    assert.deepEqual(svc.spec?.ports?.map((p) => p.port), [8080], 'nothing of its former owner stays');
    assert.deepEqual(svc.metadata?.managedFields?.filter((f) => f.operation === 'Apply').map((f) => f.manager), ['kubemin/blog']);

    const back = await run({ name: 'shop', namespace, components: [web(80)] });
    assert.equal(back.steps[0]?.reason, 'OwnedByAnotherApplication');
    assert.match(back.steps[0]?.message ?? '', /belongs to application "blog"/);
  });

  it('forces fields a person changed with another manager, as before (not another application)', async () => {
    const namespace = env.scratch.next();
    const spec = { name: 'shop', namespace, components: [web(80, { replicas: 2 })] };
    assert.equal((await run(spec)).phase, 'Succeeded');
    const objects = createKubeClients(kubeConfig()).objects;
    await objects.patch({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace }, spec: { replicas: 5 } } as KubernetesObject, undefined, undefined, 'kubectl', true, PatchStrategy.ServerSideApply);

    const again = await run({ ...spec, components: [web(80, { replicas: 2, image: 'web:2' })] });
    assert.equal(again.phase, 'Succeeded', again.message);
    const d = await apps.readNamespacedDeployment({ name: 'web', namespace });
    assert.equal(d.spec?.replicas, 2);
    assert.equal(d.spec?.template.spec?.containers[0]?.image, 'web:2');
  });

  it('updates what the former single manager `kubemin` applied, removes what the spec dropped, and owns it alone', async () => {
    const namespace = env.scratch.next();
    const before = validateApplication({ name: 'shop', namespace, components: [web(80, { env: { LEGACY: '1' } })] });
    const objects = createKubeClients(kubeConfig()).objects;
    await core.createNamespace({ body: { metadata: { name: namespace } } });
    // what a KubeMin of before per-application managers left on the cluster
    for (const o of renderComponent(before, 'web').objects) await objects.patch(o as KubernetesObject, undefined, undefined, 'kubemin', true, PatchStrategy.ServerSideApply);

    const after = await run({ name: 'shop', namespace, components: [web(80, { image: 'web:2' })] });
    assert.equal(after.phase, 'Succeeded', after.message);
    const d = await apps.readNamespacedDeployment({ name: 'web', namespace });
    const container = d.spec?.template.spec?.containers[0];
    assert.equal(container?.image, 'web:2');
    assert.equal(container?.env?.find((e) => e.name === 'LEGACY'), undefined, 'a variable the spec no longer has is gone');
    const managers = d.metadata?.managedFields?.filter((f) => f.operation === 'Apply').map((f) => f.manager);
    assert.deepEqual(managers, ['kubemin/shop']);
  });
});
