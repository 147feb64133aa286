/**
 * Validation past the shape: each component's `properties` against its type, each trait's data
 * against the trait, and the references between components (duplicate names, unknown or
 * circular dependsOn). Every problem is reported at once, each with its JSON path and a hint.
 */
import type { z } from 'zod';
import { componentTypeNames, exposesService, findComponentType } from '../components/registry.js';
import { SpecInvalidError, type ErrorDetail } from '../errors.js';
import { findTrait, traitNames } from '../traits/registry.js';
import { ApplicationSchema, ComponentSchema, type Application, type Component } from './application.js';
import { jsonPath } from './json-path.js';
import { findCycle } from './cycle.js';
import { matches } from './policies.js';
import { validateWorkflow } from './validate-workflow.js';

type Path = (string | number)[];

/** A record key's own message (e.g. the env name rule) says more than zod's "Invalid key in record". */
const messageOf = (i: z.core.$ZodIssue): string => (i.code === 'invalid_key' ? (i.issues[0]?.message ?? i.message) : i.message);

/** A zod error's issues as error details, their paths under `base`. */
export const issueDetails = (error: z.ZodError, base: Path = []): ErrorDetail[] => error.issues.map((i) => ({ path: jsonPath([...base, ...i.path]), message: messageOf(i) }));

/** Issues found by a type's or trait's own check, with paths made absolute. */
function relative(base: Path, issues: readonly { path: Path; message: string; hint?: string }[] | undefined): ErrorDetail[] {
  return (issues ?? []).map((i) => ({ path: jsonPath([...base, ...i.path]), message: i.message, ...(i.hint ? { hint: i.hint } : {}) }));
}

/**
 * Checks one shape-valid component; returns it with `properties` and `traits` parsed. `app` is
 * partial when the application's shape was invalid: then only the checks that need no
 * other component run (the rest would report noise).
 */
function checkComponent(c: Component, at: Path, app: Pick<Application, 'policies'> & Partial<Application>, errors: ErrorDetail[]): Component {
  const whole = app.components ? (app as Application) : undefined;
  const type = findComponentType(c.type);
  if (!type) {
    errors.push({ path: jsonPath([...at, 'type']), message: `unknown component type "${c.type}"`, hint: `known types: ${componentTypeNames().join(', ')}` });
    return c;
  }
  const out: Component = { ...c, traits: {} };
  const props = type.properties.safeParse(c.properties);
  if (props.success) out.properties = props.data as Record<string, unknown>;
  else errors.push(...issueDetails(props.error, [...at, 'properties']));
  if (props.success && whole) {
    errors.push(...relative(at, type.check?.({ properties: props.data, app: whole, component: c, exposesService })));
  }
  if (type.workload !== 'none' && !c.image) errors.push({ path: jsonPath([...at, 'image']), message: `a ${c.type} component needs an image`, hint: 'e.g. image: "nginx:1.27"' });
  if (type.workload === 'none' && c.image) errors.push({ path: jsonPath([...at, 'image']), message: `a ${c.type} component runs no container, so it takes no image`, hint: 'remove image' });
  for (const [name, data] of Object.entries(c.traits)) {
    const tAt = [...at, 'traits', name];
    const trait = findTrait(name);
    if (!trait) {
      errors.push({ path: jsonPath(tAt), message: `unknown trait "${name}"`, hint: `known traits: ${traitNames().join(', ')}` });
      continue;
    }
    if (!trait.appliesTo.includes(type.workload)) {
      errors.push({ path: jsonPath(tAt), message: `the ${name} trait does not apply to a ${c.type} component`, hint: `it applies to components whose workload is ${trait.appliesTo.join(', ')}` });
      continue;
    }
    const parsed = trait.schema.safeParse(data);
    if (!parsed.success) {
      errors.push(...issueDetails(parsed.error, tAt));
      continue;
    }
    out.traits[name] = parsed.data;
    if (whole) errors.push(...relative(tAt, trait.check?.(parsed.data, whole, out)));
  }
  return out;
}

