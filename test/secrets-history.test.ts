/**
 * Secrets stay out of Temporal's history and the logs: a run of a spec with a secret component,
 * on a worker and a client with the encryption codec, leaves only ciphertext in the history a
 * client without the codec reads, and the production redaction keeps it out of the worker's
 * logs. The same run without the codec shows the value in history: the check can fail.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { compile, validateApplication } from '../src/index.js';
import { RUN_WORKFLOW_TYPE, runId, statusQuery, type RunStatus } from '../workflows/contract.js';
import { createEncryptionCodec, generateCodecKey, parseCodecKeys } from '../workers/codec.js';
import { createLogger } from '../workers/logger.js';
import { dataConverter, sdkLogger } from '../workers/temporal-setup.js';
import { createKubeMinWorker, type KubeMinWorker } from '../workers/worker.js';
import { kubeApis, kubeConfig, namespaces, quietRuntime, startTestWorker, temporalClient, uniqueName, type TestWorker } from './support/servers.js';

const SECRET = 'hunter2-Zq9-not-in-history';
const NEEDLES = [SECRET, Buffer.from(SECRET).toString('base64')];

/** Every string of a history: its JSON, and each byte array (payload data, metadata) as latin1. */
function haystacks(value: unknown, out: string[] = [JSON.stringify(value)]): string[] {
  if (value instanceof Uint8Array) out.push(Buffer.from(value).toString('latin1'));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => haystacks(v, out));
  return out;
}

const leaks = (texts: readonly string[]): string[] => NEEDLES.filter((n) => texts.some((t) => t.includes(n)));

describe('secrets out of Temporal history (Temporal dev server + local cluster)', () => {
  const codec = createEncryptionCodec(parseCodecKeys(generateCodecKey()));
  const scratch = namespaces('sh');
  const logLines: string[] = [];
  // the production logger (field redaction and blanking of applied secret values), for KubeMin's lines and the SDK's
  const log = createLogger('debug', 'test', { write: (line: string) => logLines.push(line) });
  let rawWorker: TestWorker;
  let encrypted: { w: KubeMinWorker; taskQueue: string; running: Promise<void> };
  let raw: Awaited<ReturnType<typeof temporalClient>>;
  let sealed: Client;

  before(async () => {
    quietRuntime(sdkLogger(log));
    rawWorker = await startTestWorker();
    // the encrypted worker shares the raw worker's connection, so it is stopped first
    const taskQueue = uniqueName('tq-enc');
    const w = await createKubeMinWorker({ connection: rawWorker.connection, namespace: 'default', taskQueue, kubeConfig: kubeConfig(), log, payloadCodecs: [codec] });
    encrypted = { w, taskQueue, running: w.run() };
    raw = await temporalClient();
    sealed = new Client({ connection: raw.connection, dataConverter: dataConverter(codec) });
  });
  after(async () => {
    await scratch.cleanup();
    encrypted?.w.worker.shutdown();
    await encrypted?.running;
    await rawWorker?.stop();
    await raw?.connection.close();
  });

  /** Runs a spec that fails with the secret in its failure message; returns the history as a client without the codec reads it. */
  async function failWithSecret(client: Client, taskQueue: string): Promise<{ handle: WorkflowHandle; history: string[] }> {
    const plan = compile(
      validateApplication({
        name: 'leaky',
        namespace: scratch.next(),
        // the container's termination message says the secret (as a careless entrypoint might)
        components: [{ name: 'migrate', type: 'job', image: 'migrate:1', annotations: { 'kubemin.io/kwok-fail': `cannot log in with ${SECRET}` } }],
      }),
    );
    const handle = await client.workflow.start(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue, workflowId: runId(plan.namespace, uniqueName('sh-fail')) });
    await assert.rejects(handle.result());
    return { handle, history: haystacks(await raw.client.workflow.getHandle(handle.workflowId).fetchHistory()) };
  }

  /** Runs the spec with the secret to its end; returns the history as a client without the codec reads it. */
  async function runWithSecret(client: Client, taskQueue: string): Promise<{ handle: WorkflowHandle; result: RunStatus; history: string[]; namespace: string }> {
    const namespace = scratch.next();
    const plan = compile(
      validateApplication({
        name: 'vault',
        namespace,
        components: [
          { name: 'db-creds', type: 'secret', properties: { stringData: { password: SECRET } } },
          { name: 'web', type: 'webservice', image: 'web:1', port: 80, traits: { envs: [{ name: 'DB_PASSWORD', valueFrom: { secret: { name: 'db-creds', key: 'password' } } }] } },
        ],
      }),
    );
    const handle = await client.workflow.start(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue, workflowId: runId(plan.namespace, uniqueName('sh-run')) });
    const result = (await handle.result()) as RunStatus;
    const history = haystacks(await raw.client.workflow.getHandle(handle.workflowId).fetchHistory());
    return { handle, result, history, namespace };
  }

  it('keeps the secret out of history and logs when worker and client have the codec', async () => {
    const { result, history, namespace } = await runWithSecret(sealed, encrypted.taskQueue);
    assert.equal(result.phase, 'Succeeded', JSON.stringify(result));
    // the activities did get the plaintext: the Secret in the cluster carries it
    const secret = await kubeApis().core.readNamespacedSecret({ name: 'db-creds', namespace });
    assert.equal(Buffer.from(secret.data?.password ?? '', 'base64').toString(), SECRET);

    assert.ok(history.some((t) => t.includes('binary/encrypted')), 'payloads in history are marked encrypted');
    assert.deepEqual(leaks(history), []);
    assert.ok(logLines.some((l) => l.includes('applied manifests')), 'the worker logged its activities');
    assert.deepEqual(leaks(logLines), [], logLines.filter((l) => leaks([l]).length).join('\n'));
  });

  it('is a real check: without the codec the secret is in history', async () => {
    const { result, history } = await runWithSecret(raw.client, rawWorker.taskQueue);
    assert.equal(result.phase, 'Succeeded', JSON.stringify(result));
    assert.ok(leaks(history).includes(SECRET), 'the plaintext is in the raw history');
  });

  it('keeps a failure message that carries the secret out of history too; an authorised client still reads it', async () => {
    const { handle, history } = await failWithSecret(sealed, encrypted.taskQueue);
    assert.deepEqual(leaks(history), []);
    assert.ok(history.some((t) => t.includes('Encoded failure')), 'failure messages are encoded');
    const status = await handle.query(statusQuery);
    assert.match(status.steps[0]?.message ?? '', new RegExp(`migrate exited 1: cannot log in with ${SECRET}`), 'the codec holder sees the real message');
    // the SDK logged the failed activity, as JSON through the same logger, with the value blanked
    assert.ok(logLines.some((l) => l.includes('temporal-sdk') && l.includes('cannot log in with [redacted]')), 'the SDK\'s failure log line, blanked');
    assert.deepEqual(leaks(logLines), [], logLines.filter((l) => leaks([l]).length).join('\n'));
  });

  it('is a real check for failures: without the codec the failure message is in history', async () => {
    const { history } = await failWithSecret(raw.client, rawWorker.taskQueue);
    assert.ok(leaks(history).includes(SECRET));
  });
});
