/**
 * Components by name, built once per components list: lookups by name in validation, compiling
 * and rendering stay O(1), so a 10,000-component spec is not searched 10,000 times. Memoised on
 * the list itself (a validated spec's lists are not changed afterwards).
 */
import type { Component } from './application.js';

const indexes = new WeakMap<readonly Component[], ReadonlyMap<string, Component>>();

/** The components of a list by name (the first of a repeated name, as validation reports it). */
export function componentsByName(components: readonly Component[]): ReadonlyMap<string, Component> {
  let index = indexes.get(components);
  if (!index) {
    const byName = new Map<string, Component>();
    for (const c of components) if (!byName.has(c.name)) byName.set(c.name, c);
    index = byName;
    indexes.set(components, index);
  }
  return index;
}

/** The component named `name` of `app`, or undefined. */
export const componentNamed = (app: { components: readonly Component[] }, name: string): Component | undefined => componentsByName(app.components).get(name);

const sets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** A list of names as a set, memoised on the list (policy matches, externals). */
export function setOf(names: readonly string[]): ReadonlySet<string> {
  let set = sets.get(names);
  if (!set) {
    set = new Set(names);
    sets.set(names, set);
  }
  return set;
}
