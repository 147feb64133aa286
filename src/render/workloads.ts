/**
 * Builders shared by the component types: the main container, a Deployment around it, and the
 * Service selecting only this component's pods. Pure functions returning plain objects.
 */
import type { RenderContext } from '../components/component-type.js';
import { portsOf } from '../model/application.js';
import type { KubeObject } from './kube-object.js';
import { objectLabels, podLabels, selectorLabels } from './labels.js';

export type Container = Record<string, unknown> & { name: string };

export interface ContainerBasics {
  name: string;
  image?: string | undefined;
  command?: string[] | undefined;
  args?: string[] | undefined;
  env?: Record<string, string> | undefined;
}

/** A container from the fields every KubeMin container shares; absent fields stay absent. */
export function basicContainer(c: ContainerBasics): Container {
  return {
    name: c.name,
    image: c.image,
    ...(c.command ? { command: c.command } : {}),
    ...(c.args ? { args: c.args } : {}),
    ...(c.env ? { env: Object.entries(c.env).map(([name, value]) => ({ name, value })) } : {}),
  };
}

/** The component's own container, named after the component. */
export function mainContainer({ component }: RenderContext): Container {
  const ports = portsOf(component);
  return {
    ...basicContainer(component),
    ...(ports.length ? { ports: ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), containerPort: p.port, protocol: p.protocol })) } : {}),
  };
}

export function metadataFor({ app, component, revision }: RenderContext, name = component.name): KubeObject['metadata'] {
  return { name, namespace: app.namespace, labels: { ...(app.labels ?? {}), ...objectLabels(app.name, component.name, revision) } };
}

export function podTemplate(ctx: RenderContext): Record<string, unknown> {
  return {
    metadata: {
      labels: { ...(ctx.app.labels ?? {}), ...podLabels(ctx.app.name, ctx.component.name) },
      ...(ctx.component.annotations ? { annotations: ctx.component.annotations } : {}),
    },
    spec: { containers: [mainContainer(ctx)] },
  };
}

export function deploymentFor(ctx: RenderContext): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadataFor(ctx),
    spec: {
      replicas: ctx.component.replicas ?? 1,
      selector: { matchLabels: selectorLabels(ctx.app.name, ctx.component.name) },
      template: podTemplate(ctx),
    },
  };
}

/** A Service for the component's ports, or none when it has no port. */
export function serviceFor(ctx: RenderContext, opts: { headless?: boolean } = {}): KubeObject[] {
  const ports = portsOf(ctx.component);
  if (ports.length === 0) return [];
  return [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadataFor(ctx),
      spec: {
        type: 'ClusterIP',
        ...(opts.headless ? { clusterIP: 'None' } : {}),
        selector: selectorLabels(ctx.app.name, ctx.component.name),
        ports: ports.map((p, i) => ({ name: p.name ?? `port-${i}`, port: p.port, targetPort: p.name ?? p.port, protocol: p.protocol })),
      },
    },
  ];
}
