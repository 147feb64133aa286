import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StepStatus } from '../../../client/index.js';
import { layout, NODE_HEIGHT, NODE_WIDTH } from './layout.js';
import { groupNodeId, isStepNode, planGraph } from './plan-graph.js';

const step = (name: string, dependsOn: string[] = [], extra: Partial<StepStatus> = {}): StepStatus => ({ name, type: 'deploy', components: [name], phase: 'Pending', attempts: 0, dependsOn, ...extra });

describe('planGraph: a run\'s steps as nodes and edges', () => {
  it('makes a node per step and an edge from each dependency to its dependent', () => {
    const g = planGraph([step('db'), step('api', ['db']), step('web', ['api', 'db'])]);
    assert.deepEqual(g.nodes.map((n) => n.id), ['db', 'api', 'web']);
    assert.deepEqual(g.edges.map((e) => [e.source, e.target]), [['db', 'api'], ['api', 'web'], ['db', 'web']]);
  });

  it('leaves out an edge to a step the run does not have', () => {
    assert.deepEqual(planGraph([step('api', ['gone'])]).edges, []);
  });

  it('marks the selected step and animates the edges into a running one', () => {
    const g = planGraph([step('db', [], { phase: 'Succeeded' }), step('api', ['db'], { phase: 'Running' })], 'api');
    assert.deepEqual(g.nodes.map((n) => n.selected), [false, true]);
    assert.equal(g.edges[0]?.animated, true);
  });

  it('makes a group node per workflow group, before the steps it holds, each step its child', () => {
    const g = planGraph([step('db'), step('api', ['db'], { group: 'apps' }), step('web', ['db'], { group: 'apps' }), step('gateway', ['api', 'web'])]);
    assert.deepEqual(g.nodes.map((n) => [n.id, n.type, n.parentId]), [['group:apps', 'stepGroup', undefined], ['db', 'step', undefined], ['api', 'step', 'group:apps'], ['web', 'step', 'group:apps'], ['gateway', 'step', undefined]]);
    assert.deepEqual(g.nodes[0]?.data, { name: 'apps', steps: ['api', 'web'] });
    assert.equal(g.nodes[0]?.selectable, false);
    assert.deepEqual(g.edges.map((e) => e.id), ['db->api', 'db->web', 'api->gateway', 'web->gateway']);
  });

  it('gives each node the look of its shown phase', () => {
    const g = planGraph([step('release', [], { type: 'approval', phase: 'Running', awaitingApproval: true }), step('web', [], { phase: 'Running', waitingForCapacity: true })]);
    assert.deepEqual(g.nodes.filter(isStepNode).map((n) => n.data.look.word), ['awaiting approval', 'waiting for capacity']);
  });
});

describe('layout: dagre, left to right', () => {
  it('puts every dependency left of its dependents and parallel steps in one column', () => {
    const g = planGraph([step('db'), step('api', ['db']), step('worker', ['db']), step('gateway', ['api', 'worker'])]);
    const at = new Map(layout(g.nodes, g.edges).map((n) => [n.id, n.position]));
    const x = (id: string) => at.get(id)?.x ?? NaN;
    assert.ok(x('db') + NODE_WIDTH < x('api'));
    assert.equal(x('api'), x('worker'));
    assert.ok(x('api') + NODE_WIDTH < x('gateway'));
    assert.notEqual(at.get('api')?.y, at.get('worker')?.y);
  });

  it('lays out a 1,000-step plan with every dependency left of its dependent, in seconds, not the 20 s that dagre takes by default', () => {
    const steps = Array.from({ length: 1000 }, (_, i) => step(`s${i}`, i >= 10 ? [`s${i - 10}`, ...(i % 3 ? [`s${i - 10 + (i % 10 ? -1 : 1)}`] : [])] : []));
    const g = planGraph(steps);
    const t0 = performance.now();
    const at = new Map(layout(g.nodes, g.edges).map((n) => [n.id, n.position.x]));
    assert.ok(performance.now() - t0 < 6_000, `${performance.now() - t0} ms`);
    for (const e of g.edges) assert.ok((at.get(e.source) ?? NaN) < (at.get(e.target) ?? NaN), `${e.source} -> ${e.target}`);
  });

  it('puts a group\'s steps inside its box (positions relative to it), the group between what comes before and after', () => {
    const g = planGraph([step('db'), step('api', ['db'], { group: 'apps' }), step('web', ['db'], { group: 'apps' }), step('top', ['db']), step('gateway', ['api', 'web', 'top'])]);
    const laid = new Map(layout(g.nodes, g.edges).map((n) => [n.id, n]));
    const box = laid.get(groupNodeId('apps'));
    assert.ok(box?.width && box.height);
    for (const id of ['api', 'web']) {
      const p = laid.get(id)?.position ?? { x: NaN, y: NaN };
      assert.ok(p.x >= 0 && p.y >= 20 && p.x + NODE_WIDTH <= box.width && p.y + NODE_HEIGHT <= box.height, `${id} ${JSON.stringify(p)} in ${box.width}x${box.height}`);
    }
    const right = (id: string) => (laid.get(id)?.position.x ?? NaN) + NODE_WIDTH;
    assert.ok(right('db') < box.position.x);
    assert.ok(box.position.x + box.width < (laid.get('gateway')?.position.x ?? NaN));
    // a step of no group beside the group does not overlap its box
    const top = laid.get('top')?.position ?? { x: NaN, y: NaN };
    assert.ok(top.y + NODE_HEIGHT <= box.position.y || top.y >= box.position.y + box.height, JSON.stringify({ top, box: box.position }));
  });

  it('lays out a 500-step plan in groups of ten quickly, every dependency left of its dependent', () => {
    const steps = Array.from({ length: 500 }, (_, i) => step(`s${i}`, i >= 10 ? [`s${i - 10}`] : [], { group: `g${Math.floor(i / 10) % 2 ? 'odd' : 'even'}${Math.floor(i / 20)}` }));
    const g = planGraph(steps);
    const t0 = performance.now();
    const laid = new Map(layout(g.nodes, g.edges).map((n) => [n.id, n]));
    assert.ok(performance.now() - t0 < 6_000, `${performance.now() - t0} ms`);
    const x = (id: string) => {
      const n = laid.get(id);
      return (n?.position.x ?? NaN) + (n?.parentId ? (laid.get(n.parentId)?.position.x ?? NaN) : 0);
    };
    for (const e of g.edges) assert.ok(x(e.source) < x(e.target), `${e.source} -> ${e.target}`);
  });

  it('places the same graph the same way', () => {
    const g = planGraph([step('a'), step('b', ['a']), step('c', ['a'])]);
    assert.deepEqual(layout(g.nodes, g.edges).map((n) => n.position), layout(g.nodes, g.edges).map((n) => n.position));
  });
});
