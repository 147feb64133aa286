/**
 * `probes`: liveness, readiness and startup probes of the main container, each by exec,
 * httpGet or tcpSocket (exactly one). Ports may be numbers or the names of declared ports.
 */
import { z } from 'zod';
import { port } from '../model/common.js';
import { defineTrait } from './trait.js';

const PortRef = z.union([port, z.string().min(1).max(15)]);

const Handler = z.union(
  [
    z.strictObject({ exec: z.strictObject({ command: z.array(z.string()).min(1) }) }),
    z.strictObject({ httpGet: z.strictObject({ path: z.string().regex(/^\//, { message: 'must start with /' }).default('/'), port: PortRef, scheme: z.enum(['HTTP', 'HTTPS']).optional() }) }),
    z.strictObject({ tcpSocket: z.strictObject({ port: PortRef }) }),
  ],
  { message: 'a probe takes exactly one of exec {command}, httpGet {path, port} or tcpSocket {port}' },
);

const Timing = z.strictObject({
  initialDelaySeconds: z.number().int().min(0).optional(),
  periodSeconds: z.number().int().min(1).optional(),
  timeoutSeconds: z.number().int().min(1).optional(),
  failureThreshold: z.number().int().min(1).optional(),
  successThreshold: z.number().int().min(1).optional(),
});

const Probe = z.intersection(Handler, Timing);

export const ProbesSchema = z
  .strictObject({ liveness: Probe.optional(), readiness: Probe.optional(), startup: Probe.optional() })
  .refine((p) => p.liveness || p.readiness || p.startup, { message: 'give at least one of liveness, readiness, startup' });

export type ProbesData = z.output<typeof ProbesSchema>;

export const probes = defineTrait<ProbesData>({
  name: 'probes',
  description: 'Liveness, readiness and startup probes (exec, httpGet or tcpSocket) of the main container.',
  schema: ProbesSchema,
  appliesTo: ['Deployment', 'StatefulSet'],
  process: ({ component, data }) => ({
    containerFields: {
      [component.name]: {
        ...(data.liveness ? { livenessProbe: data.liveness } : {}),
        ...(data.readiness ? { readinessProbe: data.readiness } : {}),
        ...(data.startup ? { startupProbe: data.startup } : {}),
      },
    },
  }),
});
