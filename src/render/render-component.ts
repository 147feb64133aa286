/** Renders one component of an application into Kubernetes objects and readiness targets. */
import { getComponentType } from '../components/registry.js';
import type { ReadinessTarget } from '../components/component-type.js';
import { NotFoundError } from '../errors.js';
import type { Application } from '../model/application.js';
import type { KubeObject } from './kube-object.js';

export interface RenderedComponent {
  objects: KubeObject[];
  readiness: ReadinessTarget[];
}

export function renderComponent(app: Application, componentName: string, revision: string): RenderedComponent {
  const component = app.components.find((c) => c.name === componentName);
  if (!component) throw new NotFoundError(`component "${componentName}" of application "${app.name}"`);
  const type = getComponentType(component.type);
  const ctx = { app, component, revision };
  return { objects: type.render(ctx), readiness: type.readiness(ctx) };
}
