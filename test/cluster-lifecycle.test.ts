/**
 * cluster:up / cluster:down on a second, throw-away cluster: up is idempotent, a cluster whose
 * processes died (a reboot, a killed session) comes back with its data, and down leaves no
 * process behind.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { KubeConfig, CoreV1Api } from '@kubernetes/client-node';
import { clusterDown, clusterUp } from '../dev/cluster.js';
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

  it('comes back with its objects after its processes were killed', async () => {
    const kc = new KubeConfig();
    kc.loadFromFile((await clusterUp(quiet)).kubeconfig);
    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: 'survivor' } } });
    await killAll(name);
    assert.deepEqual(processesOf(name), []);
    const again = await clusterUp(quiet);
    assert.equal(again.started, true);
    const ns = await core.readNamespace({ name: 'survivor' });
    assert.equal(ns.metadata?.name, 'survivor');
  });

  it('down leaves no process behind, and a second down is a no-op', async () => {
    await clusterDown(quiet);
    assert.deepEqual(processesOf(name), []);
    await clusterDown(quiet);
  });
});
