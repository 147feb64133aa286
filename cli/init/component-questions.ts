/**
 * What `kubemin init` asks about one component, driven by its type as the registry declares it:
 * a type that runs a workload gets an image, one that scales (Deployment, StatefulSet) replicas,
 * one that renders a Service ports. Types whose `properties` need answers (a config's data, a
 * secret's values, a gateway's routes) have an entry in PROPERTY_QUESTIONS; a type without one
 * has no properties to ask about.
 */
import { configKey, exposesService, findComponentType } from '../../src/index.js';
import { askInteger, askOptional, askPairs } from './ask.js';
import { type ComponentDraft, parsePorts, problemOf, withPorts } from './draft.js';
import type { Prompter } from './prompts.js';

export interface ComponentAskContext {
  p: Prompter;
  component: ComponentDraft;
  /** The components given before this one. */
  earlier: readonly ComponentDraft[];
}

const keyProblem = problemOf(configKey);

/** The field of `properties` that holds a configuration type's key=value data. */
export const DATA_FIELD: Readonly<Record<string, string>> = { config: 'data', secret: 'stringData' };

async function askRoutes({ p, earlier }: ComponentAskContext): Promise<Record<string, unknown>> {
  const backends = earlier.filter(exposesService);
  if (backends.length === 0) p.info('no component so far has a Service to route to: give a webservice before the gateway');
  const chosen = await p.multiselect('Route traffic to', backends.map((c) => ({ value: c.name, label: c.name })), backends.slice(0, 1).map((c) => c.name));
  const host = await askOptional(p, 'Host name', { placeholder: 'app.example.com' });
  const routes = [];
  for (const component of chosen) routes.push({ ...(host ? { host } : {}), path: await p.text(`Path prefix for ${component}`, { initial: chosen.length === 1 ? '/' : `/${component}` }), component });
  return { routes };
}

/** The questions about a type's `properties`, by type name. */
export const PROPERTY_QUESTIONS: Readonly<Record<string, (ctx: ComponentAskContext) => Promise<Record<string, unknown>>>> = {
  config: async ({ p }) => ({ data: await askPairs(p, 'Data', keyProblem) }),
  secret: async ({ p }) => ({ stringData: await askPairs(p, 'Values (plain text; Kubernetes encodes them)', keyProblem) }),
  gateway: askRoutes,
};

/** Image, replicas, ports and properties of a component whose name and type are chosen. */
export async function askComponentBasics(ctx: ComponentAskContext): Promise<ComponentDraft> {
  const { p } = ctx;
  const type = findComponentType(ctx.component.type);
  let c: ComponentDraft = { ...ctx.component };
  if (type && type.workload !== 'none') c.image = await p.text('Image', { placeholder: 'nginx:1.27', check: (a) => (a.trim() ? undefined : 'an image is required, e.g. nginx:1.27') });
  if (type?.workload === 'Deployment' || type?.workload === 'StatefulSet') c.replicas = await askInteger(p, 'Replicas', { initial: 1, min: 0, max: 1000 });
  if (type?.exposesService) {
    const ports = await askOptional(p, 'Ports (e.g. 80 443)', { check: (a) => (parsePorts(a) ? undefined : 'ports from 1 to 65535, separated by spaces') });
    c = withPorts(c, ports ? (parsePorts(ports) ?? []) : []);
  }
  const properties = await PROPERTY_QUESTIONS[c.type]?.(ctx);
  if (properties) c.properties = properties;
  return c;
}
