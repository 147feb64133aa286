/**
 * Payload encryption: a Temporal PayloadCodec doing AES-256-GCM, so specs (and the secrets in
 * them) reach Temporal's history only as ciphertext. Keys come from KUBEMIN_CODEC_KEYS as
 * `id:base64key,...`: the first key encrypts, every key decrypts (rotation).
 *
 * An encrypted payload's data is iv (12 bytes) | ciphertext | GCM tag (16 bytes), where the
 * plaintext is the original payload serialised as a `temporal.api.common.v1.Payload` (metadata
 * included); its metadata is `encoding: binary/encrypted`, `encryption-key-id: <id>` and
 * `kubemin-namespace: <namespace>` (none when bound to no namespace).
 *
 * Each payload is bound to the Kubernetes namespace of the workflow it belongs to, named by its
 * workflow id (a run's `<namespace>.<name>`, a coordinator's `kubemin-app/<namespace>/<app>`, see
 * workflows/contract.ts) in the serialization context Temporal gives the codec; payloads of
 * workflows whose id names no namespace (runs started before) are bound to '' (only an admin
 * may decode them). The namespace is the GCM associated data, so a
 * payload whose `kubemin-namespace` was changed no longer decrypts. Payloads sealed before the
 * binding (no `kubemin-namespace`, no associated data) still decrypt and count as bound to ''.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec, type SerializationContext } from '@temporalio/common';
// CommonJS: under ESM only the default export is importable (as in Temporal's encryption sample)
import proto from '@temporalio/proto';
import { namespaceOfWorkflowId } from '../workflows/contract.js';

const ProtoPayload = proto.temporal.api.common.v1.Payload;

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
export const NAMESPACE_METADATA = 'kubemin-namespace';

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
// protobufjs decodes an empty bytes value in a map as a plain array: read any array-like
const text = (b: ArrayLike<number> | null | undefined): string | undefined => (b ? Buffer.from(b as Uint8Array).toString('utf8') : undefined);

/** A payload's metadata value as text (undefined when absent). */
export const metadataText = (p: Payload, key: string): string | undefined => text(p.metadata?.[key]);

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

/**
 * The associated data that binds a payload to its namespace. None for '' (and for payloads sealed
 * before the binding), which are the same to every check: decodable by an admin only.
 */
const associatedData = (namespace: string | undefined): Buffer | undefined => (namespace ? Buffer.from(`kubemin-namespace:${namespace}`) : undefined);

function encrypt(key: CodecKey, plain: Uint8Array, namespace: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, key.key, iv, { authTagLength: TAG_BYTES });
  const aad = associatedData(namespace);
  if (aad) cipher.setAAD(aad);
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function decrypt(key: CodecKey, sealed: Uint8Array, namespace: string | undefined): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error(`encrypted payload (key "${key.id}") is ${sealed.length} bytes, too short to be iv|ciphertext|tag`);
  const decipher = createDecipheriv(CIPHER, key.key, sealed.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  const aad = associatedData(namespace);
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  // final() throws "Unsupported state or unable to authenticate data" when anything was altered (the namespace included)
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
}

/** Whether a payload is one this codec encrypted. */
export const isEncrypted = (p: Payload): boolean => metadataText(p, METADATA_ENCODING_KEY) === ENCRYPTED_ENCODING;

/**
 * The namespace an encrypted payload says it is bound to ('' for none, and for payloads sealed
 * before the binding); undefined for a payload that is not encrypted. Only decryption proves it.
 */
export function sealedNamespace(p: Payload): string | undefined {
  if (!isEncrypted(p)) return undefined;
  return metadataText(p, NAMESPACE_METADATA) ?? '';
}

/** The namespace the payloads of a workflow or activity are bound to: the one its workflow id names. */
export const namespaceOfContext = (context: SerializationContext | undefined): string => (context?.workflowId ? namespaceOfWorkflowId(context.workflowId) : '');

/** The encryption codec, and sealing for an explicit namespace (the Web UI's /codec/encode). */
export interface KubeMinCodec extends PayloadCodec {
  /** Encrypts payloads bound to `namespace` ('' : decodable by an admin only). */
  encodeFor(namespace: string, payloads: Payload[]): Promise<Payload[]>;
}

/** The codec for workers and clients (`dataConverter: { payloadCodecs: [codec] }`) and the UI codec endpoint. */
export function createEncryptionCodec(keys: readonly CodecKey[]): KubeMinCodec {
  const [current] = keys;
  if (!current) throw new Error(`the payload codec needs at least one key; ${MAKE_KEY}`);
  const byId = new Map(keys.map((k) => [k.id, k]));
  const encodeFor = async (namespace: string, payloads: Payload[]): Promise<Payload[]> =>
    payloads.map((p) => ({
      // bound to no namespace: no metadata (an empty value does not survive every protobuf decoder)
      metadata: { [METADATA_ENCODING_KEY]: bytes(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: bytes(current.id), ...(namespace ? { [NAMESPACE_METADATA]: bytes(namespace) } : {}) },
      data: encrypt(current, ProtoPayload.encode(p).finish(), namespace),
    }));
  return {
    encodeFor,
    encode: (payloads: Payload[], context?: SerializationContext) => encodeFor(namespaceOfContext(context), payloads),
    decode: async (payloads: Payload[]): Promise<Payload[]> =>
      payloads.map((p) => {
        if (!isEncrypted(p)) return p;
        const id = metadataText(p, KEY_ID_METADATA) ?? '';
        const key = byId.get(id);
        if (!key) throw new Error(`payload was encrypted with key "${id}", which this codec does not have (it has ${[...byId.keys()].join(', ')}); add that key to KUBEMIN_CODEC_KEYS`);
        return ProtoPayload.decode(decrypt(key, Buffer.from((p.data ?? []) as Uint8Array), metadataText(p, NAMESPACE_METADATA)));
      }),
  };
}
