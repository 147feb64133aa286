/**
 * A small request helper for the run commands: the target's server and token, problem answers
 * thrown as ApiProblemError (main.ts reports them with the right exit code). Response shapes are
 * the client's types, generated from /openapi.json (client/index.ts).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiProblemError, type Run } from '../../client/index.js';
import type { CliContext } from '../context.js';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EPIPE', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

/** The code of a failure to reach the API (refused, reset, cut off mid-answer), or undefined. */
export function connectionErrorCode(e: unknown): string | undefined {
  const err = e as (NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException }) | undefined;
  const code = err?.cause?.code ?? err?.code;
  return code && CONNECTION_CODES.has(code) ? code : undefined;
}

/** True when asking again may help: the API could not be reached, or a proxy says it is away. */
export const isTransient = (e: unknown): boolean => (e instanceof ApiProblemError ? [502, 503, 504].includes(e.status) : connectionErrorCode(e) !== undefined);

export async function request<T>(ctx: CliContext, method: string, path: string, body?: { text: string; type: string }): Promise<T> {
  const t = await ctx.target();
  const res = await fetch(`${t.server.replace(/\/+$/, '')}${path}`, {
    method,
    headers: { accept: 'application/json', ...(t.token ? { authorization: `Bearer ${t.token}` } : {}), ...(body ? { 'content-type': body.type } : {}) },
    ...(body ? { body: body.text } : {}),
  });
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = text;
  }
  if (!res.ok) throw new ApiProblemError(res.status, typeof data === 'object' && data ? (data as Record<string, unknown>) : { detail: `HTTP ${res.status}: ${String(data ?? '').slice(0, 300)}` });
  return data as T;
}

export const runPath = (id: string, tail = '') => `/v1/runs/${encodeURIComponent(id)}${tail}`;

/** A run as the API has it now. */
export const getRun = (ctx: CliContext, id: string) => request<Run>(ctx, 'GET', runPath(id));

/** How long a follower keeps asking for a run while the API is away (restarting) before it gives up. */
const PATIENCE_MS = 30_000;

/**
 * getRun, asked again with backoff (250 ms doubling to 2 s) while the API is briefly away, for at
 * most `patienceMs`; an answer (404, 403...) is final at once, and `signal` stops the asking.
 */
export async function getRunPatiently(ctx: CliContext, id: string, signal?: AbortSignal, patienceMs = PATIENCE_MS): Promise<Run> {
  const deadline = Date.now() + patienceMs;
  for (let delay = 250; ; delay = Math.min(delay * 2, 2_000)) {
    try {
      return await getRun(ctx, id);
    } catch (e) {
      if (!isTransient(e) || signal?.aborted || Date.now() + delay > deadline) throw e;
    }
    await sleep(delay, undefined, signal ? { signal } : {});
  }
}
