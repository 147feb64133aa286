/**
 * The KubeMin HTTP API, built by a factory so tests call `app.request()` with no server and the
 * processes wire in their own Temporal client, auth, metrics and codec. One file per resource.
 */
import { Hono } from 'hono';
import type { Client } from '@temporalio/client';
import { DEFAULT_POLICY, type PlatformPolicy } from '../src/index.js';
import type { KubeMinCodec } from '../workers/codec.js';
import type { KubeMinMetrics } from '../workers/metrics.js';
import { createAuth, type ApiToken } from './auth.js';
import { bodyLimit } from './body.js';
import { createCodecRoutes } from './codec.js';
import { mountConsole } from './console.js';
import { createDiffRoutes } from './diff.js';
import { createHealthRoutes } from './health.js';
import { openApiDocument, ROUTES } from './openapi.js';
import { onError, problem } from './problem.js';
import { createRegistryRoutes } from './registries.js';
import { createRunActionRoutes } from './run-actions.js';
import { createRunEventsRoutes } from './run-events.js';
import { createRunHistoryRoutes } from './run-history.js';
import { createRunRedaction } from './run-redaction.js';
import { createRunSpecRoutes } from './run-spec.js';
import { createRunsRoutes } from './runs.js';
import { createValidateRoutes } from './validate.js';

export interface AppOptions {
  temporal: Client;
  taskQueue: string;
  uiUrl: string;
  log: { error(obj: object, msg: string): void };
  /** Bearer tokens; absent: the API is open (dev mode). */
  tokens?: readonly ApiToken[];
  /** This process's metrics: request counts and latency, served at /metrics. */
  metrics?: KubeMinMetrics;
  /** The payload codec: serves /codec/encode and /codec/decode for the Temporal Web UI. */
  codec?: KubeMinCodec;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** How often the events stream asks the run for news (ms). */
  eventsPollMs?: number;
  /** The platform policy (workers/config.ts); absent: every kind of host access is denied. */
  policy?: PlatformPolicy;
  /** A folder holding the built web console (dist/web): served at `/` after the API's routes. */
  consoleDir?: string;
}

export function createApp(opts: AppOptions): Hono {
  const app = new Hono();
  const auth = createAuth(opts.tokens);
  const maxBody = opts.maxBodyBytes ?? 1024 * 1024;
  const policy = opts.policy ?? DEFAULT_POLICY;
  const deps = { temporal: opts.temporal, taskQueue: opts.taskQueue, uiUrl: opts.uiUrl, auth, policy, redaction: createRunRedaction(opts.temporal) };
  if (opts.metrics) {
    const { apiRequests, apiDuration } = opts.metrics;
    app.use('*', async (c, next) => {
      const end = apiDuration.startTimer();
      await next();
      const route = c.req.routePath;
      end({ method: c.req.method, route });
      apiRequests.inc({ method: c.req.method, route, status: String(c.res.status) });
    });
  }
  app.use('*', bodyLimit(maxBody));
  app.route('/', createHealthRoutes({ ...deps, ...(opts.metrics ? { registry: opts.metrics.registry } : {}) }));
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.route('/v1', createRegistryRoutes(auth));
  app.route('/v1/validate', createValidateRoutes(auth, policy));
  app.route('/v1/diff', createDiffRoutes(deps));
  app.route('/v1/runs', createRunsRoutes(deps));
  app.route('/v1/runs', createRunActionRoutes(deps));
  app.route('/v1/runs', createRunHistoryRoutes(deps));
  app.route('/v1/runs', createRunSpecRoutes(deps));
  app.route('/v1/runs', createRunEventsRoutes({ ...deps, ...(opts.eventsPollMs ? { pollMs: opts.eventsPollMs } : {}) }));
  if (opts.codec) {
    // the browser's CORS preflight carries no token: only POST needs one
    app.post('/codec/*', auth.require('operator'));
    app.route('/codec', createCodecRoutes(opts.codec, { uiOrigin: new URL(opts.uiUrl).origin, auth }));
  }
  if (opts.consoleDir) mountConsole(app, opts.consoleDir);
  app.notFound((c) => {
    // a known path with a method it does not take: 405 naming the ones it does ({id}: one segment)
    const allow = ROUTES.filter((r) => new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(c.req.path)).map((r) => r.method.toUpperCase());
    if (allow.length) {
      c.header('allow', [...new Set(allow)].join(', '));
      return problem(c, 405, { title: 'Method not allowed', detail: `${c.req.path} does not take ${c.req.method}; it takes ${[...new Set(allow)].join(', ')}` });
    }
    return problem(c, 404, { title: 'Not found', detail: `no route for ${c.req.method} ${c.req.path}`, hint: 'GET /openapi.json lists the routes' });
  });
  app.onError(onError(opts.log));
  return app;
}
