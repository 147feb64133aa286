/**
 * `kubemin validate` and `kubemin render`: offline, the API's validator; every error with its
 * file:line and JSON path, exit 2; machine output clean on stdout.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { runCli } from './run-in-process.js';

describe('kubemin validate and render (offline)', () => {
  it('lists every error with file:line and JSON path, and exits 2', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'kubemin-cli-')), 'bad.yaml');
    await writeFile(file, 'name: x\nnamespace: Bad_NS\ncomponents:\n  - name: web\n    type: webservice\n    replicas: -1\n');
    const r = await runCli(['validate', '-f', file]);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, new RegExp(`${file}:2: \\$\\.namespace: `));
    assert.match(r.err, new RegExp(`${file}:6: \\$\\.components\\[0\\]\\.replicas: `));
    assert.match(r.err, new RegExp(`${file}:4: \\$\\.components\\[0\\]\\.image: `));
    assert.match(r.err, /3 problems/);
    const json = await runCli(['-o', 'json', 'validate', '-f', file]);
    assert.equal(json.code, 2);
    const parsed = JSON.parse(json.out) as { valid: boolean; errors: { path: string; line: number }[] };
    assert.equal(parsed.valid, false);
    assert.deepEqual(parsed.errors.map((e) => e.path).sort(), ['$.components[0].image', '$.components[0].replicas', '$.namespace']);
  });

  it('accepts the examples (exit 0, nothing on stdout)', async () => {
    for (const f of ['examples/hello-web.yaml', 'examples/seed-scenario.yaml', 'examples/all-traits.yaml']) {
      const r = await runCli(['validate', '-f', f]);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, '');
      assert.match(r.err, /valid \(\d+ components?, \d+ steps?\)/);
    }
  });

  it('renders the manifests as YAML documents on stdout, and as a JSON array with -o json', async () => {
    const r = await runCli(['render', '-f', 'examples/hello-web.yaml']);
    assert.equal(r.code, 0, r.err);
    const docs = parseAllDocuments(r.out).map((d) => d.toJS() as { kind: string; spec?: { template?: { spec?: { containers?: { image: string }[] } } } });
    const deployment = docs.find((d) => d.kind === 'Deployment');
    assert.ok(deployment, r.out);
    assert.ok(deployment.spec?.template?.spec?.containers?.[0]?.image);
    const json = await runCli(['-o', 'json', 'render', '-f', 'examples/hello-web.yaml']);
    assert.deepEqual((JSON.parse(json.out) as { kind: string }[]).map((d) => d.kind), docs.map((d) => d.kind));
  });

  it('an unreadable file is invalid usage (exit 2)', async () => {
    const r = await runCli(['validate', '-f', '/nonexistent/app.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot read/);
  });
});
