/**
 * cluster:up / cluster:down on a second, throw-away cluster: up is idempotent, a stopped cluster
 * (`npm test`, `npm start` stop theirs) and one whose processes died (a reboot, a killed
 * session) come back with their data and return only once pods really start, and down leaves
 * no process and no volume directory behind.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AppsV1Api, KubeConfig, CoreV1Api } from '@kubernetes/client-node';
import { clusterDown, clusterStop, clusterUp } from '../dev/cluster.js';
import { toolPaths } from '../dev/tools.js';
import { uniqueName } from './support/servers.js';

const name = uniqueName('lifecycle');
const quiet = { name, say: () => undefined };

function processesOf(cluster: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', `clusters/${cluster}/`], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

async function killAll(cluster: string): Promise<void> {
  const pids = join((await toolPaths()).cache, 'kwok', 'clusters', cluster, 'pids');
  for (const f of readdirSync(pids)) {
    try {
      process.kill(Number(readFileSync(join(pids, f), 'utf8').trim()), 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  await new Promise((r) => setTimeout(r, 500));
}

/**
 * Once `up` has returned, a new Deployment gets its pod placed and started at once (the
 * controller manager, the scheduler and kwok all work). The bound only separates "at once" from
 * what a restarted cluster used to do (pods Pending for 90 s and more while kwok waited for the
 * node leases its previous process held; no ReplicaSet for 25 s while the controller manager
 * waited for its leader lease); it is no speed target.
 */
const STARTS_AT_ONCE_MS = 10_000;

async function assertPodsStartAtOnce(kc: KubeConfig): Promise<void> {
  const [apps, core] = [kc.makeApiClient(AppsV1Api), kc.makeApiClient(CoreV1Api)];
  const name = uniqueName('after-up');
  const labels = { app: name };
  const t0 = Date.now();
  await apps.createNamespacedDeployment({
    namespace: 'default',
    body: { metadata: { name }, spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'main', image: 'app:1' }] } } } },
  });
  let seen = 'no pod';
  try {
    while (Date.now() - t0 < STARTS_AT_ONCE_MS) {
      const pods = (await core.listNamespacedPod({ namespace: 'default', labelSelector: `app=${name}` })).items;
      if (pods.some((p) => p.status?.phase === 'Running')) return;
      seen = pods.map((p) => `${p.status?.phase ?? '?'} on ${p.spec?.nodeName ?? 'no node'}`).join(', ') || 'no pod';
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.fail(`a Deployment created right after \`up\` returned had ${seen} after ${STARTS_AT_ONCE_MS / 1000}s`);
  } finally {
    await apps.deleteNamespacedDeployment({ name, namespace: 'default' }).catch(() => undefined);
  }
}

function configOf(kubeconfig: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  return kc;
}

describe('local cluster lifecycle', () => {
  after(() => clusterDown(quiet));

  it('comes up, and a second up finds it running', async () => {
    const first = await clusterUp(quiet);
    assert.equal(first.started, true);
    assert.ok(processesOf(name).length >= 5, 'etcd, apiserver, controller-manager, scheduler and kwok run');
    const second = await clusterUp(quiet);
    assert.equal(second.started, false);
    assert.equal(second.kubeconfig, first.kubeconfig);
  });

  it('starts again after a stop with its objects, and returns only once a probe pod ran on every node', async () => {
    const kc = configOf((await clusterUp(quiet)).kubeconfig);
    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: 'kept' } } });
    await assertPodsStartAtOnce(kc);
    await clusterStop(quiet);
    assert.deepEqual(processesOf(name), []);
    const lines: string[] = [];
    const again = await clusterUp({ name, say: (l) => lines.push(l) });
    assert.equal(again.started, true);
    await assertPodsStartAtOnce(kc);
    assert.match(lines.join('\n'), /pods start: a probe Deployment's pod ran on each of the 5 nodes [\d.]+s after/);
    assert.equal((await core.readNamespace({ name: 'kept' })).metadata?.name, 'kept');
  });

  it('comes back with its objects after its processes were killed, and pods start at once', async () => {
    const kc = configOf((await clusterUp(quiet)).kubeconfig);
    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: 'survivor' } } });
    await killAll(name);
    assert.deepEqual(processesOf(name), []);
    const again = await clusterUp(quiet);
    assert.equal(again.started, true);
    await assertPodsStartAtOnce(kc);
    const ns = await core.readNamespace({ name: 'survivor' });
    assert.equal(ns.metadata?.name, 'survivor');
  });

  it('down leaves no process and no volume directory behind, and a second down is a no-op', async () => {
    const core = configOf((await clusterUp(quiet)).kubeconfig).makeApiClient(CoreV1Api);
    await core.createNamespacedPersistentVolumeClaim({ namespace: 'default', body: { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } });
    let volume = '';
    for (const deadline = Date.now() + 30_000; !volume && Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
      volume = (await core.readNamespacedPersistentVolumeClaim({ name: 'data', namespace: 'default' })).spec?.volumeName ?? '';
    }
    const dir = (await core.readPersistentVolume({ name: volume })).spec?.hostPath?.path ?? '';
    assert.ok(existsSync(dir), `the provisioner made ${dir}`);
    await clusterDown(quiet);
    assert.deepEqual(processesOf(name), []);
    assert.equal(existsSync(dir), false, `${dir} is gone`);
    await clusterDown(quiet);
  });
});
