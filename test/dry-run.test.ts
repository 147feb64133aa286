/**
 * Every object rendered from examples/all-traits.yaml (every component type, every trait) is
 * sent to the real API server with server-side apply in dry-run mode: a manifest Kubernetes
 * would reject fails this test.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, describe, it } from 'node:test';
import { ApiException, KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { parseSpecText, renderComponent, validateApplication } from '../src/index.js';
import { kubeApis, kubeConfig, namespaces } from './support/servers.js';

describe('rendered manifests pass the API server (server-side dry-run)', () => {
  const scratch = namespaces('dry');
  after(() => scratch.cleanup());

  it('accepts every object of the all-traits example', async () => {
    const text = await readFile(new URL('../examples/all-traits.yaml', import.meta.url), 'utf8');
    const namespace = scratch.next();
    const spec = validateApplication({ ...(parseSpecText(text) as object), namespace });
    await kubeApis().core.createNamespace({ body: { metadata: { name: namespace } } });
    const objects = spec.components.flatMap((c) => renderComponent(spec, c.name).objects);
    assert.deepEqual([...new Set(objects.map((o) => o.kind))].sort(), ['ConfigMap', 'Deployment', 'Ingress', 'Job', 'PersistentVolumeClaim', 'Role', 'RoleBinding', 'Secret', 'Service', 'ServiceAccount', 'StatefulSet']);

    const api = KubernetesObjectApi.makeApiClient(kubeConfig());
    const rejected: string[] = [];
    for (const obj of objects) {
      try {
        await api.patch(obj as KubernetesObject, undefined, 'All', 'kubemin', true, PatchStrategy.ServerSideApply);
      } catch (e) {
        rejected.push(`${obj.kind}/${obj.metadata.name}: ${e instanceof ApiException ? String(e.body) : String(e)}`);
      }
    }
    assert.deepEqual(rejected, []);
  });

  it('refuses a Job named for the longest job component validation accepts, plus one character', async () => {
    // (validation also wants Service names to start with a letter; this 1.36 server accepts either,
    // as KEP-5311 relaxed Service names there, but clusters before 1.36 refuse them)
    const namespace = scratch.next();
    await kubeApis().core.createNamespace({ body: { metadata: { name: namespace } } });
    const api = KubernetesObjectApi.makeApiClient(kubeConfig());
    const apply = (obj: object) => api.patch(obj as KubernetesObject, undefined, 'All', 'kubemin', true, PatchStrategy.ServerSideApply);
    const longest = 'j'.repeat(54); // validation refuses 55
    const spec = validateApplication({ name: 'limits', namespace, components: [{ name: longest, type: 'job', image: 'migrate:1' }] });
    const [job] = renderComponent(spec, longest).objects as KubernetesObject[];
    assert.equal(job?.metadata?.name?.length, 63);
    await apply(job as KubernetesObject);
    await assert.rejects(apply({ ...job, metadata: { ...job?.metadata, name: `${job?.metadata?.name}x` } }), (e: unknown) => e instanceof ApiException && e.code === 422 && /63/.test(String(e.body)));
  });

  it('is a real check: the API server rejects an object that is wrong', async () => {
    const namespace = scratch.next();
    await kubeApis().core.createNamespace({ body: { metadata: { name: namespace } } });
    const api = KubernetesObjectApi.makeApiClient(kubeConfig());
    const bad = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'bad', namespace }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '-1Gi' } } } };
    await assert.rejects(api.patch(bad as KubernetesObject, undefined, 'All', 'kubemin', true, PatchStrategy.ServerSideApply), (e: unknown) => e instanceof ApiException && e.code === 422);
  });
});
