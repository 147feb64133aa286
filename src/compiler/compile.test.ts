import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateApplication } from '../model/parse.js';
import { compile } from './compile.js';
import { canonicalJson, revisionOf } from './revision.js';

const spec = () =>
  validateApplication({
    name: 'shop',
    namespace: 'shop',
    components: [
      { name: 'web', type: 'webservice', image: 'shop/web:1', port: 8080 },
      { name: 'api', type: 'webservice', image: 'shop/api:1', replicas: 3 },
    ],
  });

describe('compile', () => {
  it('gives each independent component a deploy step that depends on nothing', () => {
    const plan = compile(spec());
    assert.deepEqual(
      plan.steps.map((s) => [s.name, s.type, s.components, s.dependsOn]),
      [
        ['deploy-web', 'deploy', ['web'], []],
        ['deploy-api', 'deploy', ['api'], []],
      ],
    );
    assert.equal(plan.namespace, 'shop');
  });

  it('is deterministic: the same spec always gives the same plan and revision', () => {
    assert.deepEqual(compile(spec()), compile(spec()));
    assert.match(compile(spec()).revision, /^[0-9a-f]{12}$/);
  });

  it('changes the revision when an image changes', () => {
    const changed = spec();
    changed.components[0]!.image = 'shop/web:2';
    assert.notEqual(compile(changed).revision, compile(spec()).revision);
  });
});

describe('the generated workflow', () => {
  const app = validateApplication({
    name: 'shop',
    components: [
      { name: 'web', type: 'webservice', image: 'web', dependsOn: ['api'] },
      { name: 'worker', type: 'worker', image: 'worker', dependsOn: ['db'] },
      { name: 'api', type: 'webservice', image: 'api', dependsOn: ['db'] },
      { name: 'db', type: 'worker', image: 'redis' },
      { name: 'settings', type: 'config', properties: { data: { a: '1' } } },
      { name: 'creds', type: 'secret', properties: { stringData: { p: 'x' } } },
    ],
  });

  it('applies configuration first, then components after what they depend on', () => {
    const steps = compile(app).steps;
    assert.deepEqual(
      steps.map((s) => [s.name, s.dependsOn]),
      [
        ['deploy-settings', []],
        ['deploy-creds', []],
        ['deploy-db', ['deploy-settings', 'deploy-creds']],
        ['deploy-worker', ['deploy-settings', 'deploy-creds', 'deploy-db']],
        ['deploy-api', ['deploy-settings', 'deploy-creds', 'deploy-db']],
        ['deploy-web', ['deploy-settings', 'deploy-creds', 'deploy-api']],
      ],
    );
  });

  it('lets independent components run in parallel (no step orders them)', () => {
    const steps = compile(app).steps;
    const worker = steps.find((s) => s.name === 'deploy-worker');
    const api = steps.find((s) => s.name === 'deploy-api');
    assert.ok(!worker?.dependsOn.includes('deploy-api') && !api?.dependsOn.includes('deploy-worker'));
  });
});

describe('an explicit workflow', () => {
  const app = validateApplication({
    name: 'shop',
    components: [
      { name: 'db', type: 'store', image: 'redis', port: 6379 },
      { name: 'migrate', type: 'job', image: 'migrate' },
      { name: 'web', type: 'webservice', image: 'web', port: 80 },
      { name: 'worker', type: 'worker', image: 'worker' },
    ],
    workflow: {
      steps: [
        { name: 'capacity', type: 'gpu-check', properties: { gpusPerPod: 1 } },
        { name: 'data', type: 'deploy', components: ['db'], timeout: '5m', retry: { maxAttempts: 3, initialInterval: '2s' } },
        { name: 'tables', type: 'job', components: ['migrate'] },
        { name: 'apps', mode: 'parallel', steps: [{ name: 'front', type: 'deploy', components: ['web'] }, { name: 'back', type: 'deploy', components: ['worker'] }] },
        { name: 'release', type: 'approval', dependsOn: ['apps'] },
        { name: 'notify', type: 'webhook', if: 'always', properties: { url: 'https://hooks.example.com/done' } },
        { name: 'cleanup', mode: 'serial', if: 'failed', steps: [{ name: 'drop-web', type: 'delete', components: ['web'] }, { name: 'drop-worker', type: 'delete', components: ['worker'] }] },
      ],
    },
  });

  it('runs top-level steps one after another, group members as their mode says', () => {
    assert.deepEqual(
      compile(app).steps.map((s) => [s.name, s.dependsOn, s.if, s.group ?? '']),
      [
        ['capacity', [], 'succeeded', ''],
        ['data', ['capacity'], 'succeeded', ''],
        ['tables', ['data'], 'succeeded', ''],
        ['front', ['tables'], 'succeeded', 'apps'],
        ['back', ['tables'], 'succeeded', 'apps'],
        ['release', ['front', 'back'], 'succeeded', ''],
        ['notify', ['release'], 'always', ''],
        ['drop-web', ['notify'], 'failed', 'cleanup'],
        ['drop-worker', ['drop-web'], 'failed', 'cleanup'],
      ],
    );
  });

  it('turns timeouts and retries into seconds and fills property defaults', () => {
    const [capacity, data] = compile(app).steps;
    assert.deepEqual(capacity?.properties, { gpusPerPod: 1, pods: 1 });
    assert.equal(data?.timeoutSeconds, 300);
    assert.deepEqual(data?.retry, { maxAttempts: 3, initialIntervalSeconds: 2, backoff: 2 });
  });
});

describe('step policies', () => {
  it('give steps acting on matching components their timeout and retry, unless a step sets its own', () => {
    const app = validateApplication({
      name: 'shop',
      policies: { overrides: [{ match: { types: ['store'] }, steps: { timeout: '15m', retry: { maxAttempts: 5 } } }] },
      components: [
        { name: 'db', type: 'store', image: 'redis' },
        { name: 'web', type: 'webservice', image: 'web' },
      ],
    });
    const generated = compile(app).steps;
    assert.deepEqual(generated.map((s) => [s.name, s.timeoutSeconds, s.retry?.maxAttempts]), [['deploy-db', 900, 5], ['deploy-web', undefined, undefined]]);
    const own = compile({ ...app, workflow: { steps: [{ name: 'db', type: 'deploy', components: ['db'], timeout: '1m', if: 'succeeded', properties: {} }] } }).steps;
    assert.deepEqual([own[0]?.timeoutSeconds, own[0]?.retry?.maxAttempts], [60, 5]);
  });
});

describe('revisionOf', () => {
  it('ignores key order and undefined fields', () => {
    assert.equal(revisionOf({ a: 1, b: [1, { c: 2, d: undefined }] }), revisionOf({ b: [1, { c: 2 }], a: 1 }));
    assert.equal(canonicalJson({ b: 1, a: 2 }), '{"a":2,"b":1}');
  });
});
