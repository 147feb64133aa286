/**
 * How a component type declares itself: a name and a pure function from the application and
 * one of its components to the Kubernetes objects that realise it. Types are registered in
 * registry.ts, never branched on.
 */
import type { Application, Component } from '../model/application.js';
import type { KubeObject } from '../render/kube-object.js';

export interface RenderContext {
  readonly app: Application;
  readonly component: Component;
  readonly revision: string;
}

/** What a rendered component asks the engine to wait for before it counts as ready. */
export interface ReadinessTarget {
  kind: 'Deployment';
  namespace: string;
  name: string;
}

export interface ComponentType {
  readonly name: string;
  readonly description: string;
  render(ctx: RenderContext): KubeObject[];
  /** The workloads whose health decides the component's readiness. */
  readiness(ctx: RenderContext): ReadinessTarget[];
}

export const defineComponentType = (t: ComponentType): ComponentType => t;
