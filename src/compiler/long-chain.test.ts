/** The largest dependency chain a spec may have (LIMITS.components): validated and compiled whole, in order. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chainSpec as chainOf } from '../../test/support/bombs.js';
import { isSpecInvalid } from '../errors.js';
import { LIMITS } from '../model/limits.js';
import { validateApplication } from '../model/parse.js';
import { compile } from './compile.js';

const chainSpec = (length: number = LIMITS.components) => chainOf(length);

describe('a 10,000-component dependency chain', () => {
  it('compiles to one step per component, each after the one before, in chain order', () => {
    const plan = compile(validateApplication(chainSpec()));
    assert.equal(plan.steps.length, LIMITS.components);
    plan.steps.forEach((s, i) => {
      assert.equal(s.name, `deploy-c${i}`);
      assert.deepEqual(s.dependsOn, i ? [`deploy-c${i - 1}`] : []);
    });
  });

  it('compiles reversed in the spec to the same chain order', () => {
    const spec = chainSpec();
    const plan = compile(validateApplication({ ...spec, components: [...spec.components].reverse() }));
    assert.deepEqual(plan.steps.slice(0, 3).map((s) => s.name), ['deploy-c0', 'deploy-c1', 'deploy-c2']);
    assert.equal(plan.steps.at(-1)?.name, `deploy-c${LIMITS.components - 1}`);
  });

  it('reports a cycle closing the chain, naming every link', () => {
    const spec = chainSpec();
    const first = spec.components[0] as { dependsOn: string[] };
    first.dependsOn = [`c${LIMITS.components - 1}`];
    try {
      validateApplication(spec);
      assert.fail('expected the cycle to be refused');
    } catch (e) {
      assert.ok(isSpecInvalid(e));
      assert.deepEqual(e.details.map((d) => d.path), ['$.components[0].dependsOn']);
      assert.equal(e.details[0]?.message.split(' -> ').length, LIMITS.components + 1);
    }
  });

  it('validates and compiles an explicit 10,000-step workflow chain', () => {
    const spec = chainSpec();
    const steps = spec.components.map((c, i) => ({ name: `s${i}`, type: 'deploy', components: [c.name], ...(i ? { dependsOn: [`s${i - 1}`] } : {}) }));
    const plan = compile(validateApplication({ ...spec, components: spec.components.map((c) => ({ ...c, dependsOn: [] })), workflow: { steps } }));
    assert.equal(plan.steps.length, LIMITS.steps);
    assert.deepEqual(plan.steps.at(-1)?.dependsOn, [`s${LIMITS.steps - 2}`]);
  });
});
