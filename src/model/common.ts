/** Small schemas shared by the spec: names, quantities, ports, environment variable names. */
import { z } from 'zod';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A DNS-1123 label: what Kubernetes accepts as a namespace, Service or Deployment name. */
export const dnsLabel = z
  .string()
  .max(63, { message: 'must be at most 63 characters (a DNS-1123 label)' })
  .regex(DNS1123_LABEL, {
    message: 'must be a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit',
  });

/** A DNS-1123 subdomain: ConfigMap, Secret and PVC names. */
export const dnsSubdomain = z
  .string()
  .max(253, { message: 'must be at most 253 characters (a DNS-1123 subdomain)' })
  .regex(DNS1123_SUBDOMAIN, { message: 'must be a DNS-1123 subdomain: lower-case letters, digits, "-" and "."' });

const QUANTITY = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+|[kMGTPE]i?|m)?$/;

/** A Kubernetes resource quantity such as `500m`, `2`, `1.5Gi`. */
export const quantity = z
  .union([z.string(), z.number().nonnegative()])
  .transform((v) => String(v))
  .refine((v) => QUANTITY.test(v), { message: 'must be a Kubernetes quantity such as 500m, 2, 512Mi or 1.5Gi' });

/**
 * A storage size: a quantity with a unit. A bare number is bytes to Kubernetes, which is never
 * what `"size": "20"` meant, so it is rejected with the likely fix.
 */
export const storageSize = z.union([z.string(), z.number()]).superRefine((v, ctx) => {
  const s = String(v);
  if (/^\d+(\.\d+)?$/.test(s)) ctx.addIssue({ code: 'custom', message: `a bare number is bytes; write a unit, e.g. "${s}Gi"` });
  else if (!QUANTITY.test(s)) ctx.addIssue({ code: 'custom', message: 'must be a size such as 512Mi or 20Gi' });
}).transform((v) => String(v));

export const port = z.number().int().min(1, { message: 'must be a port from 1 to 65535' }).max(65535, { message: 'must be a port from 1 to 65535' });

/**
 * An environment variable name a shell can read. Kubernetes accepts more (dots, dashes), but a
 * process started by a shell cannot see such variables, as the seed design warns.
 */
export const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
  message: 'must be a shell-readable name: letters, digits and "_", not starting with a digit',
});

/** A duration such as `30s`, `5m`, `1h30m`. */
export const duration = z.string().regex(/^(\d+(ms|s|m|h))+$/, { message: 'must be a duration such as 30s, 5m or 1h30m' });
