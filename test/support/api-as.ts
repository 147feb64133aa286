/**
 * The API with bearer tokens, called with `app.request()` against a test environment's Temporal
 * client and worker: start a run as a token, wait for its end, read what the API answers about
 * it (GET run, its events, its history) as a token.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { createApp } from '../../api/app.js';
import type { Role } from '../../api/auth.js';
import { testLog, type RunEnvironment } from './servers.js';

export interface ApiAs {
  /** The bearer token of a role, scoped to `staging-*`. */
  token: Record<Role, string>;
  call(role: Role, path: string, init?: RequestInit): Promise<Response>;
  /** POSTs a spec as an operator; resolves with the run id once the run has ended. */
  runToEnd(spec: Record<string, unknown>): Promise<string>;
  /** Everything the API answers about a run, as text: GET run, the events stream, the history. */
  answers(role: Role, id: string): Promise<{ run: string; events: string; history: string }>;
}

export function apiAs(env: RunEnvironment): ApiAs {
  const token = { viewer: randomBytes(16).toString('hex'), operator: randomBytes(16).toString('hex'), admin: randomBytes(16).toString('hex') };
  let app: Hono | undefined;
  const get = (): Hono => {
    app ??= createApp({
      temporal: env.client,
      taskQueue: env.worker.taskQueue,
      uiUrl: 'http://127.0.0.1:8233',
      log: testLog,
      eventsPollMs: 100,
      tokens: (Object.keys(token) as Role[]).map((role) => ({ name: `staging-${role}`, token: token[role], role, namespaces: role === 'admin' ? ['*'] : ['staging-*'] })),
    });
    return app;
  };
  const call = async (role: Role, path: string, init: RequestInit = {}) => get().request(path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token[role]}` } });
  return {
    token,
    call,
    runToEnd: async (spec) => {
      const res = await call('operator', '/v1/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(spec) });
      assert.equal(res.status, 202, await res.clone().text());
      const { id } = (await res.json()) as { id: string };
      await env.client.workflow.getHandle(id).result().catch(() => undefined);
      return id;
    },
    answers: async (role, id) => {
      const text = async (path: string) => {
        const res = await call(role, path);
        assert.equal(res.status, 200, `${path}: ${res.status}`);
        return res.text();
      };
      return { run: await text(`/v1/runs/${id}`), events: await text(`/v1/runs/${id}/events`), history: await text(`/v1/runs/${id}/history`) };
    },
  };
}
