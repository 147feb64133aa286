/**
 * The application spec users write, as zod schemas. The inferred types are the only spec
 * types the rest of KubeMin uses.
 */
import { z } from 'zod';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A DNS-1123 label: what Kubernetes accepts as a namespace, Service or Deployment name. */
export const dnsLabel = z
  .string()
  .max(63, { message: 'must be at most 63 characters (a DNS-1123 label)' })
  .regex(DNS1123_LABEL, {
    message: 'must be a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit',
  });

export const ComponentSchema = z.strictObject({
  name: dnsLabel,
  type: z.enum(['webservice'], { message: 'unknown component type; known types: webservice' }),
  image: z.string().trim().min(1, { message: 'an image is required, e.g. "nginx:1.27"' }),
  replicas: z.number().int().min(0).max(1000).default(1),
  port: z.number().int().min(1).max(65535).optional(),
});

export const ApplicationSchema = z.strictObject({
  name: dnsLabel,
  namespace: dnsLabel.default('default'),
  description: z.string().optional(),
  components: z.array(ComponentSchema).min(1, { message: 'an application needs at least one component' }),
});

export type ApplicationInput = z.input<typeof ApplicationSchema>;
export type Application = z.output<typeof ApplicationSchema>;
export type Component = z.output<typeof ComponentSchema>;
