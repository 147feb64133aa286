import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filtersFromQuery, pageOfNext, queryOfFilters } from './runs-filters.js';

describe('the runs list\'s filters in the URL', () => {
  it('reads the filters it knows from the query, dropping empty ones and others', () => {
    assert.deepEqual(filtersFromQuery(new URLSearchParams('application=shop&namespace=&phase=Failed&x=1')), { application: 'shop', phase: 'Failed' });
  });

  it('writes them back as the same query (the API takes the same names)', () => {
    const f = { namespace: 'demo', phase: 'Running', page: 'abc' };
    assert.deepEqual(queryOfFilters(f), f);
    assert.deepEqual(filtersFromQuery(new URLSearchParams(queryOfFilters(f))), f);
  });

  it('takes the page token out of the list\'s next link', () => {
    assert.equal(pageOfNext('/v1/runs?namespace=demo&page=Q2hh_-'), 'Q2hh_-');
    assert.equal(pageOfNext(undefined), undefined);
  });
});
