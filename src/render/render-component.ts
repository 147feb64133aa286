/** Renders one component of an application into Kubernetes objects and readiness targets. */
import { componentRevision } from '../compiler/revision.js';
import { getComponentType } from '../components/registry.js';
import type { ReadinessTarget } from '../components/component-type.js';
import { NotFoundError } from '../errors.js';
import type { Application } from '../model/application.js';
import { componentNamed } from '../model/component-index.js';
import { applyTraits } from './apply-traits.js';
import type { KubeObject } from './kube-object.js';

export interface RenderedComponent {
  objects: KubeObject[];
  readiness: ReadinessTarget[];
}

/** Renders a component; its objects carry the component's own revision (componentRevision). */
export function renderComponent(app: Application, componentName: string): RenderedComponent {
  const component = componentNamed(app, componentName);
  if (!component) throw new NotFoundError(`component "${componentName}" of application "${app.name}"`);
  const type = getComponentType(component.type);
  const ctx = { app, component, revision: componentRevision(app, component), properties: type.properties.parse(component.properties) };
  const rendered = type.render(ctx);
  const index = rendered.findIndex((o) => o.kind === type.workload);
  if (index < 0) return { objects: rendered, readiness: type.readiness(ctx) };
  const { workload, extra } = applyTraits(type, ctx, rendered[index] as KubeObject);
  // objects a workload needs (claims, config) go first, so they exist when its pods start
  const objects = [...extra, ...rendered.slice(0, index), workload, ...rendered.slice(index + 1)];
  return { objects, readiness: type.readiness(ctx) };
}
