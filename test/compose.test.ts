/**
 * docker-compose.yml cannot run here (no Docker engine), so this checks what can be checked:
 * it parses, it has every service the README promises, and what it runs exists in this repo.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

const root = new URL('../', import.meta.url);
const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8')) as {
  services: Record<string, { image?: string; build?: string; command?: string[]; depends_on?: unknown; environment?: Record<string, string> }>;
};
const readme = readFileSync(new URL('README.md', root), 'utf8');

/** The services the README's production section lists in its table, by name in backticks. */
function promisedServices(): string[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Production'));
  assert.ok(section, 'the README has a "Production" section');
  return [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1] as string);
}

describe('docker-compose.yml', () => {
  it('names every service the README promises, and no other', () => {
    const promised = promisedServices();
    assert.deepEqual(promised.sort(), ['kubemin-api', 'kubemin-worker', 'postgresql', 'temporal', 'temporal-ui']);
    assert.deepEqual(Object.keys(compose.services).sort(), promised.sort());
  });

  it('runs Temporal on PostgreSQL', () => {
    assert.equal(compose.services.temporal?.environment?.DB, 'postgres12');
    assert.equal(compose.services.temporal?.environment?.POSTGRES_SEEDS, 'postgresql');
  });

  it('builds KubeMin from the Dockerfile and runs entry points that exist', () => {
    assert.ok(existsSync(new URL('Dockerfile', root)));
    for (const name of ['kubemin-api', 'kubemin-worker']) {
      const svc = compose.services[name];
      assert.equal(svc?.build, '.');
      const entry = svc?.command?.[1] ?? '';
      assert.match(entry, /^dist\/workers\/.+\.js$/);
      assert.ok(existsSync(new URL(entry.replace(/^dist\//, '').replace(/\.js$/, '.ts'), root)), `${entry} has a source file`);
      assert.equal(svc?.environment?.TEMPORAL_ADDRESS, 'temporal:7233');
    }
  });
});
