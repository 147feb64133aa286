/**
 * `envs`: environment variables of the main container with a literal `value`, or `valueFrom` a
 * Secret key, a ConfigMap key, or a Pod field (fieldRef, e.g. metadata.namespace).
 */
import { z } from 'zod';
import { configKey, dnsSubdomain, envName, evenWithElementErrors, fieldsOf } from '../model/common.js';
import { maxItems } from '../model/limits.js';
import { defineTrait, type SourceRef } from './trait.js';

const KeyRef = z.strictObject({ name: dnsSubdomain, key: configKey });

const POD_FIELDS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.podIP', 'status.podIPs'] as const;

const ValueFrom = z.union([
  z.strictObject({ secret: KeyRef }),
  z.strictObject({ config: KeyRef }),
  z.strictObject({ field: z.enum(POD_FIELDS, { message: `must be a Pod field: ${POD_FIELDS.join(', ')}` }) }),
], { message: 'valueFrom takes exactly one of secret {name, key}, config {name, key} or field' });

const EnvVar = z
  .strictObject({ name: envName, value: z.string().optional(), valueFrom: ValueFrom.optional() })
  .refine((e) => (e.value === undefined) !== (e.valueFrom === undefined), { message: 'give either value or valueFrom, not both or neither' });

export type EnvsData = z.output<typeof EnvVar>[];

function toK8s(e: z.output<typeof EnvVar>): Record<string, unknown> {
  if (e.value !== undefined) return { name: e.name, value: e.value };
  const from = e.valueFrom as z.output<typeof ValueFrom>;
  if ('secret' in from) return { name: e.name, valueFrom: { secretKeyRef: { name: from.secret.name, key: from.secret.key } } };
  if ('config' in from) return { name: e.name, valueFrom: { configMapKeyRef: { name: from.config.name, key: from.config.key } } };
  return { name: e.name, valueFrom: { fieldRef: { fieldPath: from.field } } };
}

export const envs = defineTrait<EnvsData>({
  name: 'envs',
  description: 'Environment variables: literal values, or references to Secret keys, ConfigMap keys and Pod fields.',
  schema: z.array(EnvVar).max(...maxItems('envEntries', 'environment variables in envs')).superRefine((list: unknown[], ctx) => {
    const seen = new Set<unknown>();
    list.forEach((e, i) => {
      const { name } = fieldsOf(e);
      if (typeof name === 'string' && seen.has(name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate environment variable "${name}"` });
      seen.add(name);
    });
  }, evenWithElementErrors),
  appliesTo: ['Deployment', 'StatefulSet', 'Job'],
  process: ({ component, data }) => ({ env: { [component.name]: data.map(toK8s) } }),
  references: (data) =>
    data.flatMap((e, i): SourceRef[] => {
      const from = e.valueFrom;
      if (from && 'secret' in from) return [{ kind: 'secret', name: from.secret.name, path: [i, 'valueFrom', 'secret', 'name'] }];
      if (from && 'config' in from) return [{ kind: 'config', name: from.config.name, path: [i, 'valueFrom', 'config', 'name'] }];
      return [];
    }),
});
