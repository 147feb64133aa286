import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isKubeMinError, isSpecInvalid, type KubeMinError } from '../errors.js';
import { validateSpecText } from './parse.js';

/** `aliases` components whose env all alias one map of `keys` entries. */
export function aliasBomb(aliases: number, keys: number): string {
  const env = Array.from({ length: keys }, (_, i) => `      K${i}: "v"`).join('\n');
  const rest = Array.from({ length: aliases }, (_, i) => `  - name: c${i + 1}\n    type: worker\n    image: busybox\n    env: *env`).join('\n');
  return `name: bomb\nnamespace: bomb\ncomponents:\n  - name: c0\n    type: worker\n    image: busybox\n    env: &env\n${env}\n${rest}\n`;
}

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
    const levels = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const e = refusal(`name: lol\ncomponents: [{ name: w, type: worker, image: x }]\nx-lol:\n${levels.map((l) => `  ${l}`).join('\n')}\n`);
    assert.equal(e.code, 'SpecTooLarge');
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
