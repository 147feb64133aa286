import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { apiTypesSource } from './generate.js';

test('client/api-types.ts is what openapi-typescript makes of openApiDocument() now', async () => {
  // openapi-typescript throws on a reference it cannot resolve or an invalid document
  const fresh = await apiTypesSource();
  const committed = await readFile(new URL('./api-types.ts', import.meta.url), 'utf8');
  assert.equal(committed, fresh, 'client/api-types.ts is stale: run `npm run client:types`');
});
