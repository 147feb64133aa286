/** The registry of component types. Adding a type is a file and a line in this list. */
import { KubeMinError } from '../errors.js';
import type { ComponentType } from './component-type.js';
import { configType } from './config.js';
import { gateway } from './gateway.js';
import { job } from './job.js';
import { secretType } from './secret.js';
import { store } from './store.js';
import { webservice } from './webservice.js';
import { worker } from './worker.js';

const TYPES: readonly ComponentType<any>[] = [webservice, worker, store, job, configType, secretType, gateway];

const registry = new Map(TYPES.map((t) => [t.name, t]));

export const componentTypeNames = (): string[] => [...registry.keys()];

export const findComponentType = (name: string): ComponentType<unknown> | undefined => registry.get(name);

export function getComponentType(name: string): ComponentType<unknown> {
  const t = registry.get(name);
  if (!t) throw new KubeMinError('UnknownComponentType', `unknown component type "${name}"`, [], `known types: ${componentTypeNames().join(', ')}`);
  return t;
}

/** Whether a component's type renders a Service traffic can be routed to. */
export const exposesService = (c: { type: string }): boolean => registry.get(c.type)?.exposesService === true;
