/**
 * A small request helper for the run commands: the target's server and token, problem answers
 * thrown as ApiProblemError (main.ts reports them with the right exit code). Response shapes are
 * the minimal local interfaces below until /openapi.json describes them.
 */
import { ApiProblemError } from '../../client/index.js';
import type { CliContext } from '../context.js';

export interface StepView {
  name: string;
  type: string;
  phase: string;
  attempts: number;
  startedAt?: string;
  finishedAt?: string;
  message?: string;
  reason?: string;
  events?: string[];
  waiting?: { target: string; state: string; message: string; ready: number; desired: number; waitingForCapacity?: boolean }[];
  waitingForCapacity?: boolean;
  awaitingApproval?: boolean;
  decision?: { approved: boolean; by: string; comment?: string };
}

export interface RunView {
  id: string;
  application?: string;
  namespace?: string;
  revision?: string;
  phase: string;
  temporalStatus?: string;
  message?: string;
  startTime?: string;
  closeTime?: string;
  steps?: StepView[];
  links?: { self: string; temporalUi?: string };
}

export interface RunSummaryView {
  id: string;
  phase: string;
  application?: string;
  namespace?: string;
  revision?: string;
  startTime?: string;
  closeTime?: string;
}

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
