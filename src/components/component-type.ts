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
  /** The component's own revision (componentRevision). */
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

/**
 * When a component of this type is deployed in a generated workflow: configuration before
 * everything, workloads in dependsOn order, entries (gateways) after every workload.
 */
export type Stage = 'configuration' | 'workload' | 'entry';

/** A problem a type finds by looking at the whole application; the path is relative to the component. */
export interface ComponentIssue {
  path: (string | number)[];
  message: string;
  hint?: string;
}

export interface CheckContext<P> {
  readonly properties: P;
  readonly app: Application;
  readonly component: Component;
  /** Whether a component of the application has a Service to route to (from the registry). */
  exposesService(c: Component): boolean;
}

export interface ComponentType<P = unknown> {
  readonly name: string;
  readonly description: string;
  readonly properties: z.ZodType<P>;
  readonly workload: WorkloadKind;
  readonly stage: Stage;
  /** Whether it renders a Service other components' traffic can be routed to. */
  readonly exposesService?: boolean;
  /**
   * A limit on the component's name tighter than a DNS label's 63 characters, when Kubernetes
   * puts something longer than the name into a label value (a Job's name, a StatefulSet's
   * revision hash): the apply would be refused.
   */
  readonly nameLimit?: { max: number; hint: string };
  /** Checks that need the other components (e.g. a gateway's backends). */
  check?(ctx: CheckContext<P>): ComponentIssue[];
  /**
   * The other components whose specs its rendering reads (a gateway: the components it routes
   * to), by name: an activity rendering it is given these and no others (compiler/references.ts).
   */
  references?(properties: P): string[];
  render(ctx: RenderContext<P>): KubeObject[];
  /** The objects whose health decides the component's readiness. */
  readiness(ctx: RenderContext<P>): ReadinessTarget[];
}

export const defineComponentType = <P>(t: ComponentType<P>): ComponentType<P> => t;
