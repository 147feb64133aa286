/**
 * How a component type declares itself: a name, a zod schema for its `properties`, the kind of
 * workload it runs (whose pod template traits extend), and pure functions from the application
 * and one of its components to Kubernetes objects and readiness targets. Types are registered
 * in registry.ts, never branched on.
 */
import type { z } from 'zod';
import type { Application, Component } from '../model/application.js';
import type { KubeObject } from '../render/kube-object.js';

export interface RenderContext<P = unknown> {
  readonly app: Application;
  readonly component: Component;
  /** The component's `properties`, parsed by the type's schema. */
  readonly properties: P;
  readonly revision: string;
}

/** What a rendered component asks the engine to wait for before it counts as ready. */
export interface ReadinessTarget {
  kind: 'Deployment' | 'StatefulSet' | 'Job';
  namespace: string;
  name: string;
}

/** The workload a type renders: the object with a pod template, or none (ConfigMap, Secret). */
export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'Job' | 'none';

export interface ComponentType<P = unknown> {
  readonly name: string;
  readonly description: string;
  readonly properties: z.ZodType<P>;
  readonly workload: WorkloadKind;
  render(ctx: RenderContext<P>): KubeObject[];
  /** The objects whose health decides the component's readiness. */
  readiness(ctx: RenderContext<P>): ReadinessTarget[];
}

export const defineComponentType = <P>(t: ComponentType<P>): ComponentType<P> => t;
