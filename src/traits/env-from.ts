/**
 * `envFrom`: every key of a ConfigMap or Secret as environment variables of the main container.
 * The keys of the application's own config and secret components must then be variable names a
 * shell can read (with the prefix): Kubernetes sets the others, but no shell-started process sees
 * them, as the seed design warns.
 */
import { z } from 'zod';
import type { Application } from '../model/application.js';
import { dnsSubdomain, envName, fieldsOf, isEnvName } from '../model/common.js';
import { componentNamed } from '../model/component-index.js';
import { defineTrait, type TraitIssue } from './trait.js';

const Source = z.strictObject({
  type: z.enum(['config', 'secret']),
  sourceName: dnsSubdomain,
  /** Prepended to every variable name; it must itself be shell-readable. */
  prefix: envName.optional(),
});

export type EnvFromData = z.output<typeof Source>[];

/** The data keys of a config or secret component of the application (none for one outside it). */
function keysOf(app: Application, source: EnvFromData[number]): string[] {
  const named = componentNamed(app, source.sourceName);
  const c = named?.type === source.type ? named : undefined;
  const properties = fieldsOf(c?.properties);
  return [...Object.keys(fieldsOf(properties.data)), ...Object.keys(fieldsOf(properties.stringData))];
}

function checkKeys(data: EnvFromData, app: Application): TraitIssue[] {
  return data.flatMap((s, i) => {
    const unreadable = keysOf(app, s).filter((key) => !isEnvName(`${s.prefix ?? ''}${key}`));
    if (unreadable.length === 0) return [];
    return [
      {
        path: [i],
        message: `${s.type} "${s.sourceName}" has keys that are no shell-readable variable names: ${[...new Set(unreadable)].sort().join(', ')}`,
        hint: `rename them (letters, digits and "_", not starting with a digit), read them under names of your own with the envs trait, or mount the ${s.type} as files with the storage trait`,
      },
    ];
  });
}

export const envFrom = defineTrait<EnvFromData>({
  name: 'envFrom',
  description: 'Inject all keys of a ConfigMap (type config) or Secret (type secret) as environment variables.',
  schema: z.array(Source),
  appliesTo: ['Deployment', 'StatefulSet', 'Job'],
  references: (data) => data.map((s, i) => ({ kind: s.type, name: s.sourceName, path: [i, 'sourceName'] })),
  check: (data, app) => checkKeys(data, app),
  process: ({ component, data }) => ({
    envFrom: {
      [component.name]: data.map((s) => ({
        ...(s.prefix ? { prefix: s.prefix } : {}),
        ...(s.type === 'config' ? { configMapRef: { name: s.sourceName } } : { secretRef: { name: s.sourceName } }),
      })),
    },
  }),
});
