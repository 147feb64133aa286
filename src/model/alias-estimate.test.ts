import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aliasBomb, laughsBomb } from '../../test/support/bombs.js';
import { SpecTooLargeError } from '../errors.js';
import { estimateExpandedNodes } from './alias-estimate.js';
import { MAX_SPEC_NODES } from './limits.js';
import { validateSpecText } from './parse.js';

describe('estimateExpandedNodes: the expansion of YAML aliases, read off the text before it is parsed', () => {
  it('is 0 for text without aliases, and close to the node count for small aliased text', () => {
    assert.equal(estimateExpandedNodes('name: a\ncomponents:\n  - name: web\n    image: "a*b & c"\n'), 0);
    const small = 'name: a\nbase: &base\n  A: "1"\n  B: "2"\nx: *base\ny: *base\n';
    const estimate = estimateExpandedNodes(small);
    assert.ok(estimate >= 8 && estimate <= 30, `estimate ${estimate}`);
  });

  it('sees the 0.36 MB bomb (99 aliases of a 20,000-key env) and the billion laughs as far over the limit', () => {
    assert.ok(estimateExpandedNodes(aliasBomb(99, 20_000)) > 4 * MAX_SPEC_NODES);
    assert.ok(estimateExpandedNodes(laughsBomb()) > 4 * MAX_SPEC_NODES);
  });

  it('lets validateSpecText refuse the bomb with 413 SpecTooLarge without running the YAML parser on it', () => {
    const text = aliasBomb(99, 20_000);
    // a text the YAML parser could not read: if the parser ran, the answer would be a 400 syntax error
    const unparsable = `${text}\nbroken: [unclosed\n`;
    assert.throws(() => validateSpecText(unparsable), (e: unknown) => e instanceof SpecTooLargeError && /estimated from the text/.test(e.details[0]?.message ?? ''));
  });

  it('does not take the lines of an aliased block scalar, or commas in plain text, for nodes (no false 413)', () => {
    const users = Array.from({ length: 20_000 }, (_, i) => `        user${i},rw`).join('\n');
    const others = Array.from({ length: 59 }, (_, i) => `  - name: conf${i + 1}\n    type: config\n    data: *conf`).join('\n');
    const text = `name: a\nnamespace: shop\ncomponents:\n  - name: conf0\n    type: config\n    data: &conf\n      users.csv: |\n${users}\n${others}\n`;
    assert.ok(estimateExpandedNodes(text) < 4 * MAX_SPEC_NODES, `estimate ${estimateExpandedNodes(text)}`);
    assert.throws(() => validateSpecText(text), (e: unknown) => !(e instanceof SpecTooLargeError));
  });

  it('leaves a spec with a few aliases to the exact count', () => {
    const text = 'name: a\nnamespace: shop\ncomponents:\n  - name: a\n    type: worker\n    image: busybox\n    env: &env\n      A: "1"\n  - name: b\n    type: worker\n    image: busybox\n    env: *env\n';
    assert.equal(validateSpecText(text).components.length, 2);
  });
});
