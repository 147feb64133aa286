/** Small schemas shared by the spec: names, labels, keys, quantities, ports, environment variable names. */
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

/** The most characters a label value may have; Kubernetes copies some names into label values. */
export const LABEL_VALUE_MAX = 63;

/** A DNS-1035 label (a DNS-1123 label starting with a letter): what Kubernetes accepts as a Service name. */
export const isDns1035Label = (name: string): boolean => /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(name) && name.length <= 63;

/** A DNS-1123 subdomain: ConfigMap, Secret and PVC names. */
export const dnsSubdomain = z
  .string()
  .max(253, { message: 'must be at most 253 characters (a DNS-1123 subdomain)' })
  .regex(DNS1123_SUBDOMAIN, { message: 'must be a DNS-1123 subdomain: lower-case letters, digits, "-" and "."' });

/** A label value: empty, or at most 63 characters starting and ending with a letter or digit. */
const LABEL_VALUE = /^(?=.{0,63}$)([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;
/** A label key: an optional DNS-1123 subdomain of at most 253 characters and `/`, then a non-empty label value. */
const LABEL_KEY = /^((?=[^/]{1,253}\/)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?(?=.{1,63}$)[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** A label or annotation key, such as `app.kubernetes.io/name`. */
export const labelKey = z.string().regex(LABEL_KEY, { message: 'must be a label key: an optional DNS subdomain prefix and "/", then at most 63 letters, digits, "-", "_" and "."' });

export const labelValue = z.string().regex(LABEL_VALUE, {
  message: 'must be a label value: at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
});

/** A key of a ConfigMap's or Secret's data. */
export const configKey = z
  .string()
  .max(253, { message: 'must be a ConfigMap/Secret key of at most 253 characters' })
  .regex(/^[-._a-zA-Z0-9]+$/, { message: 'must be a ConfigMap/Secret key: letters, digits, "-", "_" and "."' });

/**
 * Options for a refinement of a list that must run even when some elements are invalid, so a
 * duplicate is reported together with the other elements' errors (not in a second round). The
 * refinement then sees the elements as given: it must check their shape itself.
 */
export const evenWithElementErrors = { when: (payload: { value: unknown }): boolean => Array.isArray(payload.value) };

/** The record fields of a value that is an object, for refinements that see unparsed elements. */
export const fieldsOf = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

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

/** Whether a name is one `envName` accepts. */
export const isEnvName = (name: string): boolean => envName.safeParse(name).success;

/** A duration such as `30s`, `5m`, `1h30m`. */
export const duration = z.string().regex(/^(\d+(ms|s|m|h))+$/, { message: 'must be a duration such as 30s, 5m or 1h30m' });
