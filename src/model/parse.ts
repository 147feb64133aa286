/**
 * Turns user input (JSON or YAML text) into a plain value; syntax errors carry line numbers.
 * validate.ts then turns the value into a validated Application.
 */
import { parseDocument } from 'yaml';
import { SpecInvalidError } from '../errors.js';

export { jsonPath } from './json-path.js';
export { validateApplication } from './validate.js';

/** Parses JSON or YAML text (YAML is a superset of JSON); syntax errors carry line numbers. */
export function parseSpecText(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new SpecInvalidError(
      doc.errors.map((e) => ({
        path: '$',
        message: `${e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}: ` : ''}${e.message.split('\n')[0]}`,
        hint: 'the body must be a JSON or YAML document',
      })),
    );
  }
  return doc.toJS();
}
