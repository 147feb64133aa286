import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateApplication } from '../model/validate.js';
import { progressDeadlineFor } from './workloads.js';

const app = (steps?: unknown[]) =>
  validateApplication({ name: 'a', components: [{ name: 'web', type: 'webservice', image: 'web:1' }, { name: 'db', type: 'worker', image: 'db:1' }], ...(steps ? { workflow: { steps } } : {}) });

const CASES: [string, ReturnType<typeof app>, number | undefined][] = [
  ['no step sets maxPending (Kubernetes\' default)', app(), undefined],
  ['a maxPending the default deadline already outlasts', app([{ name: 's', type: 'deploy', components: ['web'], properties: { maxPending: '2m' } }]), undefined],
  ['a maxPending of 30m', app([{ name: 's', type: 'deploy', components: ['web'], properties: { maxPending: '30m' } }]), 1860],
  ['the longest of several, one inside a group', app([{ name: 's', type: 'deploy', components: ['web'], properties: { maxPending: '15m' } }, { name: 'g', steps: [{ name: 't', type: 'deploy', components: ['web', 'db'], properties: { maxPending: '1h' } }] }]), 3660],
  ['a long maxPending of a step that deploys another component', app([{ name: 's', type: 'deploy', components: ['db'], properties: { maxPending: '1h' } }]), undefined],
];

describe('progressDeadlineFor', () => {
  for (const [name, spec, deadline] of CASES) {
    it(`renders ${deadline ?? 'no'} progressDeadlineSeconds for web when ${name}`, () => {
      assert.equal(progressDeadlineFor(spec, 'web').progressDeadlineSeconds, deadline);
    });
  }
});
