/**
 * `npm run histories:record`: runs the example scenarios on the real servers and saves their
 * Temporal event histories under test/histories/. test/replay.test.ts replays them through the
 * current workflow code, so a change that would break runs already in flight fails the tests.
 * Record again only on purpose (a deliberate, versioned change to the workflow);
 * `npm run histories:record -- <name>` records one scenario and leaves the others as they were.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { Client } from '@temporalio/client';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { pino } from 'pino';
import { clusterUp } from '../dev/cluster.js';
import { startDevTemporal } from '../dev/temporal.js';
import { compile, parseSpecText, validateApplication } from '../src/index.js';
import { approveUpdate, coordinatorId, RUN_WORKFLOW_TYPE, statusQuery } from '../workflows/contract.js';
import { createKubeMinWorker, loadKubeConfig } from '../workers/worker.js';
import { toolPaths } from '../dev/tools.js';

const OUT = new URL('../test/histories/', import.meta.url);
const taskQueue = 'record-histories';

async function spec(file: string, namespace: string): Promise<unknown> {
  return { ...(parseSpecText(await readFile(new URL(`../examples/${file}`, import.meta.url), 'utf8')) as object), namespace };
}

Runtime.install({ logger: new DefaultLogger('WARN') });
const cluster = await clusterUp();
const temporal = await startDevTemporal();
const connection = await NativeConnection.connect({ address: temporal.address });
const kmWorker = await createKubeMinWorker({ connection, namespace: 'default', taskQueue, kubeConfig: loadKubeConfig(cluster.kubeconfig), log: pino({ level: 'warn' }) });
const running = kmWorker.run();
const client = new Client({ connection: temporal.env.connection });
const stamp = Date.now().toString(36);

const scenarios: Record<string, () => Promise<string>> = {
  // the seed scenario: store, Job, web + worker in parallel, gateway, then pruning
  'seed-scenario': async () => {
    const plan = compile(validateApplication(await spec('seed-scenario.yaml', `rec-seed-${stamp}`)));
    const h = await client.workflow.start(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue, workflowId: `rec-seed-${stamp}` });
    await h.result();
    return h.workflowId;
  },
  // an approval granted through the update, then a deploy; and a gpu-check that fails
  'approval-and-gpu-check': async () => {
    const plan = compile(
      validateApplication({
        ...((await spec('hello-web.yaml', `rec-approve-${stamp}`)) as object),
        workflow: {
          steps: [
            { name: 'release', type: 'approval' },
            { name: 'ship', type: 'deploy', components: ['web'] },
            { name: 'gpus', type: 'gpu-check', properties: { gpusPerPod: 8 }, if: 'always' },
          ],
        },
      }),
    );
    const h = await client.workflow.start(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue, workflowId: `rec-approve-${stamp}` });
    for (let i = 0; i < 100 && !(await h.query(statusQuery)).steps[0]?.awaitingApproval; i++) await new Promise((r) => setTimeout(r, 100));
    await h.executeUpdate(approveUpdate, { args: [{ step: 'release', approved: true, by: 'recorder' }] });
    await h.result().catch(() => undefined);
    return h.workflowId;
  },
  // a retry of a failed run (the deploy it did is not done again) whose Job fails again
  'resume-and-failed-job': async () => {
    const plan = compile(
      validateApplication({
        name: 'again',
        namespace: `rec-resume-${stamp}`,
        components: [
          { name: 'web', type: 'webservice', image: 'web:1', port: 80 },
          { name: 'migrate', type: 'job', image: 'migrate:1', annotations: { 'kubemin.io/kwok-fail': 'relation "users" already exists' } },
        ],
        workflow: { steps: [{ name: 'ship', type: 'deploy', components: ['web'] }, { name: 'tables', type: 'job', components: ['migrate'], dependsOn: ['ship'] }] },
      }),
    );
    const h = await client.workflow.start(RUN_WORKFLOW_TYPE, { args: [{ ...plan, resume: { run: 'an-earlier-run', succeeded: ['ship'] } }], taskQueue, workflowId: `rec-resume-${stamp}` });
    await h.result().catch(() => undefined);
    return h.workflowId;
  },
  // two revisions of one application back to back: the second queued behind the first (its history)
  'queued-behind': async () => {
    const namespace = `rec-queue-${stamp}`;
    const rev = (image: string, ready: string) => compile(validateApplication({ name: 'queued', namespace, components: [{ name: 'web', type: 'webservice', image, port: 80, annotations: { 'kubemin.io/kwok-ready-after': ready } }] }));
    const first = await client.workflow.start(RUN_WORKFLOW_TYPE, { args: [rev('web:1', '3s')], taskQueue, workflowId: `rec-queue-1-${stamp}` });
    const second = await client.workflow.start(RUN_WORKFLOW_TYPE, { args: [rev('web:2', '0s')], taskQueue, workflowId: `rec-queue-2-${stamp}` });
    await Promise.all([first.result(), second.result()]);
    return second.workflowId;
  },
  // the coordinator of the application above: enqueue, admit, watch, release, twice
  coordinator: async () => coordinatorId('queued', `rec-queue-${stamp}`),
};
// `npm run histories:record -- name...` records only those
const only = process.argv.slice(2);

try {
  for (const [name, run] of Object.entries(scenarios).filter(([n]) => only.length === 0 || only.includes(n))) {
    const id = await run();
    // the CLI writes the standard JSON history format every Temporal SDK's replayer reads
    const { stdout } = await promisify(execFile)((await toolPaths()).temporal, ['workflow', 'show', '-w', id, '--address', temporal.address, '--output', 'json'], { maxBuffer: 64 * 1024 * 1024 });
    await writeFile(new URL(`${name}.json`, OUT), stdout);
    process.stdout.write(`recorded ${name} (${(JSON.parse(stdout) as { events: unknown[] }).events.length} events)\n`);
  }
} finally {
  kmWorker.worker.shutdown();
  await running;
  await connection.close();
  await temporal.stop();
}
