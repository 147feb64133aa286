/** `npm run schema`: writes the published JSON Schema of the application spec. */
import { writeFileSync } from 'node:fs';
import { applicationJsonSchema } from '../src/model/json-schema.js';

const file = new URL('../schema/application.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(applicationJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${file.pathname}\n`);
