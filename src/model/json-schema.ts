/**
 * The application's JSON Schema, generated from the zod schemas and the registries, so editors
 * can autocomplete and check specs: each component type with its own `properties`, each trait
 * with its own data. The API serves it; schema/application.schema.json is the published copy
 * (`npm run schema` writes it, a test keeps it current).
 */
import { z } from 'zod';
import { componentTypeNames, getComponentType } from '../components/registry.js';
import { TRAITS } from '../traits/registry.js';
import { findStepType, stepTypeNames } from '../steps/registry.js';
import type { StepType } from '../steps/step-type.js';
import { ApplicationSchema, ComponentShape, StepGroupSchema, StepSchema, WorkflowSchema } from './application.js';

function componentVariants(): z.ZodType {
  const traits = z.strictObject(Object.fromEntries(TRAITS.map((t) => [t.name, (t.schema as z.ZodType).optional().describe(t.description)])));
  // each type twice: with `type`, and with the seed's alias `componentType`
  const variants = componentTypeNames().flatMap((name) => {
    const type = getComponentType(name);
    const shape = ComponentShape.omit({ type: true }).extend({ properties: (type.properties as z.ZodType).optional(), traits: traits.optional() });
    const literal = z.literal(name).describe(type.description);
    return [shape.extend({ type: literal }), shape.extend({ componentType: literal })];
  });
  return z.union(variants as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]);
}

/** Steps with each step type's own `properties`, and groups of them. */
function workflowSchema(): z.ZodType {
  const variants = stepTypeNames().map((name) => {
    const type = findStepType(name) as StepType<unknown>;
    return StepSchema.extend({ type: z.literal(name).describe(type.description), properties: (type.properties as z.ZodType).optional() });
  });
  const step = z.union(variants as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]);
  const group = StepGroupSchema.extend({ steps: z.array(step).min(1) });
  return WorkflowSchema.extend({ steps: z.array(z.union([group, step])).min(1) });
}

export function applicationJsonSchema(): Record<string, unknown> {
  const schema = ApplicationSchema.extend({ components: z.array(componentVariants()).min(1), workflow: workflowSchema().optional() });
  return {
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12', reused: 'ref' }),
    $id: 'https://kubemin.dev/schema/application.schema.json',
    title: 'KubeMin application',
  };
}

/** A zod schema as JSON Schema (draft 2020-12, as OpenAPI 3.1 uses), for what the API accepts. */
export const jsonSchemaOf = (schema: z.ZodType): Record<string, unknown> =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;

/** The registries, each entry with the JSON Schema of what it takes (GET /v1/component-types, /v1/traits, /v1/step-types). */
export function registrySchemas() {
  return {
    componentTypes: componentTypeNames().map((name) => {
      const t = getComponentType(name);
      return { name, description: t.description, workload: t.workload, stage: t.stage, exposesService: t.exposesService === true, properties: jsonSchemaOf(t.properties as z.ZodType) };
    }),
    traits: TRAITS.map((t) => ({ name: t.name, description: t.description, appliesTo: t.appliesTo, schema: jsonSchemaOf(t.schema as z.ZodType) })),
    stepTypes: stepTypeNames().map((name) => {
      const t = findStepType(name) as StepType<unknown>;
      return { name, description: t.description, components: t.components, ...(t.componentTypes ? { componentTypes: t.componentTypes } : {}), plugin: t.activity !== undefined, properties: jsonSchemaOf(t.properties as z.ZodType) };
    }),
  };
}
