import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exitMessages, podProblems, selects } from './pods.js';

describe('podProblems', () => {
  it('tells waiting for capacity apart, with the scheduler\'s message', () => {
    const pods = [{ status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/5 nodes are available: 5 Insufficient nvidia.com/gpu.' }] } }];
    assert.deepEqual(podProblems(pods), { unschedulable: 'Unschedulable: 0/5 nodes are available: 5 Insufficient nvidia.com/gpu.' });
  });

  it('names a failing container\'s reason and pod', () => {
    const pods = [{ metadata: { name: 'web-1' }, status: { containerStatuses: [{ state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "web:typo"' } } }] } }];
    assert.deepEqual(podProblems(pods), { failing: 'ImagePullBackOff: Back-off pulling image "web:typo" (pod web-1)' });
  });

  it('finds nothing wrong with pods that are only starting', () => {
    assert.deepEqual(podProblems([{ status: { phase: 'Pending', containerStatuses: [{ state: { waiting: { reason: 'ContainerCreating' } } }] } }]), {});
  });

  it('collects what failed containers said as they exited', () => {
    const pods = [{ status: { containerStatuses: [{ name: 'migrate', state: { terminated: { exitCode: 1, message: 'relation "users" already exists\n' } } }, { name: 'ok', state: { terminated: { exitCode: 0 } } }] } }];
    assert.deepEqual(exitMessages(pods), ['migrate exited 1: relation "users" already exists']);
  });

  it('selects pods by every label of a selector', () => {
    assert.equal(selects({ a: '1', b: '2' }, { metadata: { labels: { a: '1', b: '2', c: '3' } } }), true);
    assert.equal(selects({ a: '1', b: '2' }, { metadata: { labels: { a: '1' } } }), false);
  });
});
