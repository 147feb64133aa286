/**
 * `kubemin export RUN` against real servers (the API on a real port, a real worker, the Temporal
 * dev server and the local cluster): the exported spec compiles to the run's revision again (the
 * seed's export/import), `-o json` is clean JSON, an unknown run ends exit 2.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { parse, stringify } from 'yaml';
import { createApp } from '../api/app.js';
import { compile, validateSpecText } from '../src/index.js';
import { testLog, useRunEnvironment } from '../test/support/servers.js';
import { runCli } from './run-in-process.js';

describe('kubemin export (HTTP + Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('cli-export');
  let server: ServerType;
  let base: string;
  let dir: string;
  /** The run of examples/hello-web.yaml the tests export, and the revision its spec compiles to. */
  let run: { id: string; revision: string; original: string };

  before(async () => {
    server = serve({ fetch: createApp({ temporal: env.client, taskQueue: env.worker.taskQueue, uiUrl: 'http://127.0.0.1:8233', log: testLog }).fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = await mkdtemp(join(tmpdir(), 'kubemin-export-'));
    const example = parse(await readFile(new URL('../examples/hello-web.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
    const original = stringify({ ...example, namespace: env.scratch.next() });
    const file = join(dir, 'hello.yaml');
    await writeFile(file, original);
    const up = await runCli(['--server', base, '-o', 'json', 'up', '-f', file, '--wait', '--timeout', '120s']);
    assert.equal(up.code, 0, up.err);
    const started = JSON.parse(up.out) as { id: string; revision: string };
    run = { id: started.id, revision: started.revision, original };
  });
  after(() => {
    server?.close();
  });

  it('writes the spec as YAML on stdout that validates and compiles to the run\'s revision; -f FILE writes the same', async () => {
    const r = await runCli(['--server', base, 'export', run.id]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
    assert.equal(compile(validateSpecText(r.out)).revision, run.revision);
    assert.equal(compile(validateSpecText(run.original)).revision, run.revision);
    assert.equal((parse(r.out) as { namespace: string }).namespace, (parse(run.original) as { namespace: string }).namespace);

    const file = join(dir, 'exported.yaml');
    const toFile = await runCli(['--server', base, 'export', run.id, '-f', file]);
    assert.equal(toFile.code, 0, toFile.err);
    assert.equal(toFile.out, '');
    assert.match(toFile.err, /wrote the spec of .* to /);
    assert.equal(await readFile(file, 'utf8'), r.out);
  });

  it('-o json writes clean JSON: the same spec, the same revision', async () => {
    const yaml = await runCli(['--server', base, 'export', run.id]);
    const json = await runCli(['--server', base, '-o', 'json', 'export', run.id]);
    assert.equal(json.code, 0, json.err);
    assert.equal(json.err, '');
    assert.deepEqual(JSON.parse(json.out), parse(yaml.out));
    assert.equal(compile(validateSpecText(json.out)).revision, run.revision);
  });

  it('an unknown run ends exit 2 with its id on stderr and nothing on stdout', async () => {
    const r = await runCli(['--server', base, 'export', 'no-such-run']);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /^error: no run "no-such-run"\nhint: kubemin runs lists/);
  });
});
