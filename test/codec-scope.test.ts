/**
 * Codec scope and plaintext refusal on the real servers (Temporal dev server + local cluster),
 * with the encryption codec on the worker, the API and its /codec routes:
 * - a run's payloads, taken from its real history, decode only for tokens of the run's namespace
 *   (and an admin); changing a payload's namespace metadata breaks its authentication;
 * - a run written straight to Temporal (past the API) with a plaintext plan, or with a plan
 *   sealed for one namespace that names another, fails with PlaintextInput /
 *   PayloadNamespaceMismatch and applies nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { Client, WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, defaultPayloadConverter, type Payload } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createApp } from '../api/app.js';
import { parseTokens } from '../api/auth.js';
import { compile, validateApplication, type Plan } from '../src/index.js';
import { approveUpdate, RUN_WORKFLOW_TYPE, runId, statusQuery } from '../workflows/contract.js';
import { createEncryptionCodec, generateCodecKey, parseCodecKeys } from '../workers/codec.js';
import { guardWorkflowPayloads } from '../workers/payload-guard.js';
import { dataConverter } from '../workers/temporal-setup.js';
import { createKubeMinWorker, FAILURE_CONVERTER_PATH, WORKFLOW_INTERCEPTORS_PATH, WORKFLOWS_PATH, type KubeMinWorker } from '../workers/worker.js';
import { kubeApis, kubeConfig, namespaces, quietRuntime, temporalClient, testLog, uniqueName } from './support/servers.js';

const SECRET = 'hunter2-Zq9-codec-scope';
const TOKENS = { shop: 'shop-operator-token-0001', staging: 'staging-operator-token-01', admin: 'admin-token-000000000001' };

type JsonPayload = { metadata: Record<string, string>; data: string };
const toJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});
const fromJson = (p: JsonPayload): Payload => ({ metadata: Object.fromEntries(Object.entries(p.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')])), data: Buffer.from(p.data, 'base64') });
const meta = (p: Payload, key: string): string | undefined => (p.metadata?.[key] ? Buffer.from(p.metadata[key]).toString() : undefined);

/** Every payload in a history; aside: search attributes (Temporal indexes them in the clear) and patch markers (the SDK core writes their ids). */
const UNSEALED_BY_DESIGN = new Set(['searchAttributes', 'markerRecordedEventAttributes']);
function payloadsOf(value: unknown, out: Payload[] = []): Payload[] {
  if (!value || typeof value !== 'object' || value instanceof Uint8Array) return out;
  const o = value as Record<string, unknown>;
  if (o.metadata && typeof o.metadata === 'object' && 'data' in o) out.push(o as Payload);
  for (const [k, v] of Object.entries(o)) if (!UNSEALED_BY_DESIGN.has(k)) payloadsOf(v, out);
  return out;
}

