/**
 * How deeply a spec's values nest, measured without recursion before anything recursive (zod,
 * the revision's canonical JSON, the payload converter) reads them: 20 KB of JSON can nest
 * 10,000 levels, which overflows the call stack of every recursive reader.
 */
import type { ErrorDetail } from '../errors.js';
import { jsonPath } from './json-path.js';
import { MAX_SPEC_DEPTH } from './limits.js';

interface Visit {
  value: unknown;
  depth: number;
  key?: string | number;
  parent?: Visit;
}

function pathOf(visit: Visit): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let v: Visit | undefined = visit; v?.key !== undefined; v = v.parent) keys.push(v.key);
  return keys.reverse();
}

/** The first place `input` nests deeper than `max` levels (the top level is 1), or undefined. */
export function tooDeep(input: unknown, max: number = MAX_SPEC_DEPTH): ErrorDetail | undefined {
  const pending: Visit[] = [{ value: input, depth: 1 }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const { value, depth } = visit;
    if (value === null || typeof value !== 'object') continue;
    if (depth > max) return { path: jsonPath(pathOf(visit)), message: `nested deeper than ${max} levels`, hint: 'a spec needs far fewer levels: flatten this value, or move it into a ConfigMap' };
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string | number, unknown];
      pending.push({ value: child, depth: depth + 1, key, parent: visit });
    }
  }
  return undefined;
}
