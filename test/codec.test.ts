/** The payload encryption codec and its Web UI endpoint, with no servers. */
import assert from 'node:assert/strict';
import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import proto from '@temporalio/proto';
import { createAuth, parseTokens } from '../api/auth.js';
import { createCodecRoutes } from '../api/codec.js';
import { createEncryptionCodec, generateCodecKey, parseCodecKeys } from '../workers/codec.js';
import { namespaceOfWorkflowId } from '../workflows/contract.js';

const SECRET = 'hunter2-Zq9-not-in-history';
const oldKeys = parseCodecKeys(generateCodecKey());
const newKeys = parseCodecKeys(generateCodecKey());
const codec = createEncryptionCodec(oldKeys);
const text = (b: Uint8Array | null | undefined): string => Buffer.from(b ?? new Uint8Array()).toString('latin1');
const plain = (): Payload[] => [defaultPayloadConverter.toPayload({ password: SECRET })];

describe('createEncryptionCodec', () => {
  it('round-trips payloads, metadata included', async () => {
    const [back] = await codec.decode(await codec.encode(plain()));
    assert.deepEqual(defaultPayloadConverter.fromPayload(back as Payload), { password: SECRET });
    assert.equal(text(back?.metadata?.encoding), 'json/plain');
  });

  it('stores only ciphertext, marked binary/encrypted with the id of the key', async () => {
    const [sealed] = await codec.encode(plain());
    assert.equal(text(sealed?.metadata?.encoding), 'binary/encrypted');
    assert.equal(text(sealed?.metadata?.['encryption-key-id']), oldKeys[0]?.id);
    assert.ok(!text(sealed?.data).includes(SECRET));
    assert.ok(!text(sealed?.data).includes('json/plain'));
    // iv | ciphertext | tag: 12 + 16 bytes around the serialised payload, a fresh iv each time
    assert.equal(sealed?.data?.length, proto.temporal.api.common.v1.Payload.encode(plain()[0] as Payload).finish().length + 28);
    const [again] = await codec.encode(plain());
    assert.notDeepEqual(again?.data, sealed?.data);
  });

  it('passes payloads that are not encrypted through untouched', async () => {
    const payloads = plain();
    assert.deepEqual(await codec.decode(payloads), payloads);
  });

  it('decodes with an older key after rotation and encrypts with the new one', async () => {
    const sealed = await codec.encode(plain());
    const rotated = createEncryptionCodec([...newKeys, ...oldKeys]);
    const [back] = await rotated.decode(sealed);
    assert.deepEqual(defaultPayloadConverter.fromPayload(back as Payload), { password: SECRET });
    const [resealed] = await rotated.encode(plain());
    assert.equal(text(resealed?.metadata?.['encryption-key-id']), newKeys[0]?.id);
  });

  it('names an unknown key id and says where to add it', async () => {
    const sealed = await codec.encode(plain());
    await assert.rejects(createEncryptionCodec(newKeys).decode(sealed), new RegExp(`key "${oldKeys[0]?.id}".*add that key to KUBEMIN_CODEC_KEYS`));
  });

  it('refuses tampered ciphertext with the GCM authentication error', async () => {
    const [sealed] = await codec.encode(plain());
    const data = Buffer.from(sealed?.data ?? new Uint8Array());
    data[20] = (data[20] ?? 0) ^ 1;
    await assert.rejects(codec.decode([{ ...sealed, data }]), /unable to authenticate data/);
    await assert.rejects(codec.decode([{ ...sealed, data: data.subarray(0, 10) }]), /too short/);
  });
});

describe('parseCodecKeys', () => {
  const key = Buffer.alloc(32, 7).toString('base64');
  it('reads id:base64 entries in order, the first being the one that encrypts', () => {
    const keys = parseCodecKeys(` new.2:${key} , old_1:${Buffer.alloc(32, 1).toString('base64')}`);
    assert.deepEqual(keys.map((k) => k.id), ['new.2', 'old_1']);
    assert.equal(keys[0]?.key.length, 32);
    assert.match(generateCodecKey(), /^k-[0-9a-f]{8}:[A-Za-z0-9+/]{43}=$/);
  });

  for (const [why, input, error] of [
    ['nothing', '', /no payload codec keys.*openssl rand -base64 32/],
    ['a key without an id', key, /entry 1: must be `id:base64key`/],
    ['an id with a space', `a b:${key}`, /entry 1 \("a b"\): must be `id:base64key`/],
    ['a 16-byte key', `a:${key},b:${Buffer.alloc(16).toString('base64')}`, /entry 2 \("b"\): .*exactly 32 bytes \(got 16\); make a key with `openssl rand -base64 32`/],
    ['a key that is not base64', 'a:not*base64', /entry 1 \("a"\): .*\(got not base64\)/],
    ['an id given twice', `a:${key},a:${key}`, /"a" is given twice/],
  ] as const) {
    it(`rejects ${why}, naming the entry`, () => {
      assert.throws(() => parseCodecKeys(input), error);
    });
  }

  it('never puts key material in its errors', () => {
    assert.throws(() => parseCodecKeys(`a:${key}x`), (e: Error) => !e.message.includes(key));
  });
});

