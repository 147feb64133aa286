/**
 * The local cluster is real: a real API server and scheduler, with kwok's simulated nodes.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { BatchV1Api, type V1Pod } from '@kubernetes/client-node';
import { clusterUp } from '../dev/cluster.js';
import { kubeApis, kubeConfig, namespaces } from './support/servers.js';

const { core } = kubeApis();
const scratch = namespaces('cl');

async function eventually<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; last seen: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function newNamespace(): Promise<string> {
  const name = scratch.next();
  await core.createNamespace({ body: { metadata: { name } } });
  await eventually('the default ServiceAccount', () => core.listNamespacedServiceAccount({ namespace: name }), (l) => l.items.some((s) => s.metadata?.name === 'default'));
  return name;
}

const pod = (name: string, gpus: number, annotations: Record<string, string> = {}): V1Pod => ({
  metadata: { name, annotations },
  spec: {
    restartPolicy: 'Never',
    containers: [{ name: 'main', image: 'cuda:12', resources: gpus ? { limits: { 'nvidia.com/gpu': String(gpus) } } : {} }],
  },
});

describe('local Kubernetes cluster', () => {
  after(() => scratch.cleanup());

  it('has three CPU nodes and two GPU nodes with 4 nvidia.com/gpu each, all Ready', async () => {
    const nodes = (await core.listNode()).items;
    const gpu = nodes.filter((n) => n.status?.capacity?.['nvidia.com/gpu']);
    assert.equal(nodes.length - gpu.length, 3);
    assert.equal(gpu.length, 2);
    for (const n of gpu) {
      assert.equal(n.status?.capacity?.['nvidia.com/gpu'], '4');
      assert.equal(n.status?.allocatable?.['nvidia.com/gpu'], '4');
    }
    assert.ok(nodes.every((n) => n.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True'));
  });

  it('runs a pod that fits on a GPU node', async () => {
    const namespace = await newNamespace();
    await core.createNamespacedPod({ namespace, body: pod('fits', 2) });
    const p = await eventually('the pod to run', () => core.readNamespacedPod({ name: 'fits', namespace }), (p) => p.status?.phase === 'Running');
    assert.match(p.spec?.nodeName ?? '', /^kwok-gpu-/);
  });

  it('leaves a pod wanting more GPUs than any node has Pending with the scheduler\'s Unschedulable reason', async () => {
    const namespace = await newNamespace();
    await core.createNamespacedPod({ namespace, body: pod('too-big', 8) });
    const p = await eventually(
      'the scheduler to give up',
      () => core.readNamespacedPod({ name: 'too-big', namespace }),
      (p) => p.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'Unschedulable') ?? false,
    );
    assert.equal(p.status?.phase, 'Pending');
    const scheduled = p.status?.conditions?.find((c) => c.type === 'PodScheduled');
    assert.match(scheduled?.message ?? '', /0\/5 nodes are available: .*Insufficient nvidia\.com\/gpu/);
  });

  it('fails a pod annotated kubemin.io/kwok-fail with its message (the test-only failing stage)', async () => {
    const namespace = await newNamespace();
    await core.createNamespacedPod({ namespace, body: pod('broken', 0, { 'kubemin.io/kwok-fail': 'relation "users" already exists' }) });
    const p = await eventually('the pod to fail', () => core.readNamespacedPod({ name: 'broken', namespace }), (p) => p.status?.phase === 'Failed');
    const term = p.status?.containerStatuses?.[0]?.state?.terminated;
    assert.equal(term?.exitCode, 1);
    assert.equal(term?.message, 'relation "users" already exists');
  });

  it('completes pods owned by a Job', async () => {
    const namespace = await newNamespace();
    const batch = kubeConfig().makeApiClient(BatchV1Api);
    await batch.createNamespacedJob({
      namespace,
      body: { metadata: { name: 'migrate' }, spec: { backoffLimit: 0, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'migrate:1' }] } } } },
    });
    const job = await eventually('the Job to complete', () => batch.readNamespacedJob({ name: 'migrate', namespace }), (j) => (j.status?.succeeded ?? 0) === 1);
    assert.equal(job.status?.conditions?.find((c) => c.type === 'Complete')?.status, 'True');
  });

  it('`up` is idempotent: a second call finds the running cluster', async () => {
    const lines: string[] = [];
    const c = await clusterUp({ say: (l) => lines.push(l) });
    assert.equal(c.started, false);
    assert.match(lines.join('\n'), /already running/);
  });
});
