/**
 * Plugin activities heartbeat while they run, so a worker that dies during one is noticed within
 * the heartbeat timeout (seconds), not after a 10-minute start-to-close limit; and an activity
 * that runs longer than the heartbeat timeout without heartbeating itself is not cut short.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { compile, validateApplication } from '../src/index.js';
import { RUN_WORKFLOW_TYPE, type RunStatus } from '../workflows/contract.js';
import { installPlugins } from '../workers/plugins.js';
import slow from './support/slow-plugin.js';
import { temporalClient, uniqueName } from './support/servers.js';
import { killed, startWorkerProcess } from './support/worker-child.js';

const taskQueue = uniqueName('plugin-hb');
const PLUGIN_PATH = fileURLToPath(new URL('./support/slow-plugin.ts', import.meta.url));
/** Longer than the 20 s heartbeat timeout: the plugin never heartbeats itself. */
const RUNS_FOR_SECONDS = 25;
/** The run must end well before a 10-minute limit could have noticed the dead worker. */
const NOTICED_WITHIN_MS = 90_000;

describe('a worker killed during a plugin step (separate worker process, Temporal dev server)', () => {
  let worker: ChildProcess | undefined;
  after(async () => {
    if (worker && worker.exitCode === null) await killed(worker);
  });

  it('is noticed within the heartbeat timeout; the step runs again on a new worker and succeeds', async () => {
    installPlugins([slow]);
    const { client, connection } = await temporalClient();
    try {
      const plan = compile(validateApplication({ name: 'plug', namespace: uniqueName('plug'), components: [{ name: 'web', type: 'webservice', image: 'web:1' }], workflow: { steps: [{ name: 'slow', type: 'slow', properties: { seconds: RUNS_FOR_SECONDS } }] } }));
      const start = () => startWorkerProcess(taskQueue, { KUBEMIN_PLUGINS: PLUGIN_PATH });
      worker = await start();
      const handle = await client.workflow.start(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue, workflowId: uniqueName('plugin-hb-run') });
      const running = async () => (await handle.describe()).raw.pendingActivities?.some((a) => a.activityType?.name === 'slowStep' && a.lastStartedTime) ?? false;
      for (let i = 0; i < 200 && !(await running()); i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(await running(), 'the plugin activity never started');

      await killed(worker);
      const killedAt = Date.now();
      worker = await start();
      const result = (await Promise.race([
        handle.result(),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`the dead worker was not noticed within ${NOTICED_WITHIN_MS / 1000}s`)), NOTICED_WITHIN_MS).unref()),
      ])) as RunStatus;
      assert.equal(result.phase, 'Succeeded', JSON.stringify(result.steps));
      assert.equal(result.steps[0]?.message, `ran for ${RUNS_FOR_SECONDS}s`);
      assert.ok(Date.now() - killedAt < NOTICED_WITHIN_MS);

      const history = await handle.fetchHistory();
      const scheduled = history.events?.find((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'slowStep');
      const started = history.events?.find((e) => e.activityTaskStartedEventAttributes?.scheduledEventId?.toString() === scheduled?.eventId?.toString());
      assert.ok((started?.activityTaskStartedEventAttributes?.attempt ?? 0) >= 2, 'the step completed on its first attempt: the worker was not killed during it');
      const timedOut = history.events?.some((e) => e.activityTaskTimedOutEventAttributes) ?? false;
      assert.equal(timedOut, false, 'the activity timed out for good');
    } finally {
      await connection.close();
    }
  });
});
