/**
 * Ingress objects (networking.k8s.io/v1), shared by the `gateway` component type and the
 * per-component `ingress` trait: routes (host, path) to Services of components by name.
 */
import { z } from 'zod';
import type { Application, Component } from '../model/application.js';
import { portsOf } from '../model/application.js';
import { dnsSubdomain, port } from '../model/common.js';
import { componentNamed } from '../model/component-index.js';
import { nameList } from '../model/limits.js';
import type { KubeObject } from './kube-object.js';

/** A host name, optionally with a leading wildcard label (`*.shop.example`). */
export const hostname = z
  .string()
  .regex(/^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, { message: 'must be a host name such as shop.example.com or *.example.com' });

export const RouteSchema = z.strictObject({
  host: hostname.optional(),
  path: z.string().regex(/^\//, { message: 'must start with /' }).default('/'),
  pathType: z.enum(['Prefix', 'Exact']).default('Prefix'),
  /** A port number or the name of one of the component's ports; default: its first port. */
  port: z.union([port, z.string().min(1).max(15)]).optional(),
});

export const TlsSchema = z.strictObject({ hosts: z.array(hostname).min(1), secretName: dnsSubdomain });

export interface Route {
  host?: string | undefined;
  path: string;
  pathType: 'Prefix' | 'Exact';
  /** The component whose Service receives the traffic. */
  component: string;
  port?: number | string | undefined;
}

export interface IngressSpec {
  className?: string | undefined;
  tls: { hosts: string[]; secretName: string }[];
  routes: Route[];
}

function backendPort(app: Application, r: Route): Record<string, unknown> {
  const target = componentNamed(app, r.component);
  const p = r.port ?? (target ? portsOf(target)[0]?.port : undefined);
  return typeof p === 'string' ? { name: p } : { number: p };
}

/** Rules grouped by host, in the order hosts first appear. */
export function ingressFor(app: Application, metadata: KubeObject['metadata'], spec: IngressSpec): KubeObject {
  const hosts = [...new Set(spec.routes.map((r) => r.host))];
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata,
    spec: {
      ...(spec.className ? { ingressClassName: spec.className } : {}),
      ...(spec.tls.length ? { tls: spec.tls } : {}),
      rules: hosts.map((host) => ({
        ...(host ? { host } : {}),
        http: {
          paths: spec.routes
            .filter((r) => r.host === host)
            .map((r) => ({ path: r.path, pathType: r.pathType, backend: { service: { name: r.component, port: backendPort(app, r) } } })),
        },
      })),
    },
  };
}

/** Why a component cannot receive routed traffic (and which field is wrong), or undefined. */
export function routeProblem(
  app: Application,
  r: Pick<Route, 'component' | 'port'>,
  exposes: (c: Component) => boolean,
): { field: 'component' | 'port'; message: string; hint: string } | undefined {
  const target = componentNamed(app, r.component);
  if (!target) return { field: 'component', message: `unknown component "${r.component}"`, hint: `components of this application: ${nameList(app.components.map((c) => c.name))}` };
  const ports = portsOf(target);
  if (!exposes(target) || ports.length === 0) return { field: 'component', message: `component "${r.component}" has no Service to route to`, hint: 'route to a webservice or store component with a port' };
  if (r.port !== undefined && !ports.some((p) => p.port === r.port || p.name === r.port)) {
    return { field: 'port', message: `component "${r.component}" has no port ${JSON.stringify(r.port)}`, hint: `its ports: ${ports.map((p) => p.name ?? p.port).join(', ')}` };
  }
  return undefined;
}
