/**
 * The documented limits of one application spec. They bound the work one request can ask of the
 * API (validating, compiling and rendering are linear in these), and sit in the zod schemas
 * (`.max()`), so the JSON Schema shows them and a spec over one gets a 400 naming the field.
 * MAX_SPEC_NODES bounds YAML alias expansion (alias-cap.ts) and answers 413.
 */
import type { z } from 'zod';

/** Nodes (maps, lists, scalars) of the spec's YAML with every alias expanded. */
export const MAX_SPEC_NODES = 500_000;

/** Levels of nesting of any value in the spec (the spec itself is level 1). */
export const MAX_SPEC_DEPTH = 64;

export const LIMITS = {
  /** Components of one application. */
  components: 10_000,
  /** Workflow steps, counting the steps inside groups. */
  steps: 10_000,
  /** Entries of one container's environment: `env`, and `traits.envs`, each. */
  envEntries: 1_000,
  /** Traits of one component. */
  traitsPerComponent: 1_000,
  /** dependsOn entries of one component or one step. */
  dependsOn: 1_000,
  /** Components one step acts on. */
  componentsPerStep: 10_000,
  /** Manifests of one apply step. */
  manifestsPerApplyStep: 1_000,
  /** Policy overrides of one application. */
  overrides: 1_000,
} as const;

export type LimitName = keyof typeof LIMITS;

/** The message of a list or map over its limit, e.g. "at most 10,000 components". */
export const limitMessage = (name: LimitName, what: string): string => `at most ${LIMITS[name].toLocaleString('en-US')} ${what} (a documented limit of KubeMin)`;

/** `.max()` options for a list: the limit and its message. */
export const maxItems = (name: LimitName, what: string): [number, { message: string }] => [LIMITS[name], { message: limitMessage(name, what) }];

/** A list of names for a hint, cut short: a hint never grows with the spec. */
export function nameList(names: readonly string[], shown = 20): string {
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `${head}, ... (${names.length - shown} more)` : head;
}

/** nameList of names read only when first asked for, then remembered: one hint for many errors costs one list. */
export function lazyNameList(names: () => readonly string[]): () => string {
  let list: string | undefined;
  return () => (list ??= nameList(names()));
}

/** A record schema refused past `name`'s limit of entries (checked even when some entries are invalid); JSON Schema's maxProperties. */
export function maxEntries<T extends z.ZodType>(record: T, name: LimitName, what: string): T {
  const isRecord = (v: unknown): v is object => v !== null && typeof v === 'object' && !Array.isArray(v);
  return record
    .refine((v) => !isRecord(v) || Object.keys(v).length <= LIMITS[name], { message: limitMessage(name, what), when: (p) => isRecord(p.value) })
    .meta({ maxProperties: LIMITS[name] });
}
