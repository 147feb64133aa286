/**
 * Graceful shutdown of the production processes: on SIGTERM the worker stops polling and exits
 * (code 0) and the API stops accepting and exits; the API refuses to start open unless told.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { uniqueName } from './support/servers.js';

const entry = (name: string) => new URL(`../workers/${name}.ts`, import.meta.url).pathname;

/** Starts an entry point, waits for `ready` in its output, sends SIGTERM, and resolves its exit code and output. */
function startAndStop(name: string, env: Record<string, string>, ready: RegExp): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry(name)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let signalled = false;
  const onData = (d: Buffer) => {
    output += d.toString();
    if (!signalled && ready.test(output)) {
      signalled = true;
      child.kill('SIGTERM');
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) => child.once('exit', (code) => (clearTimeout(timer), resolve({ code, output }))));
}

describe('process shutdown (real Temporal dev server)', () => {
  const temporal = process.env.KUBEMIN_TEST_TEMPORAL_ADDRESS ?? '';
  it('the worker drains and exits 0 on SIGTERM', async () => {
    const { code, output } = await startAndStop(
      'worker-main',
      { TEMPORAL_ADDRESS: temporal, KUBECONFIG: process.env.KUBEMIN_TEST_KUBECONFIG ?? '', KUBEMIN_TASK_QUEUE: uniqueName('sd'), KUBEMIN_METRICS_PORT: '0', KUBEMIN_SDK_METRICS_PORT: '0' },
      /worker polling/,
    );
    assert.equal(code, 0, output);
    assert.match(output, /stopping: no new tasks/);
    assert.match(output, /worker stopped/);
  });

  it('the API drains and exits 0 on SIGTERM', async () => {
    const { code, output } = await startAndStop('api-main', { TEMPORAL_ADDRESS: temporal, KUBEMIN_API_PORT: '0', KUBEMIN_API_OPEN: '1' }, /API listening/);
    assert.equal(code, 0, output);
    assert.match(output, /stopping: no new requests/);
  });

  it('the API refuses to start open without KUBEMIN_API_TOKENS', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry('api-main')], { env: { ...process.env, TEMPORAL_ADDRESS: temporal, KUBEMIN_API_PORT: '0', KUBEMIN_API_OPEN: '', KUBEMIN_API_TOKENS: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise((r) => child.once('exit', r));
    assert.equal(code, 2);
    assert.match(output, /refusing to serve an open API/);
  });
});
