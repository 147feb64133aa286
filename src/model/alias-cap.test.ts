import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isKubeMinError, isSpecInvalid, type KubeMinError } from '../errors.js';
import { aliasBomb, laughsBomb } from '../../test/support/bombs.js';
import { validateSpecText } from './parse.js';

function refusal(text: string): KubeMinError {
  try {
    validateSpecText(text);
  } catch (e) {
    assert.ok(isKubeMinError(e), `expected a KubeMin error, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the spec to be refused');
}

describe('YAML alias expansion cap', () => {
  it('refuses an alias bomb as SpecTooLarge before validating it', () => {
    const e = refusal(aliasBomb(99, 20_000));
    assert.equal(e.code, 'SpecTooLarge');
    assert.match(e.message, /500,000/);
  });

  it('refuses nested aliases that multiply (a billion laughs) without expanding them', () => {
    assert.equal(refusal(laughsBomb()).code, 'SpecTooLarge');
  });

  it('accepts more than a hundred aliases when their expansion is small', () => {
    const app = validateSpecText(aliasBomb(150, 3));
    assert.equal(app.components.length, 151);
    assert.deepEqual(app.components[150]?.env, { K0: 'v', K1: 'v', K2: 'v' });
  });

  it('answers an alias of an undefined anchor as SpecInvalid with its line', () => {
    const e = refusal('name: a\ncomponents:\n  - name: w\n    type: worker\n    image: x\n    env: *nowhere\n');
    assert.ok(isSpecInvalid(e));
    assert.equal(e.details[0]?.line, 6);
    assert.match(e.details[0]?.message ?? '', /nowhere/);
  });

  it('answers an alias inside its own anchor (an endless expansion) as SpecInvalid with its line', () => {
    const e = refusal('name: a\ncomponents:\n  - &c\n    name: w\n    type: worker\n    image: x\n    properties: { self: *c }\n');
    assert.ok(isSpecInvalid(e));
    assert.equal(e.details[0]?.line, 7);
    assert.match(e.details[0]?.message ?? '', /alias/);
  });
});
