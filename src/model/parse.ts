/**
 * Turns user input (JSON or YAML text) into a validated Application. Syntax errors carry line
 * numbers, and so does every validation error that points into the text.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { SpecInvalidError, SpecTooLargeError, isKubeMinError, isSpecInvalid, type ErrorDetail } from '../errors.js';
import { checkExpandedSize } from './alias-cap.js';
import { estimateExpandedNodes } from './alias-estimate.js';
import type { Application } from './application.js';
import { parseUniqueJson } from './json-text.js';
import { MAX_SPEC_NODES } from './limits.js';
import { validateApplication } from './validate.js';

export { jsonPath } from './json-path.js';
export { validateApplication } from './validate.js';

interface Parsed {
  value: unknown;
  doc: Document;
  lines: LineCounter;
}

/** An estimate this far over the limit is refused before the parser reads the text (alias-estimate.ts). */
const EARLY_REFUSAL_FACTOR = 4;

function parse(text: string): Parsed {
  const estimate = estimateExpandedNodes(text);
  if (estimate > EARLY_REFUSAL_FACTOR * MAX_SPEC_NODES) {
    throw new SpecTooLargeError(MAX_SPEC_NODES, { path: '$', message: `about ${estimate.toLocaleString('en-US')} nodes once aliases are expanded (estimated from the text, before parsing it)` });
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: true, lineCounter: lines, uniqueKeys: false });
  if (doc.errors.length > 0) {
    throw new SpecInvalidError(
      doc.errors.map((e) => ({
        path: '$',
        message: `${e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}: ` : ''}${e.message.split('\n')[0]}`,
        hint: 'the body must be a JSON or YAML document',
      })),
    );
  }
  // aliases expanded are counted before anything is built: then yaml's own alias count need not stop it
  checkExpandedSize(doc, lines, MAX_SPEC_NODES);
  return { value: doc.toJS({ maxAliasCount: -1 }), doc, lines };
}

/** Parses JSON or YAML text (YAML is a superset of JSON); syntax errors carry line numbers. */
export function parseSpecText(text: string): unknown {
  return parse(text).value;
}

/** `$.components[0].env["MY-VAR"]` -> `['components', 0, 'env', 'MY-VAR']` */
export function pathSegments(path: string): (string | number)[] {
  return [...path.matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)].map((m) =>
    m[1] !== undefined ? m[1] : m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3] as string) as string),
  );
}

/** The line of the deepest node of the document along `path`. */
function lineOf({ doc, lines }: Parsed, path: string): number | undefined {
  const segments = pathSegments(path);
  for (let n = segments.length; n >= 0; n--) {
    const node = doc.getIn(segments.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** The details with the line of the text each concerns (the text is parsed again: call it only on errors). */
export function withLines<T extends ErrorDetail>(text: string, details: readonly T[]): T[] {
  return addLines(parse(text), details);
}

function addLines<T extends ErrorDetail>(parsed: Parsed, details: readonly T[]): T[] {
  return details.map((d) => {
    const line = lineOf(parsed, d.path);
    return line === undefined ? d : { ...d, line };
  });
}

/**
 * The text parsed as YAML. For JSON that failed validation this is only to find lines: if the
 * YAML parser cannot read what JSON.parse did (nesting past its stack), the errors go without.
 */
function readForLines(text: string, jsonErrors: SpecInvalidError | undefined): Parsed {
  try {
    return parse(text);
  } catch (e) {
    if (jsonErrors && isKubeMinError(e)) throw jsonErrors;
    throw e;
  }
}

/** Parses and validates spec text; each error says the line of the text it concerns. */
export function validateSpecText(text: string): Application {
  // most bodies are JSON: parsed without the YAML parser; only an invalid one is read again for lines
  const json = parseUniqueJson(text);
  let jsonErrors: SpecInvalidError | undefined;
  if (json) {
    try {
      return validateApplication(json.value);
    } catch (e) {
      if (!isSpecInvalid(e)) throw e;
      jsonErrors = e;
    }
  }
  const parsed = readForLines(text, jsonErrors);
  try {
    return validateApplication(parsed.value);
  } catch (e) {
    if (!isSpecInvalid(e)) throw e;
    throw new SpecInvalidError(addLines(parsed, e.details));
  }
}
