/**
 * Turns user input (an object, JSON text or YAML text) into a validated Application, or throws
 * a SpecInvalidError listing every problem with its JSON path.
 */
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { SpecInvalidError, type ErrorDetail } from '../errors.js';
import { ApplicationSchema, type Application } from './application.js';

/** `['components', 0, 'image']` -> `$.components[0].image` */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : /^[A-Za-z_$][\w$]*$/.test(String(seg)) ? `${acc}.${String(seg)}` : `${acc}[${JSON.stringify(String(seg))}]`),
    '$',
  );
}

function detailsOf(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
}

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

/** Validates an already-parsed spec. */
export function validateApplication(input: unknown): Application {
  const result = ApplicationSchema.safeParse(input);
  if (!result.success) throw new SpecInvalidError(detailsOf(result.error));
  return result.data;
}
