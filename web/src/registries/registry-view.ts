/**
 * The registries as the page shows them: the API's component types, traits and step types
 * (GET /v1/component-types, /v1/traits, /v1/step-types; plugins included) as entries with a
 * name, a description, a few facts, and their JSON Schema's top-level fields. Pure.
 */

export type RegistryKind = 'component type' | 'trait' | 'step type';

export interface SchemaField {
  name: string;
  type: string;
  required: boolean;
  description?: string;
}

export interface RegistryEntry {
  kind: RegistryKind;
  name: string;
  description: string;
  facts: string[];
  schema: Record<string, unknown>;
  /** What it takes in a few words: `an object`, `a list of objects`, `a list of object | object`, `no properties`. */
  takes: string;
  /** The fields of the object it takes, or of each item of the list it takes. */
  fields: SchemaField[];
}

type Raw = Record<string, unknown>;

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const objectOr = (v: unknown): Raw => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {});

/** A JSON Schema's type in a few words: `string`, `integer`, `array of string`, `"a" | "b"`, `string | number`. */
export function typeOf(schema: unknown): string {
  const s = objectOr(schema);
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  const union = (s.anyOf ?? s.oneOf) as unknown;
  if (Array.isArray(union)) return [...new Set(union.map(typeOf))].join(' | ');
  if (s.type === 'array') return `array of ${typeOf(s.items)}`;
  if (Array.isArray(s.type)) return s.type.join(' | ');
  if (typeof s.type === 'string') return s.type;
  if (typeof s.$ref === 'string') return s.$ref.replace(/^.*\//, '');
  return 'any';
}

/** The top-level fields of an object schema, required ones first, each with its type. */
export function schemaFields(schema: unknown): SchemaField[] {
  const s = objectOr(schema);
  const required = new Set(list(s.required));
  const fields = Object.entries(objectOr(s.properties)).map(([name, p]) => {
    const description = text(objectOr(p).description);
    return { name, type: typeOf(p), required: required.has(name), ...(description ? { description } : {}) };
  });
  return [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required)];
}

/** What a schema takes, and the fields to list: an object's own, or a list's items'. */
export function shapeOf(schema: unknown): { takes: string; fields: SchemaField[] } {
  const s = objectOr(schema);
  if (s.type === 'array') {
    const fields = schemaFields(s.items);
    return { takes: fields.length ? 'a list, each item with these fields' : `a list of ${typeOf(s.items)}`, fields };
  }
  const fields = schemaFields(s);
  if (fields.length) return { takes: 'an object with these fields', fields };
  return { takes: s.type === 'object' || s.type === undefined ? 'no properties' : typeOf(s), fields };
}

function entry(kind: RegistryKind, raw: Raw, schemaKey: 'properties' | 'schema', facts: string[]): RegistryEntry {
  const schema = objectOr(raw[schemaKey]);
  return { kind, name: text(raw.name), description: text(raw.description), facts: facts.filter(Boolean), schema, ...shapeOf(schema) };
}

const rows = (v: unknown): Raw[] => (Array.isArray(v) ? v.map(objectOr) : []);

export function componentTypeEntries(answer: { componentTypes?: unknown }): RegistryEntry[] {
  return rows(answer.componentTypes).map((t) =>
    entry('component type', t, 'properties', [text(t.workload) && `workload ${text(t.workload)}`, text(t.stage) && `stage ${text(t.stage)}`, t.exposesService === true ? 'exposes a Service' : '']),
  );
}

export function traitEntries(answer: { traits?: unknown }): RegistryEntry[] {
  return rows(answer.traits).map((t) => entry('trait', t, 'schema', [list(t.appliesTo).length ? `applies to ${list(t.appliesTo).join(', ')}` : '']));
}

export function stepTypeEntries(answer: { stepTypes?: unknown }): RegistryEntry[] {
  return rows(answer.stepTypes).map((t) =>
    entry('step type', t, 'properties', [t.plugin === true ? 'plugin' : 'built in', text(t.components) && `components: ${text(t.components)}`, list(t.componentTypes).length ? `for ${list(t.componentTypes).join(', ')}` : '']),
  );
}
