/**
 * The application spec users write, as zod schemas. This is the shape check; per-type
 * `properties`, per-trait data and references between components are checked by
 * validateApplication (validate.ts), which reports every problem at once.
 */
import { z } from 'zod';
import { dnsLabel, envName, port } from './common.js';

export const PortSchema = z.strictObject({
  port,
  name: z.string().max(15).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, { message: 'must be an IANA service name: at most 15 lower-case letters, digits and "-"' }).optional(),
  protocol: z.enum(['TCP', 'UDP']).default('TCP'),
});

/** `componentType` is the seed's name for `type`; both are accepted, `type` wins. */
function aliasComponentType(input: unknown): unknown {
  if (input && typeof input === 'object' && !Array.isArray(input) && 'componentType' in input) {
    const { componentType, ...rest } = input as Record<string, unknown>;
    return 'type' in rest ? rest : { ...rest, type: componentType };
  }
  return input;
}

/** The component's fields; ComponentSchema adds the `componentType` alias in front. */
export const ComponentShape = z.strictObject({
    name: dnsLabel,
    type: z.string({ message: 'a component type is required (`type`, or the seed\'s `componentType`)' }),
    image: z.string().trim().min(1, { message: 'an image is required, e.g. "nginx:1.27"' }).optional(),
    replicas: z.number().int().min(0).max(1000).optional(),
    /** Shorthand for `ports: [{ port }]`. */
    port: port.optional(),
    ports: z.array(PortSchema).optional(),
    command: z.array(z.string()).optional(),
    args: z.array(z.string()).optional(),
    /** Plain environment variables of the main container; `traits.envs` adds references. */
    env: z.record(envName, z.string()).optional(),
    dependsOn: z.array(z.string()).default([]),
    properties: z.record(z.string(), z.unknown()).default({}),
    traits: z.record(z.string(), z.unknown()).default({}),
});

export const ComponentSchema = z.preprocess(aliasComponentType, ComponentShape);

/** Application-wide policies (the seed's image pull, restart and host access rules). */
export const PoliciesSchema = z.strictObject({
  /** hostPath volumes give a pod the node's files: denied unless allowed here. */
  allowHostPath: z.boolean().default(false),
  /** The extended resource name the `resources.gpu` trait field sets. */
  gpuResourceName: z.string().regex(/^([a-z0-9.-]+\/)?[a-z0-9]([-a-z0-9._]*[a-z0-9])?$/, { message: 'must be a resource name such as nvidia.com/gpu' }).default('nvidia.com/gpu'),
  imagePullPolicy: z.enum(['Always', 'IfNotPresent', 'Never']).optional(),
});

export const ApplicationSchema = z.strictObject({
  name: dnsLabel,
  namespace: dnsLabel.default('default'),
  description: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  components: z.array(ComponentSchema).min(1, { message: 'an application needs at least one component' }),
  policies: PoliciesSchema.default({ allowHostPath: false, gpuResourceName: 'nvidia.com/gpu' }),
});

export type ApplicationInput = z.input<typeof ApplicationSchema>;
export type Application = z.output<typeof ApplicationSchema>;
export type Component = z.output<typeof ComponentSchema>;
export type PortSpec = z.output<typeof PortSchema>;

/** The ports of a component, with the `port` shorthand folded in. */
export function portsOf(c: Component): PortSpec[] {
  return c.ports ?? (c.port ? [{ port: c.port, name: 'http', protocol: 'TCP' }] : []);
}
