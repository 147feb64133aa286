/**
 * The KubeMin HTTP API, built by a factory so tests call `app.request()` with no server and the
 * processes wire in their own Temporal client.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Client } from '@temporalio/client';
import { applicationJsonSchema } from '../src/index.js';
import { onError, problem } from './problem.js';
import { createRunsRoutes } from './runs.js';

export interface AppOptions {
  temporal: Client;
  taskQueue: string;
  uiUrl: string;
  log: { error(obj: object, msg: string): void };
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
}

export function createApp(opts: AppOptions): Hono {
  const app = new Hono();
  app.use(
    '*',
    bodyLimit({
      maxSize: opts.maxBodyBytes ?? 1024 * 1024,
      onError: (c) => problem(c, 413, { title: 'Payload too large', detail: `request bodies are limited to ${opts.maxBodyBytes ?? 1024 * 1024} bytes`, hint: 'split the application or move large data into a ConfigMap' }),
    }),
  );
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.route('/v1/runs', createRunsRoutes(opts));
  app.get('/v1/schema', (c) => c.json(applicationJsonSchema(), 200, { 'content-type': 'application/schema+json' }));
  app.notFound((c) => problem(c, 404, { title: 'Not found', detail: `no route for ${c.req.method} ${c.req.path}`, hint: 'see the README for the API routes' }));
  app.onError(onError(opts.log));
  return app;
}
