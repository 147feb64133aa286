/**
 * Payload encryption: a Temporal PayloadCodec doing AES-256-GCM, so specs (and the secrets in
 * them) reach Temporal's history only as ciphertext. Keys come from KUBEMIN_CODEC_KEYS as
 * `id:base64key,...`: the first key encrypts, every key decrypts (rotation).
 *
 * An encrypted payload's data is iv (12 bytes) | ciphertext | GCM tag (16 bytes), where the
 * plaintext is the original payload serialised as a `temporal.api.common.v1.Payload` (metadata
 * included); its metadata is `encoding: binary/encrypted` and `encryption-key-id: <id>`.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
// CommonJS: under ESM only the default export is importable (as in Temporal's encryption sample)
import proto from '@temporalio/proto';

const ProtoPayload = proto.temporal.api.common.v1.Payload;

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';

const CIPHER = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9._-]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const MAKE_KEY = 'make a key with `openssl rand -base64 32`';

/** One AES-256 key and the id stored beside what it encrypted. */
export interface CodecKey {
  id: string;
  key: Buffer;
}

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array | null | undefined): string | undefined => (b ? new TextDecoder().decode(b) : undefined);

/** Parses `id:base64key,id2:base64key2`; errors name the entry (never its key material). */
export function parseCodecKeys(input: string): CodecKey[] {
  const entries = input.split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) throw new Error(`no payload codec keys: give \`id:base64key[,id2:base64key2]\`; ${MAKE_KEY}`);
  const keys = entries.map((entry, i): CodecKey => {
    const at = entry.indexOf(':');
    const id = at < 0 ? '' : entry.slice(0, at);
    const b64 = entry.slice(at + 1);
    const where = `payload codec key entry ${i + 1}${id ? ` ("${id}")` : ''}`;
    if (!KEY_ID.test(id)) throw new Error(`${where}: must be \`id:base64key\` with an id of letters, digits, ".", "_" or "-"`);
    const key = Buffer.from(b64, 'base64');
    if (!BASE64.test(b64) || key.length !== KEY_BYTES) throw new Error(`${where}: the key must be base64 of exactly ${KEY_BYTES} bytes (got ${BASE64.test(b64) ? key.length : 'not base64'}); ${MAKE_KEY}`);
    return { id, key };
  });
  const dup = keys.find((k, i) => keys.findIndex((o) => o.id === k.id) !== i);
  if (dup) throw new Error(`payload codec key id "${dup.id}" is given twice; every key needs its own id`);
  return keys;
}

/** A fresh `id:base64key` entry for KUBEMIN_CODEC_KEYS (`npm start` writes one to a dev key file). */
export function generateCodecKey(): string {
  return `k-${randomBytes(4).toString('hex')}:${randomBytes(KEY_BYTES).toString('base64')}`;
}

function encrypt(key: CodecKey, plain: Uint8Array): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, key.key, iv, { authTagLength: TAG_BYTES });
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function decrypt(key: CodecKey, sealed: Uint8Array): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error(`encrypted payload (key "${key.id}") is ${sealed.length} bytes, too short to be iv|ciphertext|tag`);
  const decipher = createDecipheriv(CIPHER, key.key, sealed.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  // final() throws "Unsupported state or unable to authenticate data" when anything was altered
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
}

/** The codec for workers and clients (`dataConverter: { payloadCodecs: [codec] }`) and the UI codec endpoint. */
export function createEncryptionCodec(keys: readonly CodecKey[]): PayloadCodec {
  const [current] = keys;
  if (!current) throw new Error(`the payload codec needs at least one key; ${MAKE_KEY}`);
  const byId = new Map(keys.map((k) => [k.id, k]));
  return {
    encode: async (payloads: Payload[]): Promise<Payload[]> =>
      payloads.map((p) => ({
        metadata: { [METADATA_ENCODING_KEY]: bytes(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: bytes(current.id) },
        data: encrypt(current, ProtoPayload.encode(p).finish()),
      })),
    decode: async (payloads: Payload[]): Promise<Payload[]> =>
      payloads.map((p) => {
        if (text(p.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) return p;
        const id = text(p.metadata?.[KEY_ID_METADATA]) ?? '';
        const key = byId.get(id);
        if (!key) throw new Error(`payload was encrypted with key "${id}", which this codec does not have (it has ${[...byId.keys()].join(', ')}); add that key to KUBEMIN_CODEC_KEYS`);
        return ProtoPayload.decode(decrypt(key, p.data ?? new Uint8Array()));
      }),
  };
}
