/**
 * Secrets stay out of Temporal's history and the logs: a run of a spec with a secret component,
 * on a worker and a client with the encryption codec, leaves only ciphertext in the history a
 * client without the codec reads, and the production redaction keeps it out of the worker's
 * logs. The same run without the codec shows the value in history: the check can fail.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { pino } from 'pino';
import { compile, validateApplication } from '../src/index.js';
import { RUN_WORKFLOW_TYPE, type RunStatus } from '../workflows/contract.js';
import { createEncryptionCodec, generateCodecKey, parseCodecKeys } from '../workers/codec.js';
import { REDACT_PATHS } from '../workers/logger.js';
import { createKubeMinWorker, type KubeMinWorker } from '../workers/worker.js';
import { kubeApis, kubeConfig, namespaces, startTestWorker, temporalClient, uniqueName, type TestWorker } from './support/servers.js';

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
  const log = pino({ level: 'debug', redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, { write: (line: string) => logLines.push(line) });
  let rawWorker: TestWorker;
  let encrypted: { w: KubeMinWorker; taskQueue: string; running: Promise<void> };
  let raw: Awaited<ReturnType<typeof temporalClient>>;
  let sealed: Client;

  before(async () => {
    rawWorker = await startTestWorker();
    // the encrypted worker shares the raw worker's connection, so it is stopped first
    const taskQueue = uniqueName('tq-enc');
    const w = await createKubeMinWorker({ connection: rawWorker.connection, namespace: 'default', taskQueue, kubeConfig: kubeConfig(), log, payloadCodecs: [codec] });
    encrypted = { w, taskQueue, running: w.run() };
    raw = await temporalClient();
    sealed = new Client({ connection: raw.connection, dataConverter: { payloadCodecs: [codec] } });
  });
  after(async () => {
    await scratch.cleanup();
    encrypted?.w.worker.shutdown();
    await encrypted?.running;
    await rawWorker?.stop();
    await raw?.connection.close();
  });

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
    const handle = await client.workflow.start(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue, workflowId: uniqueName('sh-run') });
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
});
