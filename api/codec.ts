/**
 * The remote codec endpoint of the Temporal Web UI (started with `--ui-codec-endpoint`): POST
 * /encode and POST /decode take and answer `{ payloads: [{ metadata: { key: base64 }, data:
 * base64 }] }`, so the UI shows encrypted payloads in the clear to whoever may call it.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { z } from 'zod';
import { issueDetails } from '../src/index.js';
import { readBody } from './body.js';
import { problem } from './problem.js';

export interface CodecRoutesOptions {
  /** The Web UI's origin, the only one the browser may call from (default: the dev server's UI). */
  uiOrigin?: string;
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

/** Routes to mount at `/codec`; whatever guards them must let OPTIONS (the CORS preflight) through. */
export function createCodecRoutes(codec: PayloadCodec, opts: CodecRoutesOptions = {}): Hono {
  const app = new Hono();
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
      const out = await codec[op](parsed.data.payloads.map(fromJson)).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      if (out instanceof Error) return problem(c, 422, { title: `Payloads could not be ${op}d`, detail: out.message });
      return c.json({ payloads: out.map(toJson) });
    });
  }
  return app;
}
