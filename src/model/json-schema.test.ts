import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { applicationJsonSchema } from './json-schema.js';

const published = JSON.parse(readFileSync(new URL('../../schema/application.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(applicationJsonSchema());

describe('the published JSON Schema', () => {
  it('is current: schema/application.schema.json matches the zod schemas (run `npm run schema` after a change)', () => {
    assert.deepEqual(published, applicationJsonSchema());
  });

  for (const file of readdirSync(new URL('../../examples/', import.meta.url)).filter((f) => f.endsWith('.yaml'))) {
    it(`accepts examples/${file}`, () => {
      const spec = parse(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8'));
      assert.ok(validate(spec), JSON.stringify(validate.errors));
    });
  }

  it('describes each component type\'s properties and each trait, so an editor catches mistakes', () => {
    assert.equal(validate({ name: 'a', components: [{ name: 'c', type: 'config', properties: { dta: {} } }] }), false);
    assert.equal(validate({ name: 'a', components: [{ name: 'w', type: 'worker', image: 'x', traits: { storage: [{ type: 'nfs', mountPath: '/x' }] } }] }), false);
    assert.equal(validate({ name: 'a', components: [{ name: 'w', type: 'worker', image: 'x', traits: { resources: { gpu: 1 } } }] }), true);
  });
});
