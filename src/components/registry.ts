/** The registry of component types. Adding a type is a file and a line in this list. */
import { KubeMinError } from '../errors.js';
import type { ComponentType } from './component-type.js';
import { webservice } from './webservice.js';

const TYPES: readonly ComponentType[] = [webservice];

const registry = new Map(TYPES.map((t) => [t.name, t]));

export const componentTypeNames = (): string[] => [...registry.keys()];

export function getComponentType(name: string): ComponentType {
  const t = registry.get(name);
  if (!t) throw new KubeMinError('UnknownComponentType', `unknown component type "${name}"`, [], `known types: ${componentTypeNames().join(', ')}`);
  return t;
}
