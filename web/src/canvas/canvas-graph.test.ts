import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canvasGraph } from './canvas-graph.js';
import { placeErrors } from './error-places.js';
import { modelFromText, updateComponent } from './model.js';

const model = () => modelFromText('name: a\ncomponents:\n  - { name: db, type: store, image: redis }\n  - { name: api, type: webservice, image: x, dependsOn: [db, gone] }\n  - { name: web, type: webservice, dependsOn: [api, db] }\n');

describe('canvasGraph: the model as nodes and edges', () => {
  it('makes a node per component (keyed, not named) and an edge from each dependency to its dependent, leaving out names not on the canvas', () => {
    const g = canvasGraph(model());
    assert.deepEqual(g.nodes.map((n) => [n.id, n.data.spec.name]), [['c1', 'db'], ['c2', 'api'], ['c3', 'web']]);
    assert.deepEqual(g.edges.map((e) => e.id), ['c1->c2', 'c2->c3', 'c1->c3']);
  });

  it('keeps a node\'s key and edges when the component is renamed', () => {
    const g = canvasGraph(updateComponent(model(), 'c1', { name: 'redis' }));
    assert.equal(g.nodes[0]?.data.spec.name, 'redis');
    assert.deepEqual(g.edges.map((e) => e.id), ['c1->c2', 'c2->c3', 'c1->c3']);
  });

  it('gives each node its errors, position and selection', () => {
    const m = model();
    const errors = placeErrors(m, [{ path: '$.components[2].image', message: 'an image is required' }]);
    const g = canvasGraph(m, { errors, selected: 'c3', positions: new Map([['c3', { x: 5, y: 7 }]]) });
    assert.deepEqual(g.nodes.map((n) => [n.selected, n.data.errors?.get('image')?.length ?? 0]), [[false, 0], [false, 0], [true, 1]]);
    assert.deepEqual(g.nodes[2]?.position, { x: 5, y: 7 });
    assert.deepEqual(g.nodes[0]?.position, { x: 0, y: 0 });
  });
});
