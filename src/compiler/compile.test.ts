import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateApplication } from '../model/parse.js';
import { compile } from './compile.js';
import type { Plan } from './plan.js';
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

  it('applies configuration first (through one barrier: 2 x 4 edges are more than 2 + 4), then components after what they depend on', () => {
    const steps = compile(app).steps;
    assert.deepEqual(
      steps.map((s) => [s.name, s.type, s.dependsOn]),
      [
        ['deploy-settings', 'deploy', []],
        ['deploy-creds', 'deploy', []],
        ['configuration', 'barrier', ['deploy-settings', 'deploy-creds']],
        ['deploy-db', 'deploy', ['configuration']],
        ['deploy-worker', 'deploy', ['configuration', 'deploy-db']],
        ['deploy-api', 'deploy', ['configuration', 'deploy-db']],
        ['deploy-web', 'deploy', ['configuration', 'deploy-api']],
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

/** A generated plan's deploy steps, each with every deploy step it comes after (through any chain of dependencies). */
function deployOrder(plan: Plan): Record<string, string[]> {
  const byName = new Map(plan.steps.map((s) => [s.name, s]));
  const before = (name: string, seen = new Set<string>()): Set<string> => {
    for (const d of byName.get(name)?.dependsOn ?? []) if (!seen.has(d)) before(d, seen.add(d));
    return seen;
  };
  const deploys = plan.steps.filter((s) => s.type === 'deploy');
  return Object.fromEntries(deploys.map((s) => [s.name, [...before(s.name)].filter((d) => byName.get(d)?.type === 'deploy').sort()]));
}

const components = (counts: { config?: number; worker?: number; gateway?: number }) =>
  Object.entries(counts).flatMap(([type, n]) =>
    Array.from({ length: n }, (_, i) => ({
      name: `${type}-${i}`,
      type: type === 'worker' ? 'webservice' : type,
      ...(type === 'worker' ? { image: 'w', port: 80 } : {}),
      ...(type === 'config' ? { properties: { data: { k: 'v' } } } : {}),
      ...(type === 'gateway' ? { properties: { routes: [{ component: 'worker-0' }] } } : {}),
    })),
  );

describe('barriers between stages', () => {
  const cases: { name: string; counts: { config?: number; worker?: number; gateway?: number }; barriers: string[] }[] = [
    { name: 'one config, three workers: 3 edges, no barrier', counts: { config: 1, worker: 3 }, barriers: [] },
    { name: 'two configs, two workers: 4 edges either way, no barrier', counts: { config: 2, worker: 2 }, barriers: [] },
    { name: 'three configs, two workers: 6 edges or 5, a barrier', counts: { config: 3, worker: 2 }, barriers: ['configuration'] },
    { name: 'workers and one gateway: the gateway depends on the workers', counts: { config: 1, worker: 3, gateway: 1 }, barriers: [] },
    { name: 'three workers, two gateways: a barrier before the gateways', counts: { worker: 3, gateway: 2 }, barriers: ['workloads'] },
    { name: 'many of each: both barriers', counts: { config: 10, worker: 10, gateway: 3 }, barriers: ['configuration', 'workloads'] },
  ];
  for (const c of cases) {
    it(`${c.name}, and every deploy step still comes after exactly what it did before`, () => {
      const plan = compile(validateApplication({ name: 'shop', components: components(c.counts) }));
      assert.deepEqual(plan.steps.filter((s) => s.type === 'barrier').map((s) => s.name), c.barriers);
      const names = (type: string) => Array.from({ length: c.counts[type as keyof typeof c.counts] ?? 0 }, (_, i) => `deploy-${type}-${i}`);
      const expected = Object.fromEntries([
        ...names('config').map((n) => [n, []]),
        ...names('worker').map((n) => [n, names('config').sort()]),
        ...names('gateway').map((n) => [n, [...names('config'), ...names('worker')].sort()]),
      ]);
      assert.deepEqual(deployOrder(plan), expected);
    });
  }

  it('keeps a dependsOn that no barrier covers, and drops one the barrier covers', () => {
    const spec = components({ config: 3, worker: 3 });
    spec[4] = { ...spec[4], dependsOn: ['worker-0', 'config-2'] } as (typeof spec)[number];
    const plan = compile(validateApplication({ name: 'shop', components: spec }));
    assert.deepEqual(plan.steps.find((s) => s.name === 'deploy-worker-1')?.dependsOn, ['configuration', 'deploy-worker-0']);
  });

  it('keeps 1,000 configs and 1,000 workers under 1 MB of plan (it was 20 MB with every config in every workload\'s dependsOn)', () => {
    const n = 1000;
    const app = validateApplication({
      name: 'big',
      components: [
        ...Array.from({ length: n }, (_, i) => ({ name: `config-${i}`, type: 'config', properties: { data: { key: `value-${i}` } } })),
        ...Array.from({ length: n }, (_, i) => ({ name: `worker-${i}`, type: 'worker', image: `registry.local/worker:${i}`, traits: { envFrom: [{ type: 'config', sourceName: `config-${i}` }] } })),
      ],
    });
    const bytes = Buffer.byteLength(JSON.stringify(compile(app)));
    assert.ok(bytes < 1_000_000, `the plan is ${bytes} bytes`);
  });
});

describe('references in the plan', () => {
  it('name, per component, the other components its rendering reads: a gateway\'s routes, the config and secret components its traits read', () => {
    const app = validateApplication({
      name: 'shop',
      policies: { external: { configs: ['outside'] } },
      components: [
        { name: 'settings', type: 'config', properties: { data: { a: '1' } } },
        { name: 'creds', type: 'secret', properties: { stringData: { p: 'x' } } },
        { name: 'files', type: 'config', properties: { data: { f: 'x' } } },
        {
          name: 'api',
          type: 'webservice',
          image: 'api',
          port: 80,
          traits: {
            envFrom: [{ type: 'config', sourceName: 'settings' }, { type: 'config', sourceName: 'outside' }],
            envs: [{ name: 'P', valueFrom: { secret: { name: 'creds', key: 'p' } } }],
            storage: [{ type: 'config', mountPath: '/etc/f', sourceName: 'files' }],
            ingress: { host: 'api.example.com' },
          },
        },
        { name: 'web', type: 'webservice', image: 'web', port: 80 },
        { name: 'entry', type: 'gateway', properties: { routes: [{ component: 'web' }, { path: '/api', component: 'api' }] } },
      ],
    });
    assert.deepEqual(compile(app).references, { api: ['settings', 'creds', 'files'], entry: ['api', 'web'] });
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
