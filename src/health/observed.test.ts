import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { staleObservation } from './observed.js';

const CASES: [string, number | undefined, number | undefined, boolean][] = [
  ['an older generation than the apply returned', 1, 2, true],
  ['an object without a generation when one was applied', undefined, 2, true],
  ['the generation the apply returned', 2, 2, false],
  ['a newer generation (someone changed it since)', 3, 2, false],
  ['any generation when the apply returned none', 1, undefined, false],
];

describe('staleObservation', () => {
  for (const [name, seen, min, stale] of CASES) {
    it(`${stale ? 'refuses' : 'accepts'} ${name}`, () => {
      const why = staleObservation({ metadata: seen === undefined ? {} : { generation: seen } }, min);
      assert.equal(why !== undefined, stale, why);
      if (stale) assert.match(why ?? '', new RegExp(`generation ${min} \\(it shows ${seen ?? 0}\\)`));
    });
  }
});

describe('staleObservation after a re-create', () => {
  it('refuses the old object of the same name (another uid), even at a higher generation', () => {
    const why = staleObservation({ metadata: { generation: 5, uid: 'old' } }, 1, 'new');
    assert.match(why ?? '', /uid new; it shows old/);
  });
  it('accepts the object the apply made', () => {
    assert.equal(staleObservation({ metadata: { generation: 1, uid: 'new' } }, 1, 'new'), undefined);
  });
});
