import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Run } from '../../../client/index.js';
import { runActionsFor } from './run-actions.js';

describe('the run actions a run\'s phase allows', () => {
  const cases: [Run['phase'], string[]][] = [
    ['Queued', ['cancel', 'terminate']],
    ['Running', ['cancel', 'terminate']],
    ['Failed', ['retry']],
    ['Succeeded', []],
    ['Cancelled', []],
  ];
  for (const [phase, names] of cases) it(`offers ${names.join(', ') || 'nothing'} for a ${phase} run`, () => assert.deepEqual(runActionsFor(phase).map((a) => a.name), names));

  it('asks a reason for terminate only', () => {
    assert.deepEqual(runActionsFor('Running').filter((a) => a.reason).map((a) => a.name), ['terminate']);
  });
});
