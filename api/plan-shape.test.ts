import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withPlanShape } from './runs.js';

const plan = {
  steps: [
    { name: 'deploy-db', type: 'deploy', components: ['db'], dependsOn: [], if: 'succeeded', properties: {} },
    { name: 'deploy-web', type: 'deploy', components: ['web'], dependsOn: ['deploy-db'], if: 'succeeded', properties: {}, group: 'apps' },
  ],
} as unknown as Parameters<typeof withPlanShape>[1];

describe('GET /v1/runs/:id: each step with its place in the plan', () => {
  it('adds dependsOn and group from the plan to the run\'s own step status', () => {
    const steps = withPlanShape([{ name: 'deploy-db', type: 'deploy', components: ['db'], phase: 'Succeeded', attempts: 1 }, { name: 'deploy-web', type: 'deploy', components: ['web'], phase: 'Running', attempts: 1 }], plan);
    assert.deepEqual(steps.map((s) => [s.name, s.phase, s.dependsOn, s.group]), [['deploy-db', 'Succeeded', [], undefined], ['deploy-web', 'Running', ['deploy-db'], 'apps']]);
  });

  it('answers the plan\'s steps as Pending before the run has said anything (queued, or no worker)', () => {
    assert.deepEqual(withPlanShape(undefined, plan).map((s) => [s.name, s.phase, s.attempts]), [['deploy-db', 'Pending', 0], ['deploy-web', 'Pending', 0]]);
  });
});