function checkReferences(components: readonly Component[], errors: ErrorDetail[]): void {
  const firstIndex = new Map<string, number>();
  components.forEach((c, i) => {
    const seen = firstIndex.get(c.name);
    if (seen !== undefined) errors.push({ path: jsonPath(['components', i, 'name']), message: `duplicate component name "${c.name}" (also $.components[${seen}])`, hint: 'component names must be unique within an application' });
    else firstIndex.set(c.name, i);
  });
  const names = [...firstIndex.keys()];
  components.forEach((c, i) =>
    c.dependsOn.forEach((d, k) => {
      const at = jsonPath(['components', i, 'dependsOn', k]);
      if (d === c.name) errors.push({ path: at, message: `component "${c.name}" depends on itself` });
      else if (!firstIndex.has(d)) errors.push({ path: at, message: `unknown component "${d}"`, hint: `components of this application: ${names.join(', ')}` });
    }),
  );
  const cycle = findCycle(new Map(components.map((c) => [c.name, c.dependsOn.filter((d) => d !== c.name)])));
  if (cycle) {
    const i = firstIndex.get(cycle[0] as string) ?? 0;
    errors.push({ path: jsonPath(['components', i, 'dependsOn']), message: `dependency cycle: ${cycle.join(' -> ')}`, hint: 'remove one of these dependsOn entries' });
  }
}

/**
 * Every ConfigMap or Secret a trait reads must be a config or secret component of this
 * application, or be declared under policies.external as existing outside it.
 */
function checkSources(app: Application, errors: ErrorDetail[]): void {
  const typeOf = new Map(app.components.map((c) => [c.name, c.type]));
  const external = { config: app.policies.external.configs, secret: app.policies.external.secrets };
  app.components.forEach((c, i) => {
    for (const [name, data] of Object.entries(c.traits)) {
      for (const ref of findTrait(name)?.references?.(data) ?? []) {
        const path = jsonPath(['components', i, 'traits', name, ...ref.path]);
        const type = typeOf.get(ref.name);
        if (type === ref.kind || external[ref.kind].includes(ref.name)) continue;
        if (type) errors.push({ path, message: `"${ref.name}" is a ${type} component, not a ${ref.kind}` });
        else errors.push({ path, message: `unknown ${ref.kind} "${ref.name}"`, hint: `add a ${ref.kind} component named ${ref.name}, or list it under policies.external.${ref.kind}s if it exists outside this application` });
      }
    }
  });
}

/** Overrides must match components and types that exist, and set only what their matches can take. */
function checkOverrides(app: Application, errors: ErrorDetail[]): void {
  const names = app.components.map((c) => c.name);
  app.policies.overrides.forEach((o, i) => {
    const at = ['policies', 'overrides', i];
    o.match.components?.forEach((n, k) => {
      if (!names.includes(n)) errors.push({ path: jsonPath([...at, 'match', 'components', k]), message: `unknown component "${n}"`, hint: `components of this application: ${names.join(', ')}` });
    });
    o.match.types?.forEach((t, k) => {
      if (!findComponentType(t)) errors.push({ path: jsonPath([...at, 'match', 'types', k]), message: `unknown component type "${t}"`, hint: `known types: ${componentTypeNames().join(', ')}` });
    });
    const longRunning = app.components.filter((c) => matches(o, c) && findComponentType(c.type)?.workload !== 'Job' && findComponentType(c.type)?.workload !== 'none');
    if (o.restartPolicy && longRunning.length) {
      errors.push({ path: jsonPath([...at, 'restartPolicy']), message: `${longRunning.map((c) => c.name).join(', ')} must restart Always: only job components take restartPolicy ${o.restartPolicy}`, hint: 'match only job components (match.types: [job])' });
    }
  });
}

/** Validates an already-parsed spec: throws SpecInvalidError listing every problem. */
export function validateApplication(input: unknown): Application {
  const errors: ErrorDetail[] = [];
  const shape = ApplicationSchema.safeParse(input);
  if (!shape.success) {
    errors.push(...issueDetails(shape.error));
    // still check the components that are well-formed, so every problem is reported at once
    const raw = (input as { components?: unknown } | null)?.components;
    const policies = ApplicationSchema.shape.policies.safeParse((input as { policies?: unknown } | null)?.policies);
    if (Array.isArray(raw) && policies.success) {
      raw.forEach((c, i) => {
        const one = ComponentSchema.safeParse(c);
        if (one.success) checkComponent(one.data, ['components', i], { policies: policies.data }, errors);
      });
    }
    throw new SpecInvalidError(errors);
  }
  const app = shape.data;
  const components = app.components.map((c, i) => checkComponent(c, ['components', i], app, errors));
  checkReferences(components, errors);
  const checked = { ...app, components };
  checkSources(checked, errors);
  checkOverrides(checked, errors);
  errors.push(...validateWorkflow(checked));
  if (errors.length) throw new SpecInvalidError(errors);
  return checked;
}
