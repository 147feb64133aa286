/**
 * Validation of one component, in two passes. `parseComponent` checks what the component says
 * on its own: its type, name, image, `properties` against the type and each trait's data against
 * the trait. `checkComponent` then runs the type's and the traits' own checks, which may look at
 * the other components: by then every component is parsed, whatever order the spec lists the
 * components or their traits in.
 */
import { componentTypeNames, exposesService, findComponentType } from '../components/registry.js';
import type { ComponentType } from '../components/component-type.js';
import type { ErrorDetail } from '../errors.js';
import type { Trait } from '../traits/trait.js';
import { findTrait, traitNames } from '../traits/registry.js';
import { portsOf, type Application, type Component } from './application.js';
import { isDns1035Label } from './common.js';
import { checkDetails, issueDetails, under, type Path } from './issues.js';
import { jsonPath } from './json-path.js';
import type { IsBroken } from './salvage.js';

/** A trait's data that parsed: all of it, or, when the list is invalid, each element that parses alone. */
export interface TraitPart {
  readonly trait: Trait<unknown>;
  readonly data: unknown;
  /** The absolute path of a path relative to `data`. */
  at(path: readonly (string | number)[]): Path;
}

export interface ParsedComponent {
  /** The component with `properties` and the traits that parsed replaced by their parsed data. */
  readonly component: Component;
  readonly at: Path;
  readonly type?: ComponentType<unknown>;
  readonly propertiesParsed: boolean;
  readonly parts: readonly TraitPart[];
}

/**
 * The elements of an invalid list that parse on their own, so the checks and references of the
 * valid ones are reported with the errors of the invalid ones.
 */
function elementParts(trait: Trait<unknown>, data: unknown, base: Path): TraitPart[] {
  if (!Array.isArray(data)) return [];
  return data.flatMap((element, i) => {
    const one = trait.schema.safeParse([element]);
    return one.success ? [{ trait, data: one.data, at: ([, ...rest]: readonly (string | number)[]) => [...base, i, ...rest] }] : [];
  });
}

/** Names Kubernetes would refuse at apply time: too long for what it derives from them, or no Service name. */
function nameDetails(c: Component, type: ComponentType<unknown>, at: Path): ErrorDetail[] {
  const path = jsonPath([...at, 'name']);
  const errors: ErrorDetail[] = [];
  if (type.nameLimit && c.name.length > type.nameLimit.max) {
    errors.push({ path, message: `a ${type.name} component's name can be at most ${type.nameLimit.max} characters (this one has ${c.name.length})`, hint: type.nameLimit.hint });
  }
  if (type.exposesService && portsOf(c).length > 0 && !isDns1035Label(c.name)) {
    errors.push({ path, message: `"${c.name}" names a Service, so it must start with a letter (a DNS-1035 label)`, hint: 'rename the component: Kubernetes before 1.36 refuses Service names that start with a digit (1.36 relaxed it), so such a spec is not portable' });
  }
  return errors;
}

/** The traits' data that parsed (`traits`), and the parts to check. */
function parseTraits(c: Component, type: ComponentType<unknown>, at: Path, errors: ErrorDetail[]): { traits: Record<string, unknown>; parts: TraitPart[] } {
  const traits: Record<string, unknown> = {};
  const parts: TraitPart[] = [];
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
    if (parsed.success) {
      traits[name] = parsed.data;
      parts.push({ trait, data: parsed.data, at: under(tAt) });
    } else {
      errors.push(...issueDetails(parsed.error, tAt));
      parts.push(...elementParts(trait, data, tAt));
    }
  }
  return { traits, parts };
}

/** Pass one: what the component says on its own. Fields that failed the shape (`broken`) are not checked again. */
export function parseComponent(c: Component, at: Path, broken: IsBroken, errors: ErrorDetail[]): ParsedComponent {
  const skipped: ParsedComponent = { component: c, at, propertiesParsed: false, parts: [] };
  if (broken(c, 'type')) return skipped;
  const type = findComponentType(c.type);
  if (!type) {
    errors.push({ path: jsonPath([...at, 'type']), message: `unknown component type "${c.type}"`, hint: `known types: ${componentTypeNames().join(', ')}` });
    return skipped;
  }
  const props = broken(c, 'properties') ? undefined : type.properties.safeParse(c.properties);
  if (props && !props.success) errors.push(...issueDetails(props.error, [...at, 'properties']));
  if (!broken(c, 'name')) errors.push(...nameDetails(c, type, at));
  if (!broken(c, 'image') && type.workload !== 'none' && !c.image) errors.push({ path: jsonPath([...at, 'image']), message: `a ${c.type} component needs an image`, hint: 'e.g. image: "nginx:1.27"' });
  if (type.workload === 'none' && c.image) errors.push({ path: jsonPath([...at, 'image']), message: `a ${c.type} component runs no container, so it takes no image`, hint: 'remove image' });
  const { traits, parts } = broken(c, 'traits') ? { traits: {}, parts: [] } : parseTraits(c, type, at, errors);
  const component: Component = { ...c, traits, ...(props?.success ? { properties: props.data as Record<string, unknown> } : {}) };
  return { component, at, type, propertiesParsed: props?.success === true, parts };
}

/** Pass two: the type's and the traits' checks against the whole (parsed) application. */
export function checkComponent({ component, at, type, propertiesParsed, parts }: ParsedComponent, app: Application, errors: ErrorDetail[]): void {
  if (type?.check && propertiesParsed) errors.push(...checkDetails(under(at), type.check({ properties: component.properties, app, component, exposesService })));
  for (const part of parts) errors.push(...checkDetails(part.at, part.trait.check?.(part.data, app, component)));
}
