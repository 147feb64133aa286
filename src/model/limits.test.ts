import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { isSpecInvalid, type ErrorDetail } from '../errors.js';
import { applicationJsonSchema } from './json-schema.js';
import { LIMITS } from './limits.js';
import { validateApplication, validateSpecText } from './parse.js';

function errorsOf(fn: () => unknown): ErrorDetail[] {
  try {
    fn();
  } catch (e) {
    assert.ok(isSpecInvalid(e), `expected SpecInvalidError, got ${String(e)}`);
    return [...e.details];
  }
  assert.fail('expected the spec to be refused');
}

const worker = (name: string, extra: Record<string, unknown> = {}) => ({ name, type: 'worker', image: 'busybox', ...extra });
const many = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const envMap = (n: number) => Object.fromEntries(many(n, (i) => [`K${i}`, 'v']));

describe('documented limits', () => {
  it('refuses more components than the limit, naming $.components', () => {
    const errors = errorsOf(() => validateApplication({ name: 'a', components: many(LIMITS.components + 1, (i) => worker(`c${i}`)) }));
    assert.deepEqual(errors.map((e) => e.path), ['$.components']);
    assert.match(errors[0]?.message ?? '', /at most 10,000 components/);
  });

  it('reports every limit passed at once, each with its path', () => {
    const errors = errorsOf(() =>
      validateApplication({
        name: 'a',
        components: [
          worker('w', { env: envMap(LIMITS.envEntries + 1), traits: { envs: many(LIMITS.envEntries + 1, (i) => ({ name: `E${i}`, value: 'v' })) } }),
          worker('v', { dependsOn: many(LIMITS.dependsOn + 1, () => 'w') }),
        ],
      }),
    );
    assert.deepEqual(errors.map((e) => e.path).sort(), ['$.components[0].env', '$.components[0].traits.envs', '$.components[1].dependsOn']);
  });

  it('counts the steps inside groups against the step limit', () => {
    const group = (g: number) => ({ name: `g${g}`, steps: many(LIMITS.steps / 2, (i) => ({ name: `s${g}-${i}`, type: 'barrier' })) });
    const errors = errorsOf(() => validateApplication({ name: 'a', components: [worker('w')], workflow: { steps: [group(0), group(1), group(2)] } }));
    assert.deepEqual(errors.map((e) => e.path), ['$.workflow.steps']);
    assert.match(errors[0]?.message ?? '', /at most 10,000 steps/);
  });

  it('refuses an apply step with more manifests than the limit', () => {
    const manifests = many(LIMITS.manifestsPerApplyStep + 1, (i) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `m${i}` } }));
    const errors = errorsOf(() => validateApplication({ name: 'a', components: [worker('w')], workflow: { steps: [{ name: 'raw', type: 'apply', properties: { manifests } }] } }));
    assert.deepEqual(errors.map((e) => e.path), ['$.workflow.steps[0].properties.manifests']);
  });

  it('gives the line of the field over its limit in YAML text', () => {
    const text = stringify({ name: 'a', components: [worker('w', { env: envMap(LIMITS.envEntries + 1) })] });
    const [error] = errorsOf(() => validateSpecText(text));
    assert.equal(error?.path, '$.components[0].env');
    assert.equal(error?.line, text.split('\n').findIndex((l) => l.trim() === 'env:') + 2);
  });

  it('refuses a value nested deeper than the limit, naming where it passes it, before anything recurses into it', () => {
    const deep = JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`) as unknown;
    const errors = errorsOf(() => validateApplication({ name: 'a', components: [worker('w')], workflow: { steps: [{ name: 'hook', type: 'webhook', properties: { url: 'https://example.com', body: deep } }] } }));
    assert.equal(errors.length, 1);
    assert.match(errors[0]?.path ?? '', /^\$\.workflow\.steps\[0\]\.properties\.body(\[0\])+$/);
    assert.match(errors[0]?.message ?? '', /nested deeper than 64 levels/);
  });

  it('shows the limits in the JSON Schema', () => {
    const schema = JSON.stringify(applicationJsonSchema());
    assert.match(schema, /"maxItems":10000/);
    assert.match(schema, /"maxProperties":1000/);
  });
});
