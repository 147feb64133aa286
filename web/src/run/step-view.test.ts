import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StepStatus } from '../../../client/index.js';
import { elapsedMs, formatElapsed, readyOfDesired, shownPhase } from './step-view.js';

describe('how a step reads on screen', () => {
  const cases: [Partial<StepStatus>, string, string][] = [
    [{ phase: 'Pending' }, 'Pending', '○'],
    [{ phase: 'Running' }, 'Running', '◐'],
    [{ phase: 'Running', waitingForCapacity: true }, 'waiting for capacity', '◌'],
    [{ phase: 'Running', awaitingApproval: true }, 'awaiting approval', '◆'],
    [{ phase: 'Succeeded' }, 'Succeeded', '✓'],
    [{ phase: 'Failed' }, 'Failed', '✗'],
    [{ phase: 'Skipped' }, 'Skipped', '↷'],
    [{ phase: 'Cancelled', awaitingApproval: true }, 'Cancelled', '⊘'],
  ];
  for (const [state, word, icon] of cases) {
    it(`shows ${JSON.stringify(state)} as ${icon} ${word}`, () => {
      const look = shownPhase({ phase: 'Pending', ...state });
      assert.deepEqual([look.word, look.icon], [word, icon]);
    });
  }

  it('counts elapsed time to the end, or to now while running, and formats it', () => {
    assert.equal(elapsedMs({ startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:01:05Z' }, 0), 65_000);
    assert.equal(elapsedMs({ startedAt: '2026-01-01T00:00:00Z' }, Date.parse('2026-01-01T00:00:04Z')), 4_000);
    assert.equal(elapsedMs({}, 0), undefined);
    assert.deepEqual([4_000, 65_000, 7_380_000].map(formatElapsed), ['4s', '1m05s', '2h03m']);
  });

  it('sums ready of desired over what the step waits for', () => {
    assert.equal(readyOfDesired({ waiting: [{ ready: 1, desired: 2 }, { ready: 0, desired: 3 }] }), '1/5');
    assert.equal(readyOfDesired({ waiting: [{ state: 'Running' }] }), undefined);
    assert.equal(readyOfDesired({}), undefined);
  });
});
