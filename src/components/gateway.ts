/**
 * `gateway`: the application's one entry point, as an Ingress routing hosts and paths to the
 * Services of other components by name, with TLS. Deployed after every workload.
 */
import { z } from 'zod';
import { dnsLabel } from '../model/common.js';
import { ingressFor, routeProblem, RouteSchema, TlsSchema } from '../render/ingress.js';
import { metadataFor } from '../render/workloads.js';
import { defineComponentType } from './component-type.js';

const GatewayProperties = z.strictObject({
  className: z.string().optional(),
  tls: z.array(TlsSchema).default([]),
  routes: z.array(RouteSchema.extend({ component: dnsLabel })).min(1, { message: 'a gateway needs at least one route' }),
});

export const gateway = defineComponentType({
  name: 'gateway',
  description: 'The unified entry: an Ingress routing hosts and paths to components by name, with TLS.',
  properties: GatewayProperties,
  workload: 'none',
  stage: 'entry',
  render: (ctx) => [ingressFor(ctx.app, metadataFor(ctx), ctx.properties)],
  readiness: () => [],
  references: (properties) => properties.routes.map((r) => r.component),
  check: ({ properties, app, exposesService }) =>
    properties.routes.flatMap((r, i) => {
      const problem = routeProblem(app, r, exposesService);
      return problem ? [{ path: ['properties', 'routes', i, problem.field], message: problem.message, hint: problem.hint }] : [];
    }),
});
