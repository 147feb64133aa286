import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { registrySchemas } from '../../../src/index.js';
import { traitsFor, type ComponentTypeInfo, type TraitInfo } from './registry-view.js';

describe('traitsFor: the traits a component type takes, from the registries', () => {
  const { componentTypes, traits } = registrySchemas() as unknown as { componentTypes: ComponentTypeInfo[]; traits: TraitInfo[] };
  it('offers ingress to a web service but not to a job, and nothing to a config or an unknown type', () => {
    const names = (type: string) => traitsFor(componentTypes, traits, type).map((t) => t.name);
    assert.ok(names('webservice').includes('ingress'));
    assert.ok(names('job').includes('resources'));
    assert.ok(!names('job').includes('ingress'));
    assert.deepEqual(names('config'), []);
    assert.deepEqual(names('nope'), []);
  });
});
