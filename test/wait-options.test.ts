/**
 * The options of a step's waits and plugin activities: no per-attempt cap (the old 10 minutes x
 * 3 attempts ended every wait by 30 minutes), the step's own timeout as the bound, heartbeats
 * for liveness, retries until the bound.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PlanStep } from '../src/compiler/plan.js';
import { DEFAULT_WAIT_BOUND, WAIT_HEARTBEAT_TIMEOUT, waitOptions } from '../workflows/steps.js';

const step = (extra: Partial<PlanStep> = {}): PlanStep => ({ name: 'ship', type: 'deploy', components: ['web'], dependsOn: [], if: 'succeeded', properties: {}, ...extra });

const CASES: [string, PlanStep, unknown][] = [
  ['a step without a timeout', step(), DEFAULT_WAIT_BOUND],
  ['a step whose timeout is longer than the old 30-minute cap', step({ timeoutSeconds: 2 * 3600 }), 2 * 3600 * 1000],
  ['a plugin step with a timeout', step({ type: 'ai-eval', activity: 'aiEval', timeoutSeconds: 45 * 60 }), 45 * 60 * 1000],
];

describe('waitOptions', () => {
  for (const [name, s, bound] of CASES) {
    it(`bounds ${name} by ${String(bound)} as a whole, with heartbeats and no per-attempt cap`, () => {
      const o = waitOptions(s);
      assert.equal(o.scheduleToCloseTimeout, bound);
      assert.equal(o.startToCloseTimeout, undefined);
      assert.equal(o.heartbeatTimeout, WAIT_HEARTBEAT_TIMEOUT);
      assert.equal(o.retry?.maximumAttempts, undefined, 'retries are bounded by the timeout, not counted');
      assert.ok(o.retry?.nonRetryableErrorTypes?.includes('Unschedulable'));
    });
  }

  it("keeps a step's own retry policy", () => {
    const o = waitOptions(step({ retry: { maxAttempts: 4, initialIntervalSeconds: 2, backoff: 3 } }));
    assert.deepEqual([o.retry?.maximumAttempts, o.retry?.initialInterval, o.retry?.backoffCoefficient], [4, 2000, 3]);
    assert.equal(o.heartbeatTimeout, WAIT_HEARTBEAT_TIMEOUT);
  });
});
