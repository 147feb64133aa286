/**
 * The registry of traits, in the order they are applied (each sees the workload as the traits
 * before it left it): storage, init, sidecar, envFrom, envs,
 * resources, probes, ingress, rbac / serviceAccount. Adding a trait is a file and a line.
 */
import { init, sidecar } from './containers.js';
import { envFrom } from './env-from.js';
import { envs } from './envs.js';
import { ingress } from './ingress.js';
import { probes } from './probes.js';
import { rbac, serviceAccount } from './rbac.js';
import { resources } from './resources.js';
import { storage } from './storage.js';
import type { Trait } from './trait.js';

export const TRAITS: readonly Trait<any>[] = [storage, init, sidecar, envFrom, envs, resources, probes, ingress, rbac, serviceAccount];

const registry = new Map(TRAITS.map((t) => [t.name, t]));

export const traitNames = (): string[] => TRAITS.map((t) => t.name);

export const findTrait = (name: string): Trait<unknown> | undefined => registry.get(name);
