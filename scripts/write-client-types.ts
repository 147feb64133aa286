/**
 * `npm run client:types`: writes client/api-types.ts, the TypeScript types of /openapi.json made
 * by openapi-typescript. A test regenerates them and fails when the committed file is stale.
 */
import { writeFile } from 'node:fs/promises';
import { apiTypesSource } from '../client/generate.js';

const out = new URL('../client/api-types.ts', import.meta.url);
await writeFile(out, await apiTypesSource());
process.stderr.write(`wrote ${out.pathname}\n`);
