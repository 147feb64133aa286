/** Problems as error details: zod's issues and the issues of the types' and traits' own checks, with absolute JSON paths. */
import type { z } from 'zod';
import type { ErrorDetail } from '../errors.js';
import { jsonPath } from './json-path.js';

export type Path = (string | number)[];

/** A record key's own message (e.g. the env name rule) says more than zod's "Invalid key in record". */
const messageOf = (i: z.core.$ZodIssue): string => (i.code === 'invalid_key' ? (i.issues[0]?.message ?? i.message) : i.message);

/** A zod error's issues as error details, their paths under `base`. */
export const issueDetails = (error: z.ZodError, base: Path = []): ErrorDetail[] => error.issues.map((i) => ({ path: jsonPath([...base, ...i.path]), message: messageOf(i) }));

/** Issues found by a type's, trait's or step's own check, their paths made absolute by `at`. */
export function checkDetails(at: (path: readonly (string | number)[]) => Path, issues: readonly { path: Path; message: string; hint?: string }[] | undefined): ErrorDetail[] {
  return (issues ?? []).map((i) => ({ path: jsonPath(at(i.path)), message: i.message, ...(i.hint ? { hint: i.hint } : {}) }));
}

/** `at` for paths relative to `base`. */
export const under = (base: Path) => (path: readonly (string | number)[]): Path => [...base, ...path];
