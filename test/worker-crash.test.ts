/**
 * A killed worker loses nothing: the worker process is SIGKILLed while an activity is waiting for
 * a rollout (the Job's pod takes seconds to start, `kubemin.io/kwok-ready-after`) and started
 * again; Temporal retries the wait on the new process once its heartbeats stop, the run goes on
 * and Succeeds, and its migration Job exists once (deterministic name, create-or-adopt by
 * server-side apply).
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { BatchV1Api } from '@kubernetes/client-node';
import { compile, validateApplication } from '../src/index.js';
import { RUN_WORKFLOW_TYPE, type RunStatus } from '../workflows/contract.js';
import { kubeConfig, namespaces, temporalClient, uniqueName } from './support/servers.js';
import { killed, startWorkerProcess } from './support/worker-child.js';

const taskQueue = uniqueName('crash');
const startWorker = () => startWorkerProcess(taskQueue);

describe('a worker killed mid-run (separate worker process, Temporal dev server, local cluster)', () => {
  const scratch = namespaces('crash');
  let worker: ChildProcess | undefined;
  after(async () => {
    if (worker && worker.exitCode === null) await killed(worker);
    await scratch.cleanup();
  });

  it('finishes Succeeded after a SIGKILL and a restart, with one Job', async () => {
    const { client, connection } = await temporalClient();
    try {
      const ns = scratch.next();
      const plan = compile(
        validateApplication({
          name: 'crash',
          namespace: ns,
          components: [
            { name: 'migrate', type: 'job', image: 'migrate:1', annotations: { 'kubemin.io/kwok-ready-after': '4s' } },
            { name: 'web', type: 'webservice', image: 'web:1', port: 80 },
          ],
          workflow: {
            steps: [
              { name: 'tables', type: 'job', components: ['migrate'] },
              { name: 'ship', type: 'deploy', components: ['web'] },
            ],
          },
        }),
      );
      worker = await startWorker();
      const handle = await client.workflow.start(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue, workflowId: uniqueName('crash-run') });
      const waitingOnJob = async () => (await handle.describe()).raw.pendingActivities?.some((a) => a.activityId?.startsWith('wait/tables/Job/')) ?? false;
      for (let i = 0; i < 200 && !(await waitingOnJob()); i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(await waitingOnJob(), 'the run never waited on the Job');

      await killed(worker); // mid-rollout: the run's state lives in Temporal, not in this process
      worker = await startWorker();
      const result = (await handle.result()) as RunStatus;
      assert.equal(result.phase, 'Succeeded');
      assert.deepEqual(result.steps.map((s) => [s.name, s.phase]), [['tables', 'Succeeded'], ['ship', 'Succeeded']]);
      const jobs = await kubeConfig().makeApiClient(BatchV1Api).listNamespacedJob({ namespace: ns });
      assert.equal(jobs.items.length, 1, jobs.items.map((j) => j.metadata?.name).join());
      // the wait that was in flight when the worker died completed on a later attempt
      const history = await handle.fetchHistory();
      const scheduled = history.events?.find((e) => e.activityTaskScheduledEventAttributes?.activityId?.startsWith('wait/tables/Job/'));
      const started = history.events?.find((e) => e.activityTaskStartedEventAttributes?.scheduledEventId?.toString() === scheduled?.eventId?.toString());
      assert.ok((started?.activityTaskStartedEventAttributes?.attempt ?? 0) >= 2, `the Job wait completed on attempt ${started?.activityTaskStartedEventAttributes?.attempt}`);
    } finally {
      await connection.close();
    }
  });
});
