/**
 * Builders shared by the component types: the main container, a Deployment around it, and the
 * Service selecting only this component's pods. Pure functions returning plain objects.
 */
import type { RenderContext } from '../components/component-type.js';
import { portsOf, type Application } from '../model/application.js';
import { durationSeconds } from '../model/duration.js';
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

/** Kubernetes' default progressDeadlineSeconds of a Deployment. */
const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;
/** How far past the longest capacity wait a raised progress deadline lies. */
const PROGRESS_DEADLINE_MARGIN_SECONDS = 60;

type Workflow = NonNullable<Application['workflow']>;

/** Per component, the longest `maxPending` (seconds) of the steps acting on it; one pass per workflow, memoised. */
const longestByWorkflow = new WeakMap<Workflow, ReadonlyMap<string, number>>();

function longestPerComponent(workflow: Workflow): ReadonlyMap<string, number> {
  let longest = longestByWorkflow.get(workflow);
  if (longest) return longest;
  const made = new Map<string, number>();
  for (const s of workflow.steps.flatMap((e) => ('mode' in e ? e.steps : [e]))) {
    if (typeof s.properties.maxPending !== 'string') continue;
    const seconds = durationSeconds(s.properties.maxPending);
    for (const c of s.components) made.set(c, Math.max(made.get(c) ?? 0, seconds));
  }
  longest = made;
  longestByWorkflow.set(workflow, longest);
  return longest;
}

/** The longest `maxPending` (seconds) of the steps that deploy a component; 0 when none sets one. */
function longestMaxPending(app: Application, component: string): number {
  return app.workflow ? (longestPerComponent(app.workflow).get(component) ?? 0) : 0;
}

/**
 * A progress deadline past the longest time a step lets the component's pods wait for capacity,
 * so the Deployment does not report failure (ProgressDeadlineExceeded) while KubeMin still waits.
 * Never lowered below Kubernetes' default, and absent when the default is enough.
 */
export function progressDeadlineFor(app: Application, component: string): { progressDeadlineSeconds?: number } {
  const needed = longestMaxPending(app, component) + PROGRESS_DEADLINE_MARGIN_SECONDS;
  return needed > DEFAULT_PROGRESS_DEADLINE_SECONDS ? { progressDeadlineSeconds: Math.ceil(needed) } : {};
}

export function deploymentFor(ctx: RenderContext): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadataFor(ctx),
    spec: {
      replicas: ctx.component.replicas ?? 1,
      ...progressDeadlineFor(ctx.app, ctx.component.name),
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
