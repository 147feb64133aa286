/**
 * `ingress`: an Ingress for one component (named after it) routing a host and path to its
 * Service. For one entry in front of several components, use the `gateway` component type.
 */
import { z } from 'zod';
import { exposesService } from '../components/registry.js';
import { ingressFor, routeProblem, RouteSchema, TlsSchema } from '../render/ingress.js';
import { metadataFor } from '../render/workloads.js';
import { defineTrait } from './trait.js';

const IngressSchema = RouteSchema.extend({
  className: z.string().optional(),
  tls: TlsSchema.omit({ hosts: true }).optional(),
}).refine((d) => !d.tls || d.host, { message: 'TLS needs a host', path: ['tls'] });

export type IngressData = z.output<typeof IngressSchema>;

export const ingress = defineTrait<IngressData>({
  name: 'ingress',
  description: 'An Ingress routing a host and path to this component\'s Service, optionally with TLS.',
  schema: IngressSchema,
  appliesTo: ['Deployment', 'StatefulSet'],
  process: ({ app, component, data, revision }) => ({
    additionalObjects: [
      ingressFor(app, metadataFor({ app, component, revision, properties: {} }), {
        className: data.className,
        tls: data.tls && data.host ? [{ hosts: [data.host], secretName: data.tls.secretName }] : [],
        routes: [{ ...data, component: component.name }],
      }),
    ],
  }),
  check: (data, app, component) => {
    const problem = routeProblem(app, { component: component.name, port: data.port }, exposesService);
    return problem ? [{ path: problem.field === 'port' ? ['port'] : [], message: problem.message, hint: problem.hint }] : [];
  },
});
