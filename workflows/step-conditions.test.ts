import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideStep, outcomeOf, type StepOutcome } from './step-conditions.js';

const DEPS: Record<string, StepOutcome> = {
  Succeeded: { phase: 'Succeeded' },
  Failed: { phase: 'Failed', failure: 'a' },
  'Skipped-by-condition': { phase: 'Skipped' },
  'Skipped-by-failure': { phase: 'Skipped', failure: 'a0' },
};

describe('decideStep: the step-outcome rule', () => {
  const table: [string, keyof typeof DEPS, string][] = [
    ['succeeded', 'Succeeded', 'run'],
    ['succeeded', 'Failed', 'skip: failure'],
    ['succeeded', 'Skipped-by-condition', 'run'],
    ['succeeded', 'Skipped-by-failure', 'skip: failure'],
    ['failed', 'Succeeded', 'skip: condition'],
    ['failed', 'Failed', 'run'],
    ['failed', 'Skipped-by-condition', 'skip: condition'],
    ['failed', 'Skipped-by-failure', 'run'],
    ['always', 'Succeeded', 'run'],
    ['always', 'Failed', 'run'],
    ['always', 'Skipped-by-condition', 'run'],
    ['always', 'Skipped-by-failure', 'run'],
  ];
  for (const [cond, dep, want] of table) {
    it(`if: ${cond} after a dependency ${dep}: ${want}`, () => {
      const d = decideStep({ if: cond as 'succeeded', dependsOn: ['x'] }, [DEPS[dep] as StepOutcome]);
      assert.equal(d.run ? 'run' : `skip: ${d.skipped}`, want);
    });
  }

  it('a step with no dependencies runs unless it waits for a failure', () => {
    assert.equal(decideStep({ if: 'succeeded', dependsOn: [] }, []).run, true);
    assert.equal(decideStep({ if: 'failed', dependsOn: [] }, []).run, false);
  });

  it('a failure is carried on through a step that ran because of it, and named in the skip message', () => {
    const alert = decideStep({ if: 'failed', dependsOn: ['db'] }, [{ phase: 'Failed', failure: 'db' }]);
    const after = decideStep({ if: 'succeeded', dependsOn: ['alert'] }, [outcomeOf('alert', 'Succeeded', alert)]);
    assert.deepEqual(after, { run: false, skipped: 'failure', failure: 'db', message: 'skipped: step "db" failed' });
  });

  it('one failed dependency among satisfied ones is enough to skip', () => {
    const d = decideStep({ if: 'succeeded', dependsOn: ['a', 'b'] }, [DEPS.Succeeded as StepOutcome, DEPS.Failed as StepOutcome]);
    assert.equal(d.run, false);
  });
});
