/**
 * `kubemin context add|use|list` and `kubemin completion bash|zsh`: the contexts file (mode 0600,
 * tokens never listed), the server a context picks, and completion scripts a real bash parses
 * and answers with.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { EXIT } from './output.js';
import { runCli } from './run-in-process.js';

const exec = promisify(execFile);

describe('kubemin context and completion', () => {
  let dir = '';
  let config = '';
  const cli = (argv: string[]) => runCli(argv, { KUBEMIN_CONFIG: config });
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubemin-setup-'));
    config = join(dir, 'nested', 'config.yaml');
  });

  it('context add writes the file with mode 0600 and makes it current; list never shows a token; use switches; -o json is clean', async () => {
    const a = await cli(['context', 'add', 'dev', '--server', 'http://127.0.0.1:45998', '--token', 's3cr3t-token']);
    assert.equal(a.code, 0, a.err);
    assert.equal(a.out, '', 'messages go to stderr');
    assert.equal((await stat(config)).mode & 0o777, 0o600);
    assert.equal((await cli(['context', 'add', 'prod', '--server', 'https://kubemin.example'])).code, 0);
    assert.equal((parse(await readFile(config, 'utf8')) as { current: string }).current, 'prod');
    const used = await cli(['context', 'use', 'dev']);
    assert.equal(used.code, 0, used.err);
    const list = await cli(['context', 'list']);
    assert.equal(list.out.replace(/ +/g, ' '), 'CURRENT NAME SERVER TOKEN\n* dev http://127.0.0.1:45998 set\n prod https://kubemin.example none\n');
    assert.ok(!list.out.includes('s3cr3t'), 'the token is never listed');
    const json = await cli(['-o', 'json', 'context', 'list']);
    assert.deepEqual(JSON.parse(json.out), [
      { name: 'dev', server: 'http://127.0.0.1:45998', current: true, token: 'set' },
      { name: 'prod', server: 'https://kubemin.example', current: false, token: 'none' },
    ]);
    // a file that was readable by others is tightened on the next write
    await writeFile(config, await readFile(config, 'utf8'), { mode: 0o644 });
    const { chmod } = await import('node:fs/promises');
    await chmod(config, 0o644);
    assert.equal((await cli(['context', 'use', 'dev'])).code, 0);
    assert.equal((await stat(config)).mode & 0o777, 0o600);
  });

  it('context add without --server is exit 2 saying so', async () => {
    const r = await cli(['context', 'add', 'bare']);
    assert.equal(r.code, EXIT.usage);
    assert.match(r.err, /context add needs --server <url>/);
  });

  it('an unknown context is exit 2 with a hint', async () => {
    const missing = await cli(['context', 'use', 'nope']);
    assert.equal(missing.code, EXIT.usage);
    assert.match(missing.err, /no context "nope".*\nhint: kubemin context list/);
  });

  it('completion bash is a script bash parses and answers with the commands', async () => {
    const r = await cli(['completion', 'bash']);
    assert.equal(r.code, 0, r.err);
    const script = join(dir, 'kubemin.bash');
    await writeFile(script, r.out);
    await exec('bash', ['-n', script]);
    const { stdout } = await exec('bash', ['-c', `source ${script}; COMP_WORDS=(kubemin ex); COMP_CWORD=1; _kubemin; printf '%s\\n' "\${COMPREPLY[@]}"`]);
    assert.equal(stdout, 'export\n');
    const all = (await exec('bash', ['-c', `source ${script}; COMP_WORDS=(kubemin ''); COMP_CWORD=1; _kubemin; printf '%s\\n' "\${COMPREPLY[@]}"`])).stdout.trim().split('\n');
    for (const c of ['init', 'validate', 'up', 'approve', 'export', 'context', 'completion']) assert.ok(all.includes(c), `${c} in ${all.join(' ')}`);
  });

  it('completion zsh names every command; another shell is exit 2 naming the ones there are', async () => {
    const z = await cli(['completion', 'zsh']);
    assert.equal(z.code, 0, z.err);
    assert.match(z.out, /^#compdef kubemin\n/);
    assert.match(z.out, /commands=\(.*\binit\b.*\bup\b.*\)/);
    const fish = await cli(['completion', 'fish']);
    assert.equal(fish.code, EXIT.usage);
    assert.equal(fish.out, '');
    assert.match(fish.err, /no completion for "fish"\nhint: kubemin completion bash, or kubemin completion zsh/);
  });
});
