import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { componentTypeEntries, schemaFields, shapeOf, stepTypeEntries, traitEntries, typeOf } from './registry-view.js';

describe('the registries page\'s entries', () => {
  const cases: [unknown, string][] = [
    [{ type: 'string' }, 'string'],
    [{ type: 'array', items: { type: 'integer' } }, 'array of integer'],
    [{ enum: ['serial', 'parallel'] }, '"serial" | "parallel"'],
    [{ anyOf: [{ type: 'string' }, { type: 'number' }] }, 'string | number'],
    [{}, 'any'],
  ];
  for (const [schema, expected] of cases) it(`reads ${JSON.stringify(schema)} as ${expected}`, () => assert.equal(typeOf(schema), expected));

  it('lists a schema\'s fields, required first, with their descriptions', () => {
    const fields = schemaFields({ type: 'object', properties: { replicas: { type: 'integer', description: 'how many' }, image: { type: 'string' } }, required: ['image'] });
    assert.deepEqual(fields, [{ name: 'image', type: 'string', required: true }, { name: 'replicas', type: 'integer', required: false, description: 'how many' }]);
  });

  it('turns each registry\'s answer into entries with their facts and schema, a plugin said as such', () => {
    const [c] = componentTypeEntries({ componentTypes: [{ name: 'webservice', description: 'a web app', workload: 'Deployment', stage: 'workload', exposesService: true, properties: { type: 'object' } }] });
    assert.deepEqual([c?.kind, c?.name, c?.facts], ['component type', 'webservice', ['workload Deployment', 'stage workload', 'exposes a Service']]);
    const [t] = traitEntries({ traits: [{ name: 'envs', description: 'env vars', appliesTo: ['Deployment'], schema: { type: 'array' } }] });
    assert.deepEqual([t?.name, t?.facts, t?.schema], ['envs', ['applies to Deployment'], { type: 'array' }]);
    const [s] = stepTypeEntries({ stepTypes: [{ name: 'notify', description: '', components: 'none', plugin: true, properties: {} }] });
    assert.deepEqual(s?.facts, ['plugin', 'components: none']);
  });

  const shapes: [string, unknown, string, string[]][] = [
    ['an object', { type: 'object', properties: { cpu: { type: 'string' } } }, 'an object with these fields', ['cpu']],
    ['an empty object', { type: 'object', properties: {} }, 'no properties', []],
    ['a list of objects', { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } }, 'a list, each item with these fields', ['name']],
    ['a list of a union', { type: 'array', items: { oneOf: [{ type: 'object' }, { type: 'string' }] } }, 'a list of object | string', []],
  ];
  for (const [what, schema, takes, fields] of shapes) {
    it(`says what ${what} takes and lists its fields`, () => {
      const shape = shapeOf(schema);
      assert.deepEqual([shape.takes, shape.fields.map((f) => f.name)], [takes, fields]);
    });
  }

  it('answers no entries for an answer without its list', () => {
    assert.deepEqual(traitEntries({}), []);
  });
});
