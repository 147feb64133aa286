import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorCount, placeErrors, placeOf } from './error-places.js';
import { modelFromText } from './model.js';

describe('placeOf: the node and field a JSON path names', () => {
  const cases: [string, ReturnType<typeof placeOf>][] = [
    ['$.components[1].image', { kind: 'component', index: 1, field: 'image' }],
    ['$.components[0].traits.ingress.host', { kind: 'component', index: 0, field: 'traits' }],
    ['$.components[2]', { kind: 'component', index: 2, field: undefined }],
    ['$.components[3]["odd key"]', { kind: 'component', index: 3, field: 'odd key' }],
    ['$.namespace', { kind: 'app', field: 'namespace' }],
    ['$.workflow.steps[0].components[1]', { kind: 'app', field: 'workflow' }],
    ['$', { kind: 'app', field: undefined }],
  ];
  for (const [path, place] of cases) it(`places ${path}`, () => assert.deepEqual(placeOf(path), place));
});

describe('placeErrors: errors on the components (by index) and the application', () => {
  it('puts each error on its node\'s field, and one past the last component on the application', () => {
    const model = modelFromText('name: a\ncomponents:\n  - { name: cfg, type: config }\n  - { name: web, type: webservice }\n');
    const placed = placeErrors(model, [
      { path: '$.components[1].image', message: 'an image is required' },
      { path: '$.components[1].image', message: 'again' },
      { path: '$.components[0]', message: 'whole' },
      { path: '$.components[5].name', message: 'gone' },
      { path: '$.name', message: 'bad name' },
    ]);
    assert.deepEqual(placed.components.get('c2')?.get('image')?.map((e) => e.message), ['an image is required', 'again']);
    assert.equal(errorCount(placed.components.get('c2')), 2);
    assert.equal(errorCount(placed.components.get('c1')), 1);
    assert.deepEqual(placed.app.get('components')?.map((e) => e.message), ['gone']);
    assert.deepEqual(placed.app.get('name')?.map((e) => e.message), ['bad name']);
  });
});
