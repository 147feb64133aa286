/**
 * The remote codec endpoint of the Temporal Web UI (started with `--ui-codec-endpoint`): POST
 * /encode and POST /decode take and answer `{ payloads: [{ metadata: { key: base64 }, data:
 * base64 }] }`, so the UI shows encrypted payloads in the clear to whoever may call it.
 *
 * Scope: each payload is bound to a namespace (workers/codec.ts). /decode decrypts only when the
 * caller's token lists the namespace of every encrypted payload asked for (an admin: all; those
 * bound to no namespace, e.g. of runs started before the binding: an admin only), else 403 naming the payloads and
 * decrypting none. /encode seals for `?namespace=`, which a non-admin must give and be allowed.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Context } from 'hono';
import type { Payload } from '@temporalio/common';
import { z } from 'zod';
import { issueDetails } from '../src/index.js';
import { sealedNamespace, type KubeMinCodec } from '../workers/codec.js';
import { createAuth, namespaceAllowed, type Auth, type Caller } from './auth.js';
import { readBody } from './body.js';
import { problem } from './problem.js';

export interface CodecRoutesOptions {
  /** The Web UI's origin, the only one the browser may call from (default: the dev server's UI). */
  uiOrigin?: string;
  /** Who calls (the routes' role is checked where they are mounted); default: open (dev mode, everything). */
  auth?: Auth;
}

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'must be base64' });
const JsonPayload = z.object({ metadata: z.record(z.string(), Base64).nullish(), data: Base64.nullish() });
const Body = z.object({ payloads: z.array(JsonPayload) });
type JsonPayload = z.output<typeof JsonPayload>;

const jsonOrUndefined = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const fromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});

const b64 = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');

const toJson = (p: Payload): { metadata: Record<string, string>; data: string } => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, b64(v)])),
  data: b64(p.data ?? new Uint8Array()),
});

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Whether a caller may see payloads bound to a namespace ('' : bound to none, an admin's only). */
const mayDecode = (caller: Caller, namespace: string): boolean => caller.role === 'admin' || (namespace !== '' && namespaceAllowed(caller.namespaces, namespace));

/** 403 naming each encrypted payload the caller may not decode, or undefined when it may decode them all. */
function refuseDecode(c: Context, caller: Caller, payloads: readonly Payload[]): Response | undefined {
  const refused = payloads.flatMap((p, i) => {
    const namespace = sealedNamespace(p);
    if (namespace === undefined || mayDecode(caller, namespace)) return [];
    return [{ path: `$.payloads[${i}]`, message: namespace ? `bound to namespace "${namespace}", which ${caller.name} may not read` : 'bound to no namespace (a workflow whose id names none, or sealed before payloads were bound): an admin only may decode it' }];
  });
  if (refused.length === 0) return undefined;
  return problem(c, 403, {
    type: 'https://kubemin.dev/problems/Forbidden',
    title: 'Forbidden',
    code: 'Forbidden',
    detail: `${caller.name} may not decode payload${refused.length === 1 ? '' : 's'} ${refused.map((r) => r.path.slice('$.payloads'.length)).join(', ')} (allowed namespaces: ${caller.namespaces.join(', ')}); nothing was decoded`,
    hint: 'decode only payloads of runs in namespaces your token lists, or use a token that lists them',
    errors: refused,
  });
}

/** The namespace /encode seals for: `?namespace=`, required of a non-admin and checked; '' (admin only) when absent. */
function encodeNamespace(c: Context, caller: Caller): string | Response {
  const namespace = c.req.query('namespace');
  const invalid = (status: 400 | 403, detail: string, message: string, hint: string) =>
    problem(c, status, { type: `https://kubemin.dev/problems/${status === 400 ? 'SpecInvalid' : 'Forbidden'}`, title: status === 400 ? 'SpecInvalid' : 'Forbidden', code: status === 400 ? 'SpecInvalid' : 'Forbidden', detail, hint, errors: [{ path: '$.query.namespace', message }] });
  if (namespace === undefined || namespace === '') {
    if (caller.role === 'admin') return '';
    return invalid(400, `${caller.name} must say which namespace the payloads are for: POST /codec/encode?namespace=<namespace>`, 'required for a token that is not an admin\'s', 'add ?namespace= with a namespace your token lists');
  }
  if (!DNS_LABEL.test(namespace)) return invalid(400, `"${namespace}" is not a namespace name (a DNS-1123 label)`, 'must be a DNS-1123 label', 'use lower-case letters, digits and "-"');
  if (!mayDecode(caller, namespace)) return invalid(403, `${caller.name} may not seal payloads for namespace "${namespace}" (allowed: ${caller.namespaces.join(', ')})`, `namespace "${namespace}" is not one the token lists`, 'use a namespace the token lists, or a token that lists this one');
  return namespace;
}

/** Routes to mount at `/codec`; whatever guards them must let OPTIONS (the CORS preflight) through. */
export function createCodecRoutes(codec: KubeMinCodec, opts: CodecRoutesOptions = {}): Hono {
  const app = new Hono();
  const auth = opts.auth ?? createAuth(undefined);
  app.use(
    '*',
    cors({
      origin: opts.uiOrigin ?? 'http://127.0.0.1:8233',
      allowMethods: ['POST', 'OPTIONS'],
      allowHeaders: ['content-type', 'x-namespace', 'authorization'],
      // the UI may send its access token with "include cross-origin credentials"
      credentials: true,
      maxAge: 600,
    }),
  );
  for (const op of ['encode', 'decode'] as const) {
    app.post(`/${op}`, async (c) => {
      const parsed = Body.safeParse(jsonOrUndefined(await readBody(c)));
      if (!parsed.success) {
        return problem(c, 400, { title: 'Invalid codec request', detail: 'expected JSON `{ payloads: [{ metadata: { key: base64 }, data: base64 }] }`', errors: issueDetails(parsed.error) });
      }
      const payloads = parsed.data.payloads.map(fromJson);
      const caller = auth.caller(c);
      let run: () => Promise<Payload[]>;
      if (op === 'decode') {
        const refused = refuseDecode(c, caller, payloads);
        if (refused) return refused;
        run = () => codec.decode(payloads);
      } else {
        const namespace = encodeNamespace(c, caller);
        if (namespace instanceof Response) return namespace;
        run = () => codec.encodeFor(namespace, payloads);
      }
      const out = await run().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      if (out instanceof Error) return problem(c, 422, { title: `Payloads could not be ${op}d`, detail: out.message });
      return c.json({ payloads: out.map(toJson) });
    });
  }
  return app;
}
