import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { draftFromFlags } from '../../../cli/init/flags.js';
import { specText } from '../../../cli/init/write-spec.js';
import { compile, validateSpecText } from '../../../src/index.js';
import { canvasGraph } from './canvas-graph.js';
import { addComponent, connect, connectRefusal, disconnect, emptyModel, explicitSteps, modelFromText, removeComponent, specOf, toJson, toYaml, updateApp, updateComponent, type CanvasModel } from './model.js';

const revision = (text: string) => compile(validateSpecText(text)).revision;
const example = (name: string) => readFileSync(new URL(`../../../examples/${name}`, import.meta.url), 'utf8');
const initDraft = () =>
  draftFromFlags({
    name: 'shop',
    namespace: 'shop',
    approval: true,
    component: ['name=cfg,type=config,data.MODE=prod', 'name=db,type=store,image=redis:7,port=6379,volume=/data:1Gi', 'name=api,type=webservice,image=shop/api:1,replicas=2,port=8080,dependsOn=db+cfg,envFrom=cfg,readiness=/healthz,cpu=250m'],
  });
const names = (m: CanvasModel) => m.components.map((c) => c.spec.name);
const deps = (m: CanvasModel, name: string) => m.components.find((c) => c.spec.name === name)?.spec.dependsOn;

describe('the canvas model: import and export keep the spec\'s meaning', () => {
  const cases: [string, () => string][] = [
    ['kubemin init --yes (YAML, with an approval step)', () => specText(initDraft(), 'yaml')],
    ['kubemin init --yes -o json (the seed\'s componentType)', () => specText(initDraft(), 'json')],
    ['examples/seed-scenario.yaml', () => example('seed-scenario.yaml')],
    ['examples/all-traits.yaml', () => example('all-traits.yaml')],
    ['examples/hello-web.yaml', () => example('hello-web.yaml')],
  ];
  for (const [name, text] of cases) {
    it(`exports ${name} as YAML and JSON that compile to the same revision`, () => {
      const original = revision(text());
      const model = modelFromText(text());
      assert.equal(revision(toYaml(model)), original);
      assert.equal(revision(toJson(model)), original);
      // and a second round trip changes nothing
      assert.equal(toYaml(modelFromText(toYaml(model))), toYaml(model));
    });
  }

  it('reads the seed\'s componentType as type, in the same place', () => {
    const model = modelFromText(specText(initDraft(), 'json'));
    assert.deepEqual(Object.keys(model.components[0]?.spec ?? {}).slice(0, 2), ['name', 'type']);
    assert.ok(model.components.every((c) => !('componentType' in c.spec)));
  });

  it('keeps the application\'s fields in their order, components where they were', () => {
    const model = modelFromText('name: a\ncomponents:\n  - { name: w, type: worker, image: x }\nnamespace: n\nonFailure: rollback\n');
    assert.deepEqual(Object.keys(specOf(model)), ['name', 'components', 'namespace', 'onFailure']);
  });

  it('refuses text that is not an application\'s shape, saying why', () => {
    assert.throws(() => modelFromText('- a\n- b\n'), /must be an object/);
    assert.throws(() => modelFromText('name: a\ncomponents: 3\n'), /components must be a list/);
    assert.throws(() => modelFromText('name: [unclosed\n'), /not YAML or JSON/);
  });
});

describe('the canvas model: editing', () => {
  const two = () => modelFromText('name: a\nnamespace: n\ncomponents:\n  - { name: cfg, type: config }\n  - { name: web, type: webservice, image: x }\n');

  it('connecting the dependency (source) to the dependent (target) adds a dependsOn, and an edge; deleting the edge removes it', () => {
    const m = connect(two(), 'c1', 'c2');
    assert.deepEqual(deps(m, 'web'), ['cfg']);
    assert.deepEqual(canvasGraph(m).edges.map((e) => [e.source, e.target]), [['c1', 'c2']]);
    const back = disconnect(m, 'c1', 'c2');
    assert.deepEqual(deps(back, 'web'), []);
    assert.equal(canvasGraph(back).edges.length, 0);
    assert.equal(revision(toYaml(back)), revision(toYaml(two())));
  });

  it('refuses a self-dependency, a repeated one and a cycle, and leaves the model as it was', () => {
    const m = connect(two(), 'c1', 'c2');
    assert.match(connectRefusal(m, 'c1', 'c1') ?? '', /itself/);
    assert.match(connectRefusal(m, 'c1', 'c2') ?? '', /already depends/);
    assert.match(connectRefusal(m, 'c2', 'c1') ?? '', /cycle/);
    assert.equal(connect(m, 'c2', 'c1'), m);
  });

  it('adds a component of a type with a free name and a new key, and removes one with its name from the others\' dependsOn', () => {
    const added = addComponent(addComponent(emptyModel(), 'webservice').model, 'webservice');
    assert.deepEqual(names(added.model), ['webservice', 'webservice-2']);
    assert.equal(added.key, 'c2');
    const m = removeComponent(connect(two(), 'c1', 'c2'), 'c1');
    assert.deepEqual(names(m), ['web']);
    assert.deepEqual(deps(m, 'web'), []);
    // a removed key is never reused
    assert.equal(addComponent(m, 'worker').key, 'c3');
  });

  it('renames a component in the others\' dependsOn and the workflow\'s steps; undefined removes a field', () => {
    const text = 'name: a\ncomponents:\n  - { name: cfg, type: config }\n  - { name: web, type: webservice, image: x, replicas: 2, dependsOn: [cfg] }\nworkflow:\n  steps:\n    - { name: one, type: deploy, components: [cfg] }\n    - { name: g, steps: [{ name: two, type: deploy, components: [web, cfg] }] }\n';
    const m = updateComponent(updateComponent(modelFromText(text), 'c1', { name: 'settings' }), 'c2', { replicas: undefined });
    assert.deepEqual(deps(m, 'web'), ['settings']);
    assert.ok(!('replicas' in (m.components[1]?.spec ?? {})));
    const spec = validateSpecText(toYaml(m));
    assert.deepEqual(spec.workflow?.steps.map((s) => ('steps' in s ? s.steps.map((t) => t.components) : [s.components])), [[['settings']], [['web', 'settings']]]);
  });

  it('names an explicit workflow\'s steps (a group with its own), and none for a generated one', () => {
    const text = 'name: a\ncomponents:\n  - { name: w, type: worker, image: x }\nworkflow:\n  steps:\n    - { name: one, type: deploy, components: [w] }\n    - { name: g, steps: [{ name: two, type: suspend }, { name: three, type: suspend }] }\n';
    assert.deepEqual(explicitSteps(modelFromText(text)), ['one', 'g (two, three)']);
    assert.deepEqual(explicitSteps(two()), []);
  });

  it('sets and removes application fields', () => {
    const m = updateApp(updateApp(two(), 'namespace', 'other'), 'description', 'x');
    assert.equal(specOf(m).namespace, 'other');
    assert.equal(specOf(updateApp(m, 'description', undefined)).description, undefined);
  });
});
