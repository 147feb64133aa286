import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { Client } from '@temporalio/client';
import type { Hono } from 'hono';
import { createApp } from './app.js';

describe('the web console served by the API (api/console.ts)', () => {
  let app: Hono;
  before(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kubemin-console-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    app = createApp({ temporal: new Client(), taskQueue: 'unused', uiUrl: 'http://ui', log: { error: () => undefined }, consoleDir: dir });
  });

  it('answers index.html for the console\'s own pages, so /runs/x loads the app', async () => {
    for (const path of ['/', '/runs', '/runs/some-run?step=deploy-web']) {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/, path);
      assert.match(await res.text(), /<div id="root">/, path);
    }
  });

  it('serves built assets with a long cache (their names carry a content hash)', async () => {
    const res = await app.request('/assets/index-abc.js');
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'console.log(1)');
    assert.match(res.headers.get('cache-control') ?? '', /immutable/);
  });

  it('never hides an API 404: unknown /v1, /codec paths stay problem+json', async () => {
    for (const path of ['/v1/nope', '/v1', '/codec/nope']) {
      const res = await app.request(path);
      assert.equal(res.status, 404, path);
      assert.equal(res.headers.get('content-type'), 'application/problem+json', path);
    }
  });

  it('leaves the API\'s own documents to the API', async () => {
    const res = await app.request('/openapi.json');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    assert.equal(((await res.json()) as { openapi: string }).openapi, '3.1.0');
  });
});
