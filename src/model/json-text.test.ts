import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseUniqueJson, repeatsAKey } from './json-text.js';

describe('repeatsAKey', () => {
  const cases: [string, string, boolean][] = [
    ['no objects', '[1, "a", true]', false],
    ['distinct keys', '{"a": 1, "b": {"a": 2}}', false],
    ['a repeated key', '{"a": 1, "b": 2, "a": 3}', true],
    ['a repeated key deep in an array', '{"c": [{"x": 1}, {"x": 1, "y": 2, "x": 3}]}', true],
    ['the same key in sibling objects', '[{"a": 1}, {"a": 2}]', false],
    ['a key spelt with an escape', '{"a": 1, "\\u0061": 2}', true],
    ['quotes and braces inside strings', '{"a": "}{,\\"a\\":", "b": "[\\\\"}', false],
    ['a value equal to a key', '{"a": "a", "b": "a"}', false],
    ['an empty object', '{"a": {}, "b": []}', false],
  ];
  for (const [name, text, expected] of cases) it(name, () => assert.equal(repeatsAKey(text), expected));
});

describe('parseUniqueJson', () => {
  it('parses JSON without repeated keys', () => assert.deepEqual(parseUniqueJson(' {"a": [1]}'), { value: { a: [1] } }));
  it('leaves YAML, broken JSON and repeated keys to the YAML parser', () => {
    for (const text of ['name: x', '{"a": 1,}', '{"a": 1, "a": 2}', '"just a string"']) assert.equal(parseUniqueJson(text), undefined, text);
  });
});
