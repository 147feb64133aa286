/**
 * The typed client's types, generated from the API's own OpenAPI document by openapi-typescript
 * (a real generator: a reference it cannot resolve, or an invalid document, throws).
 */
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from '../api/openapi.js';

const HEADER = '/** Generated from /openapi.json by openapi-typescript (npm run client:types). Do not edit. */\n\n';

export async function apiTypesSource(): Promise<string> {
  const ast = await openapiTS(openApiDocument() as unknown as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}
