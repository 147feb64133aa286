/**
 * Runs `kubemin ARGS` in this process with captured stdout and stderr, colour off and no
 * contexts file: what the CLI tests drive.
 */
import { PassThrough } from 'node:stream';
import { main } from './main.js';

export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await main(['node', 'kubemin', ...argv], { stdout, stderr, env: { NO_COLOR: '1', KUBEMIN_CONFIG: '/nonexistent/kubemin.yaml', ...env } });
  return { code, out, err };
}
