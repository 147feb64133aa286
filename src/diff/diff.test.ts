import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffObjects, SECRET_VALUE, summarize } from './diff.js';

const deployment = (image: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'demo', labels: { 'kubemin.io/app': 'hello', 'kubemin.io/revision': 'abc' }, annotations: { 'deployment.kubernetes.io/revision': '1' }, resourceVersion: '1', generation: 1, uid: 'u1', creationTimestamp: '2026-01-01T00:00:00Z', managedFields: [{ manager: 'kubemin/hello' }] },
  spec: { replicas: 2, template: { spec: { containers: [{ name: 'sidecar', image: 'busybox' }, { name: 'web', image, ports: [{ containerPort: 8080 }] }] } } },
  status: { readyReplicas: 2 },
  ...extra,
});

describe('diffObjects', () => {
  it('finds nothing between an object and itself', () => {
    assert.deepEqual(diffObjects(deployment('nginx:1.27'), deployment('nginx:1.27')), []);
  });

  it('ignores what the API server, controllers and KubeMin set on their own', () => {
    const live = deployment('nginx:1.27');
    const desired = deployment('nginx:1.27', {
      metadata: { ...live.metadata, labels: { ...live.metadata.labels, 'kubemin.io/revision': 'def' }, annotations: { 'deployment.kubernetes.io/revision': '2' }, resourceVersion: '9', generation: 2, uid: 'u1', managedFields: [] },
      status: { readyReplicas: 0 },
    });
    assert.deepEqual(diffObjects(live, desired), []);
  });

  it('names a changed container image by the container name', () => {
    assert.deepEqual(diffObjects(deployment('nginx:1.27'), deployment('nginx:1.28')), [{ path: 'spec.template.spec.containers[web].image', from: 'nginx:1.27', to: 'nginx:1.28' }]);
  });

  it('says added and removed fields and list items without name by index', () => {
    const live = { kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }], type: 'ClusterIP' } };
    const desired = { kind: 'Service', metadata: { name: 's', labels: { a: 'b' } }, spec: { ports: [{ port: 80 }, { port: 81 }] } };
    assert.deepEqual(diffObjects(live, desired), [
      { path: 'metadata.labels', to: { a: 'b' } },
      { path: 'spec.ports[1]', to: { port: 81 } },
      { path: 'spec.type', from: 'ClusterIP' },
    ]);
  });

  it('quotes keys that are not simple names', () => {
    const live = { kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'app.conf': 'a' } };
    const desired = { kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'app.conf': 'b' } };
    assert.deepEqual(diffObjects(live, desired), [{ path: 'data["app.conf"]', from: 'a', to: 'b' }]);
  });

  it('never answers a Secret value', () => {
    const live = { kind: 'Secret', metadata: { name: 'db' }, data: { password: 'aHVudGVyMg==' } };
    const desired = { kind: 'Secret', metadata: { name: 'db' }, data: { password: 'c2VjcmV0', token: 'dG9rZW4=' } };
    const fields = diffObjects(live, desired);
    assert.deepEqual(fields, [
      { path: 'data.password', from: SECRET_VALUE, to: SECRET_VALUE },
      { path: 'data.token', to: SECRET_VALUE },
    ]);
    const whole = diffObjects({ kind: 'Secret', metadata: { name: 'db' } }, desired);
    assert.deepEqual(whole, [{ path: 'data', to: { password: SECRET_VALUE, token: SECRET_VALUE } }]);
    assert.doesNotMatch(JSON.stringify([fields, whole]), /c2VjcmV0|dG9rZW4|aHVudGVy/);
  });

  it('summarizes actions', () => {
    assert.deepEqual(summarize([{ action: 'create', apiVersion: 'v1', kind: 'Service', name: 'a' }, { action: 'unchanged', apiVersion: 'v1', kind: 'Service', name: 'b' }]), { create: 1, change: 0, prune: 0, unchanged: 1 });
  });
});
