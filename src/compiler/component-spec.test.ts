/**
 * The part of a spec an activity is given (specFor / reducedSpec) renders exactly what the
 * whole spec renders, for every component of every example, and holds no other components.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Application } from '../model/application.js';
import { validateSpecText } from '../model/parse.js';
import { validateApplication } from '../model/validate.js';
import { renderComponent } from '../render/render-component.js';
import { specFor } from './component-spec.js';
import { compile } from './compile.js';
import { reducedSpec } from './references.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

/** Every YAML spec under examples/, by path. */
function examples(dir = EXAMPLES): { file: string; app: Application }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return examples(path);
    return /\.ya?ml$/.test(e.name) ? [{ file: path.slice(EXAMPLES.length + 1), app: validateSpecText(readFileSync(path, 'utf8')) }] : [];
  });
}

/** An application with every reference between components rendering follows. */
const crossReferences = validateApplication({
  name: 'refs',
  namespace: 'refs',
  policies: { external: { secrets: ['outside'] } },
  components: [
    { name: 'settings', type: 'config', properties: { data: { url: 'http://api' } } },
    { name: 'creds', type: 'secret', properties: { stringData: { password: 'p' } } },
    { name: 'files', type: 'config', properties: { data: { 'a.conf': 'x' } } },
    { name: 'db', type: 'store', image: 'redis', ports: [{ port: 6379, name: 'redis' }] },
    {
      name: 'api',
      type: 'webservice',
      image: 'api',
      ports: [{ port: 8080, name: 'http' }, { port: 9090, name: 'metrics' }],
      dependsOn: ['db'],
      traits: {
        envFrom: [{ type: 'config', sourceName: 'settings' }, { type: 'secret', sourceName: 'outside' }],
        envs: [{ name: 'DB_PASSWORD', valueFrom: { secret: { name: 'creds', key: 'password' } } }],
        storage: [{ type: 'config', mountPath: '/etc/api', sourceName: 'files' }],
        ingress: { host: 'api.example.com', port: 'metrics' },
      },
    },
    { name: 'web', type: 'webservice', image: 'web', port: 80 },
    { name: 'entry', type: 'gateway', properties: { routes: [{ component: 'web' }, { path: '/api', component: 'api' }, { path: '/db', component: 'db' }] } },
  ],
  workflow: { steps: [{ name: 'all', type: 'deploy', components: ['settings', 'creds', 'files', 'db', 'api', 'web', 'entry'] }] },
});

const cases = [...examples(), { file: '(every cross-component reference)', app: crossReferences }];

describe('the part of a spec an activity is given', () => {
  it('covers the examples', () => {
    assert.ok(cases.some((c) => c.file === 'seed-scenario.yaml') && cases.some((c) => c.file === 'all-traits.yaml'), cases.map((c) => c.file).join(', '));
  });

  for (const { file, app } of cases) {
    it(`renders exactly the objects the whole spec renders, for every component of ${file}`, () => {
      for (const c of app.components) {
        assert.deepEqual(renderComponent(reducedSpec(app, c.name), c.name), renderComponent(app, c.name), `component ${c.name}`);
      }
    });
  }

  it('holds only the component and the ones it reads, in spec order, and no workflow', () => {
    const names = (component: string) => reducedSpec(crossReferences, component).components.map((c) => c.name);
    assert.deepEqual(names('entry'), ['db', 'api', 'web', 'entry']);
    assert.deepEqual(names('api'), ['settings', 'creds', 'files', 'api']);
    assert.deepEqual(names('web'), ['web']);
    assert.equal(reducedSpec(crossReferences, 'web').workflow, undefined);
    assert.deepEqual({ ...reducedSpec(crossReferences, 'web'), components: [], workflow: undefined }, { ...crossReferences, components: [], workflow: undefined });
  });

  it('is what the workflow computes from the plan (its references) for one component or several', () => {
    const plan = compile(crossReferences);
    assert.deepEqual(specFor(plan.spec, ['entry'], plan.references), reducedSpec(crossReferences, 'entry'));
    assert.deepEqual(specFor(plan.spec, ['web', 'settings'], plan.references).components.map((c) => c.name), ['settings', 'web']);
  });

  it('is the whole spec for a plan compiled before plans carried references', () => {
    assert.equal(specFor(crossReferences, ['web'], undefined), crossReferences);
  });
});
