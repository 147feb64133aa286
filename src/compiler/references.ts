/**
 * Which other components a component's rendering reads, found through the registries: the
 * component type's own `references` (a gateway: the components it routes to, whose ports it
 * looks up) and the ConfigMaps and Secrets its traits read that are config or secret components
 * of the application (envs, envFrom, storage). The compiler records them in the plan, so the
 * workflow can give each activity only the part of the spec it renders from (specFor).
 */
import { findComponentType } from '../components/registry.js';
import type { Application, Component } from '../model/application.js';
import { findTrait } from '../traits/registry.js';
import { specFor, type ComponentReferences } from './component-spec.js';

function typeReferences(c: Component): string[] {
  const type = findComponentType(c.type);
  if (!type?.references) return [];
  const parsed = type.properties.safeParse(c.properties);
  return parsed.success ? type.references(parsed.data) : [];
}

const traitReferences = (c: Component): string[] =>
  Object.entries(c.traits).flatMap(([name, data]) => (findTrait(name)?.references?.(data) ?? []).map((r) => r.name));

/** The names of the other components of `app` that rendering `component` reads, in spec order. */
export function componentReferences(app: Application, component: Component): string[] {
  const named = new Set([...typeReferences(component), ...traitReferences(component)]);
  named.delete(component.name);
  if (named.size === 0) return [];
  // spec order from each name's position: linear in what is read, not in the whole spec
  const position = positions(app.components);
  return [...named].filter((n) => position.has(n)).sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
}

const positionsOf = new WeakMap<readonly Component[], ReadonlyMap<string, number>>();

/** Each component name's first position in the list, memoised on the list. */
function positions(components: readonly Component[]): ReadonlyMap<string, number> {
  let map = positionsOf.get(components);
  if (!map) {
    const made = new Map<string, number>();
    components.forEach((c, i) => made.has(c.name) || made.set(c.name, i));
    map = made;
    positionsOf.set(components, map);
  }
  return map;
}

/** Every component that reads others, with the ones it reads; components that read none are left out. */
export function referencesOf(app: Application): Record<string, string[]> {
  const entries = app.components.map((c) => [c.name, componentReferences(app, c)] as const);
  return Object.fromEntries(entries.filter(([, refs]) => refs.length > 0));
}

/** The spec reduced to what rendering one component needs (what an activity is given). */
export function reducedSpec(app: Application, component: string, references: ComponentReferences = referencesOf(app)): Application {
  return specFor(app, [component], references);
}
