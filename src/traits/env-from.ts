/** `envFrom`: every key of a ConfigMap or Secret as environment variables of the main container. */
import { z } from 'zod';
import { dnsSubdomain, envName } from '../model/common.js';
import { defineTrait } from './trait.js';

const Source = z.strictObject({
  type: z.enum(['config', 'secret']),
  sourceName: dnsSubdomain,
  /** Prepended to every variable name; it must itself be shell-readable. */
  prefix: envName.optional(),
});

export type EnvFromData = z.output<typeof Source>[];

export const envFrom = defineTrait<EnvFromData>({
  name: 'envFrom',
  description: 'Inject all keys of a ConfigMap (type config) or Secret (type secret) as environment variables.',
  schema: z.array(Source),
  appliesTo: ['Deployment', 'StatefulSet', 'Job'],
  references: (data) => data.map((s, i) => ({ kind: s.type, name: s.sourceName, path: [i, 'sourceName'] })),
  process: ({ component, data }) => ({
    envFrom: {
      [component.name]: data.map((s) => ({
        ...(s.prefix ? { prefix: s.prefix } : {}),
        ...(s.type === 'config' ? { configMapRef: { name: s.sourceName } } : { secretRef: { name: s.sourceName } }),
      })),
    },
  }),
});
