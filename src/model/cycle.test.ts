import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findCycle } from './cycle.js';

/** n0 <- n1 <- ... <- n(length-1): each depends on the one before. */
const chain = (length: number): Map<string, string[]> => new Map(Array.from({ length }, (_, i) => [`n${i}`, i ? [`n${i - 1}`] : []]));

describe('findCycle', () => {
  it('finds none in a DAG with shared dependencies', () => {
    assert.equal(findCycle(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]])), undefined);
  });

  it('names the cycle, its first name repeated at the end', () => {
    assert.deepEqual(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]])), ['a', 'b', 'c', 'a']);
  });

  it('ignores dependencies on names outside the graph', () => {
    assert.equal(findCycle(new Map([['a', ['missing']]])), undefined);
  });

  it('walks a 200,000-long chain without overflowing the stack', () => {
    const deps = chain(200_000);
    assert.equal(findCycle(deps), undefined);
    deps.set('n0', ['n199999']);
    const cycle = findCycle(deps);
    assert.equal(cycle?.length, 200_001);
    assert.equal(cycle?.[0], cycle?.[200_000]);
  });
});
