import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deploymentHealth, type DeploymentLike, type HealthState } from './deployment.js';

const dep = (spec: DeploymentLike['spec'], status: DeploymentLike['status'], generation = 2): DeploymentLike => ({ metadata: { generation }, spec, status });

const CASES: [string, DeploymentLike, HealthState, RegExp][] = [
  ['all replicas updated and available', dep({ replicas: 2 }, { observedGeneration: 2, replicas: 2, updatedReplicas: 2, availableReplicas: 2 }), 'Healthy', /2 of 2/],
  ['the controller has not seen the new generation', dep({ replicas: 2 }, { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2 }), 'Progressing', /observe/],
  ['replicas still being updated', dep({ replicas: 3 }, { observedGeneration: 2, replicas: 3, updatedReplicas: 1, availableReplicas: 3 }), 'Progressing', /1 of 3 replicas updated/],
  ['old replicas not yet gone', dep({ replicas: 2 }, { observedGeneration: 2, replicas: 3, updatedReplicas: 2, availableReplicas: 2 }), 'Progressing', /1 old replicas/],
  ['updated replicas not yet available', dep({ replicas: 2 }, { observedGeneration: 2, replicas: 2, updatedReplicas: 2, availableReplicas: 1 }), 'Progressing', /1 of 2 updated replicas available/],
  [
    'the progress deadline passed',
    dep({ replicas: 2 }, { observedGeneration: 2, replicas: 2, updatedReplicas: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "x" has timed out progressing.' }] }),
    'Degraded',
    /ProgressDeadlineExceeded: ReplicaSet "x" has timed out/,
  ],
  ['a paused rollout', dep({ replicas: 2, paused: true }, { observedGeneration: 2 }), 'Suspended', /paused/],
  ['scaled to zero', dep({ replicas: 0 }, { observedGeneration: 2 }), 'Healthy', /0 of 0/],
];

describe('deploymentHealth', () => {
  for (const [name, obj, state, message] of CASES) {
    it(`is ${state} when ${name}`, () => {
      const h = deploymentHealth(obj);
      assert.equal(h.state, state);
      assert.match(h.message, message);
      assert.equal(h.reason, state === 'Degraded' ? 'ProgressDeadlineExceeded' : undefined);
    });
  }
});
