/**
 * The parts of an invalid spec that did parse. When the spec's shape is invalid, validation still
 * checks names, references, policies and traits on what parsed, so every problem is reported in
 * one answer instead of in rounds. The application, each component, policy override, step and
 * group is parsed field by field: a field that parses keeps its value; one that does not takes
 * its default (a required name or type: the text given, or "") and is marked broken, so the
 * checks that need it skip it rather than report its error a second time.
 */
import type { z } from 'zod';
import {
  aliasComponentType,
  ApplicationSchema,
  ComponentShape,
  OverrideSchema,
  PoliciesSchema,
  StepGroupSchema,
  StepSchema,
  WorkflowSchema,
  type Application,
} from './application.js';
import { fieldsOf } from './common.js';

/** Whether a field of a part of the spec (a component, a step, ...) failed its shape. */
export type IsBroken = (part: object, field: string) => boolean;

/** For a spec whose shape is valid. */
export const nothingBroken: IsBroken = () => false;

type Shape = Readonly<Record<string, z.ZodType>>;
type Nested = Readonly<Record<string, (raw: unknown) => unknown>>;

/** What stands in for a field that did not parse: its default, or the text given for a required name. */
function standIn(schema: z.ZodType, raw: unknown): unknown {
  const fallback = schema.safeParse(undefined);
  if (fallback.success) return fallback.data;
  return typeof raw === 'string' ? raw : '';
}

/** The application as far as it parsed, and which fields of which parts did not. */
export function salvageApplication(input: unknown): { app: Application; broken: IsBroken } {
  const broken = new WeakMap<object, ReadonlySet<string>>();
  const object = (shape: Shape, raw: unknown, nested: Nested = {}): Record<string, unknown> => {
    const given = fieldsOf(raw);
    const out: Record<string, unknown> = {};
    const bad = new Set<string>();
    for (const [key, schema] of Object.entries(shape)) {
      const parsed = schema.safeParse(given[key]);
      const value = parsed.success ? parsed.data : (nested[key]?.(given[key]) ?? standIn(schema, given[key]));
      if (!parsed.success) bad.add(key);
      if (value !== undefined) out[key] = value;
    }
    broken.set(out, bad);
    return out;
  };
  // a list that failed keeps one entry per element, so indices (and so JSON paths) stay right
  const list = (of: (raw: unknown) => unknown) => (raw: unknown) => (Array.isArray(raw) ? raw.map(of) : []);
  const step = (raw: unknown) => object(StepSchema.shape, raw);
  const entry = (raw: unknown) => ('steps' in fieldsOf(raw) ? object(StepGroupSchema.shape, raw, { steps: list(step) }) : step(raw));
  const app = object(ApplicationSchema.shape, input, {
    components: list((raw) => object(ComponentShape.shape, aliasComponentType(raw))),
    policies: (raw) => object(PoliciesSchema.shape, raw, { overrides: list((o) => object(OverrideSchema.shape, o)) }),
    workflow: (raw) => object(WorkflowSchema.shape, raw, { steps: list(entry) }),
  });
  return { app: app as unknown as Application, broken: (part, field) => broken.get(part)?.has(field) ?? false };
}