describe('codec endpoint for the Temporal Web UI', () => {
  const ui = 'http://127.0.0.1:8233';
  const app = createCodecRoutes(codec, { uiOrigin: ui });
  const post = (path: string, body: unknown) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', origin: ui }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const b64 = (s: string) => Buffer.from(s).toString('base64');

  it('encodes and decodes JSON payloads with base64 metadata and data', async () => {
    const payload = { metadata: { encoding: b64('json/plain') }, data: b64(JSON.stringify({ password: SECRET })) };
    const enc = await post('/encode', { payloads: [payload] });
    assert.equal(enc.status, 200);
    assert.equal(enc.headers.get('access-control-allow-origin'), ui);
    const encoded = (await enc.json()) as { payloads: { metadata: Record<string, string>; data: string }[] };
    assert.equal(encoded.payloads[0]?.metadata.encoding, b64('binary/encrypted'));
    assert.ok(!Buffer.from(encoded.payloads[0]?.data ?? '', 'base64').toString('latin1').includes(SECRET));

    const dec = await post('/decode', encoded);
    assert.equal(dec.status, 200);
    assert.deepEqual(await dec.json(), { payloads: [payload] });
  });

  it('answers the CORS preflight for the UI origin only', async () => {
    const preflight = (origin: string) =>
      app.request('/decode', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' } });
    const res = await preflight(ui);
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), ui);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /content-type,x-namespace,authorization/);
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.equal((await preflight('http://evil.example')).headers.get('access-control-allow-origin'), null);
  });

  it('rejects a malformed body as problem+json naming the field', async () => {
    for (const body of ['not json', { payloads: [{ data: 'no*base64' }] }, {}]) {
      const res = await post('/decode', body);
      assert.equal(res.status, 400);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
    }
    const res = await post('/decode', { payloads: [{ data: 'no*base64' }] });
    assert.deepEqual(((await res.json()) as { errors: unknown[] }).errors, [{ path: '$.payloads[0].data', message: 'must be base64' }]);
  });

  it('answers 422 with the reason when a payload cannot be decrypted', async () => {
    const [sealed] = await createEncryptionCodec(newKeys).encode(plain());
    const body = { payloads: [{ metadata: { encoding: b64('binary/encrypted'), 'encryption-key-id': b64(newKeys[0]?.id ?? '') }, data: Buffer.from(sealed?.data ?? new Uint8Array()).toString('base64') }] };
    const res = await post('/decode', body);
    assert.equal(res.status, 422);
    assert.match(((await res.json()) as { detail: string }).detail, /add that key to KUBEMIN_CODEC_KEYS/);
  });
});

describe('binding payloads to the namespace of their run', () => {
  const ctx = (workflowId: string) => ({ type: 'workflow' as const, namespace: 'default', workflowId });
  const metaText = (p: Payload | undefined, key: string) => (p?.metadata?.[key] ? Buffer.from(p.metadata[key]).toString() : undefined);

  it('seals each payload for the namespace its workflow id names, and for none where the id names none', async () => {
    const [run] = await codec.encode(plain(), ctx('staging-a.shop-1234abcd-x1y2z3'));
    assert.equal(metaText(run, 'kubemin-namespace'), 'staging-a');
    const [coordinator] = await codec.encode(plain(), ctx('kubemin-app/staging-a/shop'));
    assert.equal(metaText(coordinator, 'kubemin-namespace'), 'staging-a');
    const [older] = await codec.encode(plain(), ctx('shop-1234abcd-x1y2z3'));
    assert.equal(metaText(older, 'kubemin-namespace'), undefined);
    const [activity] = await codec.encode(plain(), { type: 'activity', namespace: 'default', workflowId: 'shop.web-1', activityId: '1', isLocal: false });
    assert.equal(metaText(activity, 'kubemin-namespace'), 'shop');
    assert.equal(namespaceOfWorkflowId('shop.web-1.retry'), 'shop');
    assert.equal(namespaceOfWorkflowId('Shop.web'), '');
    assert.equal(namespaceOfWorkflowId('kubemin-app/shop/web'), 'shop');
    assert.equal(namespaceOfWorkflowId('kubemin-app/Shop/web'), '');
  });

  it('refuses a payload whose namespace metadata was changed (GCM associated data)', async () => {
    const [sealed] = await codec.encode(plain(), ctx('staging-a.shop-1'));
    for (const claimed of ['shop', '']) {
      const tampered = { ...sealed, metadata: { ...sealed?.metadata, 'kubemin-namespace': Buffer.from(claimed) } };
      await assert.rejects(codec.decode([tampered]), /unable to authenticate data/, `claimed "${claimed}"`);
    }
    const withoutNamespace = { ...sealed?.metadata };
    delete withoutNamespace['kubemin-namespace'];
    await assert.rejects(codec.decode([{ ...sealed, metadata: withoutNamespace }]), /unable to authenticate data/, 'binding dropped');
    const [back] = await codec.decode([sealed as Payload]);
    assert.deepEqual(defaultPayloadConverter.fromPayload(back as Payload), { password: SECRET });
  });

  it('still decodes payloads sealed before the binding (no namespace metadata, no associated data)', async () => {
    // as the codec sealed before: no associated data, metadata without kubemin-namespace
    const key = oldKeys[0] as { id: string; key: Buffer };
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.key, iv);
    const data = Buffer.concat([iv, cipher.update(proto.temporal.api.common.v1.Payload.encode(plain()[0] as Payload).finish()), cipher.final(), cipher.getAuthTag()]);
    const legacy = { metadata: { encoding: Buffer.from('binary/encrypted'), 'encryption-key-id': Buffer.from(key.id) }, data };
    const [back] = await codec.decode([legacy]);
    assert.deepEqual(defaultPayloadConverter.fromPayload(back as Payload), { password: SECRET });
  });
});

