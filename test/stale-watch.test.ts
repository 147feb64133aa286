/**
 * A wait never judges an observation older than its apply. The fault: a watch whose cache lags,
 * serving for a few seconds after a wait starts the object as the previous wait last saw it (the
 * old, ready Deployment). A wait that judged it would call the new rollout ready before it exists;
 * KubeMin's waits carry the generation the apply returned and refuse anything older.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KubernetesObject } from '@kubernetes/client-node';
import { NativeConnection } from '@temporalio/worker';
import type { WorkloadWatch } from '../activities/index.js';
import { compile, validateApplication } from '../src/index.js';
import { RUN_WORKFLOW_TYPE, type RunStatus } from '../workflows/contract.js';
import { createKubeMinWorker, type KubeMinWorker } from '../workers/worker.js';
import { kubeApis, kubeConfig, namespaces, quietRuntime, temporalClient, testLog, uniqueName } from './support/servers.js';

const LAG_MS = 3_000;

/** The real watch, lagging: what each wait ended on is recorded (target and generation judged). */
function laggingWatch(real: WorkloadWatch, judged: { target: string; generation: number | undefined }[]): WorkloadWatch {
  const lastSeen = new Map<string, KubernetesObject>();
  return {
    ...real,
    waitFor(target, evaluate, signal, opts = {}) {
      const key = `${target.kind}/${target.namespace}/${target.name}`;
      const stale = lastSeen.get(key);
      const until = Date.now() + LAG_MS;
      const lagging = () => stale !== undefined && Date.now() < until;
      const lagged = (obj: KubernetesObject | undefined) => {
        const shown = lagging() ? stale : obj;
        if (!lagging() && obj) lastSeen.set(key, obj);
        const r = evaluate(shown);
        if (r !== undefined) judged.push({ target: key, generation: shown?.metadata?.generation });
        return r;
      };
      return real.waitFor(target, lagged, signal, { ...opts, recheckAt: () => (lagging() ? until : opts.recheckAt?.()) });
    },
  };
}

describe('a lagging watch (Temporal dev server + local cluster, fault injected around the real watch)', () => {
  const scratch = namespaces('stale');
  const judged: { target: string; generation: number | undefined }[] = [];
  const taskQueue = uniqueName('stale');
  let worker: KubeMinWorker;
  let running: Promise<void>;
  let connection: NativeConnection;

  before(async () => {
    quietRuntime();
    connection = await NativeConnection.connect({ address: process.env.KUBEMIN_TEST_TEMPORAL_ADDRESS ?? '' });
    worker = await createKubeMinWorker({ connection, namespace: 'default', taskQueue, kubeConfig: kubeConfig(), log: testLog, wrapWatch: (real) => laggingWatch(real, judged) });
    running = worker.run();
  });
  after(async () => {
    await scratch.cleanup();
    worker?.worker.shutdown();
    await running;
    await connection?.close();
  });

  it('waits for the new generation instead of calling the previous rollout ready', async () => {
    const { client, connection: c } = await temporalClient();
    try {
      const ns = scratch.next();
      const run = (component: Record<string, unknown>) =>
        client.workflow.execute(RUN_WORKFLOW_TYPE, {
          args: [compile(validateApplication({ name: 'stale', namespace: ns, components: [{ name: 'web', type: 'webservice', port: 80, ...component }] }))],
          taskQueue,
          workflowId: uniqueName('stale-run'),
        }) as Promise<RunStatus>;
      const key = `Deployment/${ns}/web`;

      assert.equal((await run({ image: 'web:1' })).phase, 'Succeeded');
      assert.equal(judged.filter((j) => j.target === key).at(-1)?.generation, 1);

      // the new image's pods take seconds to start; the watch shows the old ready Deployment meanwhile
      const second = await run({ image: 'web:2', annotations: { 'kubemin.io/kwok-ready-after': '4s' } });
      assert.equal(second.phase, 'Succeeded', JSON.stringify(second.steps));
      assert.equal(judged.filter((j) => j.target === key).at(-1)?.generation, 2, 'the wait judged the Deployment as it was before the apply');
      const d = await kubeApis().apps.readNamespacedDeployment({ name: 'web', namespace: ns });
      assert.equal(d.spec?.template.spec?.containers[0]?.image, 'web:2');
      assert.deepEqual(
        [d.status?.observedGeneration, d.status?.updatedReplicas, d.status?.availableReplicas, d.status?.replicas],
        [d.metadata?.generation, 1, 1, 1],
        'the run ended before the new rollout was ready',
      );
    } finally {
      await c.close();
    }
  });
});
