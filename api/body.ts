/**
 * Request bodies, read once and bounded. On the Node server the body is read straight from the
 * IncomingMessage (turning it into a web ReadableStream first costs more CPU than the rest of a
 * run start); elsewhere (app.request() in tests) from the Request. Either way a body over the
 * limit is a 413, whether or not it said its length.
 */
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { PayloadTooLargeError } from './errors.js';

const limits = new WeakMap<Request, number>();
const DEFAULT_LIMIT = 1024 * 1024;

const tooLarge = (c: Context, max: number): PayloadTooLargeError => {
  // the unread rest of the body makes the connection unusable: tell the client not to reuse it
  c.header('connection', 'close');
  return new PayloadTooLargeError(max);
};

/** Refuses a body whose Content-Length is over `max` before reading it, and sets the limit readBody keeps. */
export function bodyLimit(max: number): MiddlewareHandler {
  return async (c, next) => {
    const length = Number(c.req.header('content-length') ?? 0);
    if (length > max) throw tooLarge(c, max);
    limits.set(c.req.raw, max);
    await next();
  };
}

async function readIncoming(c: Context, incoming: IncomingMessage, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw tooLarge(c, max);
    chunks.push(chunk);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
}

/** The request body as text (UTF-8), at most the limit bodyLimit set (1 MiB without it). */
export async function readBody(c: Context): Promise<string> {
  const max = limits.get(c.req.raw) ?? DEFAULT_LIMIT;
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming && typeof incoming.on === 'function' && !incoming.readableEnded) return (await readIncoming(c, incoming, max)).toString('utf8');
  const text = await c.req.text();
  if (Buffer.byteLength(text) > max) throw tooLarge(c, max);
  return text;
}