describe('codec endpoint scope: a token decodes the payloads of its namespaces only', () => {
  const tokens = parseTokens(
    JSON.stringify([
      { name: 'shop-op', token: 'shop-operator-token-0001', role: 'operator', namespaces: ['shop'] },
      { name: 'staging-op', token: 'staging-operator-token-01', role: 'operator', namespaces: ['staging-*'] },
      { name: 'root', token: 'admin-token-000000000001', role: 'admin', namespaces: ['*'] },
    ]),
  );
  const app = createCodecRoutes(codec, { auth: createAuth(tokens) });
  const post = (path: string, token: string, body: unknown) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const asJson = (p: Payload) => ({ metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])), data: Buffer.from(p.data ?? new Uint8Array()).toString('base64') });
  const sealedFor = async (workflowId: string) => asJson((await codec.encode(plain(), { type: 'workflow', namespace: 'default', workflowId }))[0] as Payload);
  const [SHOP, STAGING, ADMIN] = ['shop-operator-token-0001', 'staging-operator-token-01', 'admin-token-000000000001'];

  it('answers 403 naming the payload of another namespace, and decodes none of them', async () => {
    const body = { payloads: [await sealedFor('shop.web-1'), await sealedFor('staging-a.web-2')] };
    const res = await post('/decode', SHOP as string, body);
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    const text = await res.text();
    assert.ok(!text.includes(SECRET) && !text.includes(Buffer.from(SECRET).toString('base64')));
    const problemBody = JSON.parse(text) as { code: string; errors: { path: string; message: string }[] };
    assert.equal(problemBody.code, 'Forbidden');
    assert.deepEqual(problemBody.errors.map((e) => e.path), ['$.payloads[1]']);
    assert.match(problemBody.errors[0]?.message ?? '', /namespace "staging-a"/);
  });

  it('decodes for a token that lists the namespace, and for an admin everything', async () => {
    const body = { payloads: [await sealedFor('staging-a.web-2')] };
    for (const token of [STAGING, ADMIN]) {
      const res = await post('/decode', token as string, body);
      assert.equal(res.status, 200, token);
      const [out] = ((await res.json()) as { payloads: { data: string }[] }).payloads;
      assert.deepEqual(JSON.parse(Buffer.from(out?.data ?? '', 'base64').toString()), { password: SECRET });
    }
  });

  it('leaves payloads bound to no namespace (of workflows whose id names none) to an admin', async () => {
    const body = { payloads: [await sealedFor('staging-a-web-1234abcd-x1y2z3')] };
    assert.equal((await post('/decode', STAGING as string, body)).status, 403);
    assert.equal((await post('/decode', ADMIN as string, body)).status, 200);
  });

  it('answers 422, not plaintext, for a payload whose namespace claim was changed to the caller\'s', async () => {
    const sealed = await sealedFor('staging-a.web-2');
    const forged = { ...sealed, metadata: { ...sealed.metadata, 'kubemin-namespace': Buffer.from('shop').toString('base64') } };
    const res = await post('/decode', SHOP as string, { payloads: [forged] });
    assert.equal(res.status, 422);
    assert.match(((await res.json()) as { detail: string }).detail, /unable to authenticate data/);
  });

  it('encodes for ?namespace=, which a non-admin must give and be allowed', async () => {
    const payload = { metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('{"a":1}').toString('base64') };
    const missing = await post('/encode', STAGING as string, { payloads: [payload] });
    assert.equal(missing.status, 400);
    assert.deepEqual(((await missing.json()) as { errors: { path: string }[] }).errors.map((e) => e.path), ['$.query.namespace']);
    assert.equal((await post('/encode?namespace=shop', STAGING as string, { payloads: [payload] })).status, 403);
    assert.equal((await post('/encode?namespace=Not_A_Label', ADMIN as string, { payloads: [payload] })).status, 400);
    const ok = await post('/encode?namespace=staging-b', STAGING as string, { payloads: [payload] });
    assert.equal(ok.status, 200);
    const [sealed] = ((await ok.json()) as { payloads: { metadata: Record<string, string> }[] }).payloads;
    assert.equal(Buffer.from(sealed?.metadata['kubemin-namespace'] ?? '', 'base64').toString(), 'staging-b');
    const admin = await post('/encode', ADMIN as string, { payloads: [payload] });
    assert.equal(admin.status, 200);
  });
});
