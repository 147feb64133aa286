/**
 * The export's text (cli/commands/export.ts specText) round-trips offline: the validated spec a
 * plan carries, written as YAML or JSON, validates and compiles to the same revision.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import type { Application } from '../client/index.js';
import { compile, validateSpecText } from '../src/index.js';
import { specText } from './commands/export.js';

describe('the text kubemin export writes', () => {
  for (const example of ['hello-web', 'seed-scenario', 'all-traits']) {
    it(`compiles to the revision of examples/${example}.yaml again, as YAML and as JSON`, async () => {
      const plan = compile(validateSpecText(await readFile(new URL(`../examples/${example}.yaml`, import.meta.url), 'utf8')));
      // what the API answers: the plan's spec as JSON
      const answered = JSON.parse(JSON.stringify(plan.spec)) as Application;
      for (const format of ['yaml', 'json'] as const) assert.equal(compile(validateSpecText(specText(answered, format))).revision, plan.revision, format);
    });
  }
});