describe('codec scope and plaintext refusal (Temporal dev server + local cluster)', () => {
  const codec = createEncryptionCodec(parseCodecKeys(generateCodecKey()));
  const staging = namespaces('staging-a');
  const shop = namespaces('shop');
  const taskQueue = uniqueName('tq-scope');
  let connection: NativeConnection;
  let worker: { w: KubeMinWorker; running: Promise<void> };
  let raw: Awaited<ReturnType<typeof temporalClient>>;
  let sealed: Client;
  let app: ReturnType<typeof createApp>;

  before(async () => {
    quietRuntime();
    connection = await NativeConnection.connect({ address: process.env.KUBEMIN_TEST_TEMPORAL_ADDRESS ?? '' });
    const w = await createKubeMinWorker({ connection, namespace: 'default', taskQueue, kubeConfig: kubeConfig(), log: testLog, payloadCodecs: [codec] });
    worker = { w, running: w.run() };
    raw = await temporalClient();
    sealed = new Client({ connection: raw.connection, dataConverter: dataConverter(codec) });
    const tokens = parseTokens(
      JSON.stringify([
        { name: 'shop-op', token: TOKENS.shop, role: 'operator', namespaces: ['shop-*'] },
        { name: 'staging-op', token: TOKENS.staging, role: 'operator', namespaces: ['staging-*'] },
        { name: 'root', token: TOKENS.admin, role: 'admin', namespaces: ['*'] },
      ]),
    );
    app = createApp({ temporal: sealed, taskQueue, uiUrl: 'http://127.0.0.1:8233', log: testLog, tokens, codec });
  });
  after(async () => {
    await staging.cleanup();
    await shop.cleanup();
    worker?.w.worker.shutdown();
    await worker?.running;
    await connection?.close();
    await raw?.connection.close();
  });

  const call = (path: string, token: string, body: unknown, type = 'application/json') =>
    app.request(path, { method: path.startsWith('/v1/runs/') ? 'GET' : 'POST', headers: { 'content-type': type, authorization: `Bearer ${token}` }, ...(path.startsWith('/v1/runs/') ? {} : { body: JSON.stringify(body) }) });

  const secretSpec = (namespace: string) => ({ name: 'vault', namespace, components: [{ name: 'creds', type: 'secret', properties: { stringData: { password: SECRET } } }] });
  const configPlan = (namespace: string): Plan => compile(validateApplication({ name: 'evil', namespace, components: [{ name: 'settings', type: 'config', properties: { data: { MODE: 'owned' } } }] }));

  /** Starts a run straight in Temporal (past the API) with the payload given, as someone who reaches Temporal would. */
  const startStraight = (workflowId: string, input: JsonPayload) =>
    raw.client.workflowService.startWorkflowExecution({
      namespace: 'default',
      workflowId,
      workflowType: { name: RUN_WORKFLOW_TYPE },
      taskQueue: { name: taskQueue },
      input: { payloads: [fromJson(input)] },
      identity: 'staging-operator-with-temporal-access',
      requestId: randomUUID(),
    });

  /** The failure a run ended with, as the codec holder reads it. */
  async function failureOf(id: string): Promise<ApplicationFailure> {
    const e = await sealed.workflow.getHandle(id).result().then(() => undefined, (err: unknown) => err);
    assert.ok(e instanceof WorkflowFailedError, `run ${id} should have failed, got ${String(e)}`);
    assert.ok(e.cause instanceof ApplicationFailure, String(e.cause));
    return e.cause;
  }

  /** Nothing of the run reached the cluster: not even its namespace exists. */
  async function assertNothingApplied(namespace: string): Promise<void> {
    await assert.rejects(kubeApis().core.readNamespace({ name: namespace }), (e: { code?: number }) => e.code === 404, `namespace ${namespace} should not exist`);
  }

  it('lets a shop operator decode no payload of a staging-a run (403), the staging operator and an admin all of them', async () => {
    const namespace = staging.next();
    const started = await call('/v1/runs', TOKENS.staging, secretSpec(namespace));
    assert.equal(started.status, 202, await started.clone().text());
    const { id } = (await started.json()) as { id: string };
    assert.ok(id.startsWith(`${namespace}.vault-`), id);
    await sealed.workflow.getHandle(id).result();

    // every payload of the run's real history is sealed for its namespace
    const history = await raw.client.workflow.getHandle(id).fetchHistory();
    const all = payloadsOf(history);
    assert.ok(all.length >= 3, `payloads in history: ${all.length}`);
    const where = (v: unknown, path = '$'): string[] => {
      if (!v || typeof v !== 'object' || v instanceof Uint8Array) return [];
      const o = v as Record<string, unknown>;
      if (o.metadata && 'data' in o && meta(o as Payload, 'kubemin-namespace') !== namespace) return [path];
      return Object.entries(o).filter(([k]) => !UNSEALED_BY_DESIGN.has(k)).flatMap(([k, x]) => where(x, `${path}.${k}`));
    };
    assert.deepEqual(where(history), []);
    assert.deepEqual([...new Set(all.map((p) => `${meta(p, 'encoding')} ${meta(p, 'kubemin-namespace')}`))], [`binary/encrypted ${namespace}`]);

    const input = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0] as Payload;
    const body = { payloads: [toJson(input)] };
    const refused = await call('/codec/decode', TOKENS.shop, body);
    assert.equal(refused.status, 403);
    const text = await refused.text();
    assert.ok(!text.includes(SECRET), 'no plaintext in the refusal');
    assert.deepEqual((JSON.parse(text) as { errors: { path: string }[] }).errors.map((e) => e.path), ['$.payloads[0]']);

    for (const token of [TOKENS.staging, TOKENS.admin]) {
      const res = await call('/codec/decode', token, body);
      assert.equal(res.status, 200);
      const [out] = ((await res.json()) as { payloads: JsonPayload[] }).payloads;
      const plan = defaultPayloadConverter.fromPayload(fromJson(out as JsonPayload)) as Plan;
      assert.equal(plan.namespace, namespace);
      assert.ok(JSON.stringify(plan).includes(SECRET));
    }

    // the shop operator relabels the payload as its own: authentication fails, nothing is decrypted
    const forged = { ...body.payloads[0], metadata: { ...body.payloads[0]?.metadata, 'kubemin-namespace': Buffer.from(shop.next()).toString('base64') } };
    const tampered = await call('/codec/decode', TOKENS.shop, { payloads: [forged] });
    assert.equal(tampered.status, 422);
    const tamperedText = await tampered.text();
    assert.match(tamperedText, /unable to authenticate data/);
    assert.ok(!tamperedText.includes(SECRET));
  });

  it('fails a run written straight to Temporal with a plaintext plan with PlaintextInput, and applies nothing', async () => {
    const namespace = staging.next();
    for (const workflowId of [runId(namespace, uniqueName('evil')), uniqueName('evil')]) {
      // a client without the codec: what anyone who reaches Temporal can do
      await raw.client.workflow.start(RUN_WORKFLOW_TYPE, { args: [configPlan(namespace)], taskQueue, workflowId });
      const failure = await failureOf(workflowId);
      assert.equal(failure.type, 'PlaintextInput');
      assert.equal(failure.nonRetryable, true);
      assert.match(failure.message, /not encrypted.*start runs through the KubeMin API/);

      const res = await call(`/v1/runs/${workflowId}`, TOKENS.admin, undefined);
      const run = (await res.json()) as { phase: string; message?: string };
      assert.equal(run.phase, 'Failed');
      assert.match(run.message ?? '', /^PlaintextInput: /);

      // the refused run replays through the same guard and interceptors
      const history = await raw.client.workflow.getHandle(workflowId).fetchHistory();
      await Worker.runReplayHistory({ workflowsPath: WORKFLOWS_PATH, interceptors: { workflowModules: [WORKFLOW_INTERCEPTORS_PATH] }, dataConverter: { payloadCodecs: [guardWorkflowPayloads(codec)], failureConverterPath: FAILURE_CONVERTER_PATH } }, history, workflowId);
    }
    await assertNothingApplied(namespace);
  });

  it('fails a plan sealed for one namespace that names another with PayloadNamespaceMismatch, and applies nothing', async () => {
    const own = staging.next();
    const target = shop.next();
    const plan = toJson(defaultPayloadConverter.toPayload(configPlan(target)));
    // the staging operator may not seal for the shop namespace, but may seal a shop plan for its own
    assert.equal((await call(`/codec/encode?namespace=${target}`, TOKENS.staging, { payloads: [plan] })).status, 403);
    const res = await call(`/codec/encode?namespace=${own}`, TOKENS.staging, { payloads: [plan] });
    assert.equal(res.status, 200);
    const [sealedForOwn] = ((await res.json()) as { payloads: JsonPayload[] }).payloads;

    // run ids naming the plan's namespace (the seal does not match) and its own (the plan does not match)
    for (const workflowId of [runId(target, uniqueName('evil')), runId(own, uniqueName('evil'))]) {
      await startStraight(workflowId, sealedForOwn as JsonPayload);
      const failure = await failureOf(workflowId);
      assert.equal(failure.type, 'PayloadNamespaceMismatch', `${workflowId}: ${failure.message}`);
      assert.equal(failure.nonRetryable, true);
      assert.match(failure.message, new RegExp(`namespace "${own}".*start runs through the KubeMin API`));
    }
    await assertNothingApplied(target);
  });

  it('fails a plan sealed for its own namespace whose spec names another (where components are applied), and applies nothing', async () => {
    const own = staging.next();
    const target = shop.next();
    // plan.namespace matches the seal and the id; the spec inside, which the activities apply, is for the shop namespace
    const forged = { ...configPlan(target), namespace: own };
    const res = await call(`/codec/encode?namespace=${own}`, TOKENS.staging, { payloads: [toJson(defaultPayloadConverter.toPayload(forged))] });
    assert.equal(res.status, 200);
    const [sealedForOwn] = ((await res.json()) as { payloads: JsonPayload[] }).payloads;
    const workflowId = runId(own, uniqueName('evil'));
    await startStraight(workflowId, sealedForOwn as JsonPayload);
    const failure = await failureOf(workflowId);
    assert.equal(failure.type, 'PayloadNamespaceMismatch', failure.message);
    assert.match(failure.message, new RegExp(`plan is for namespace "${target}"`));
    await assertNothingApplied(target);
  });

  it('refuses KubeMin activities an outside workflow schedules with its own plaintext input, whatever its id, and applies nothing', async () => {
    const target = shop.next();
    const attackerQueue = uniqueName('tq-attacker');
    const attacker = await Worker.create({ connection, namespace: 'default', taskQueue: attackerQueue, workflowsPath: fileURLToPath(new URL('./support/attacker-workflow.ts', import.meta.url)) });
    const input = { application: 'evil', namespace: target, step: 'own', manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owned' }, data: { MODE: 'owned' } }] };
    // an id naming the target namespace, one naming the attacker's own, and one naming none
    const ids = [runId(target, uniqueName('evil')), runId(staging.next(), uniqueName('evil')), uniqueName('evil')];
    /** The type of the failure the attempt ended with, from the attacker's history (its message is sealed: not theirs to read). */
    const failureTypeOf = async (workflowId: string): Promise<string> => {
      for (;;) {
        const history = await raw.client.workflow.getHandle(workflowId).fetchHistory();
        const failed = history.events?.find((e) => e.activityTaskFailedEventAttributes)?.activityTaskFailedEventAttributes;
        if (failed) return failed.failure?.applicationFailureInfo?.type ?? '';
        assert.equal(history.events?.some((e) => e.activityTaskCompletedEventAttributes), false, `${workflowId}: the activity completed`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const types = await attacker.runUntil(async () => {
      for (const workflowId of ids) await raw.client.workflow.start('scheduleKubeMinApply', { taskQueue: attackerQueue, workflowId, args: [taskQueue, input] });
      const found = await Promise.all(ids.map(failureTypeOf));
      for (const workflowId of ids) await raw.client.workflow.getHandle(workflowId).terminate('test over');
      return found;
    });
    assert.deepEqual(types.map((t) => /PayloadRefused|PlaintextInput|PayloadNamespaceMismatch/.test(t)), [true, true, true], types.join(', '));
    await assertNothingApplied(target);
  });

  it('rejects an approval written straight to Temporal in plaintext; the run still waits for a real decision', async () => {
    const namespace = staging.next();
    const spec = { name: 'gated', namespace, components: [{ name: 'settings', type: 'config', properties: { data: { MODE: 'gated' } } }], workflow: { steps: [{ name: 'gate', type: 'approval' }, { name: 'ship', type: 'deploy', components: ['settings'] }] } };
    const started = await call('/v1/runs', TOKENS.staging, spec);
    assert.equal(started.status, 202);
    const { id } = (await started.json()) as { id: string };
    const handle = sealed.workflow.getHandle(id);
    for (let i = 0; !(await handle.query(statusQuery)).steps[0]?.awaitingApproval; i++) {
      assert.ok(i < 300, 'the gate should wait for approval');
      await new Promise((r) => setTimeout(r, 100));
    }
    // sends plaintext, as a client without the codec does; reads the (encrypted) answer to see why it was refused
    const attacker = new Client({ connection: raw.connection, dataConverter: { payloadCodecs: [{ encode: async (p: Payload[]) => p, decode: (p: Payload[]) => codec.decode(p) }] } });
    const forged = attacker.workflow.getHandle(id).executeUpdate(approveUpdate, { args: [{ step: 'gate', approved: true, by: 'someone with Temporal access' }] });
    await assert.rejects(forged, (e: unknown) => e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure && e.cause.type === 'PlaintextInput');
    const status = await handle.query(statusQuery);
    assert.equal(status.steps[0]?.awaitingApproval, true, JSON.stringify(status.steps[0]));
    await handle.cancel();
    await handle.result().catch(() => undefined);
    await assertNothingApplied(namespace);
  });
});
