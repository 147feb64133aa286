/**
 * Serves the web console (web/, built into a folder by Vite) from the API's own process: its
 * static files, then index.html for any other page path so the console's own routes
 * (/runs/:id) load it. Mounted after every API route, and never for the API's paths, so an
 * unknown API path still answers a problem+json 404.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/** Paths that belong to the API: the console never answers them. */
export const API_PATHS: readonly RegExp[] = [/^\/v1(\/|$)/, /^\/codec(\/|$)/, /^\/openapi\.json$/, /^\/metrics$/, /^\/healthz$/, /^\/readyz$/];

export const isApiPath = (path: string): boolean => API_PATHS.some((p) => p.test(path));

/** True when `dir` holds a built console (its index.html). */
export const consoleBuilt = (dir: string): boolean => existsSync(join(dir, 'index.html'));

/** Registers the console's static files and the index.html fallback on `app`. */
export function mountConsole(app: Hono, dir: string): void {
  const index = join(dir, 'index.html');
  const files = serveStatic({ root: dir });
  app.use('/*', async (c, next) => {
    if (isApiPath(c.req.path) || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return next();
    const res = await files(c, next);
    // Vite names built assets by their content hash: they never change under the same name
    // (not found, it has called next(), which answers for it)
    if (!(res instanceof Response)) return;
    res.headers.set('cache-control', c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    return res;
  });
  app.get('/*', async (c, next) => {
    if (isApiPath(c.req.path)) return next();
    c.header('cache-control', 'no-cache');
    return c.html(await readFile(index, 'utf8'));
  });
}
