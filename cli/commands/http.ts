/**
 * A small request helper for the run commands: the target's server and token, problem answers
 * thrown as ApiProblemError (main.ts reports them with the right exit code). Response shapes are
 * the client's types, generated from /openapi.json (client/index.ts).
 */
import { ApiProblemError, type Run } from '../../client/index.js';
import type { CliContext } from '../context.js';

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
