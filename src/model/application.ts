/**
 * The application spec users write, as zod schemas. This is the shape check; per-type
 * `properties`, per-trait data and references between components are checked by
 * validateApplication (validate.ts), which reports every problem at once.
 */
import { z } from 'zod';
import { ProbesSchema } from '../traits/probes.js';
import { dnsLabel, duration, envName, labelKey, labelValue, port } from './common.js';
import { maxEntries, maxItems } from './limits.js';

export const PortSchema = z.strictObject({
  port,
  name: z.string().max(15).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, { message: 'must be an IANA service name: at most 15 lower-case letters, digits and "-"' }).optional(),
  protocol: z.enum(['TCP', 'UDP']).default('TCP'),
});

/** `componentType` is the seed's name for `type`; both are accepted, `type` wins. */
export function aliasComponentType(input: unknown): unknown {
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
    env: maxEntries(z.record(envName, z.string()), 'envEntries', 'environment variables in env').optional(),
    /** Annotations of the component's pods (e.g. for scrapers and meshes). */
    annotations: z.record(labelKey, z.string()).optional(),
    dependsOn: z.array(z.string()).max(...maxItems('dependsOn', 'dependsOn entries')).default([]),
    properties: z.record(z.string(), z.unknown()).default({}),
    traits: maxEntries(z.record(z.string(), z.unknown()), 'traitsPerComponent', 'traits').default({}),
    /** Take over objects of this name that another application owns (their label says so). */
    adopt: z.boolean().optional(),
    /**
     * Allow KubeMin to delete and re-create this component's objects when Kubernetes forbids a
     * change in place and re-creating interrupts service (a Deployment's selector, a Service's clusterIP).
     */
    recreate: z.boolean().optional(),
});

export const ComponentSchema = z.preprocess(aliasComponentType, ComponentShape);

/**
 * Policies for some components, chosen by name and/or type (no match: every component); later
 * entries override earlier ones.
 */
export const OverrideSchema = z.strictObject({
  match: z.strictObject({ components: z.array(z.string()).optional(), types: z.array(z.string()).optional() }).default({}),
  imagePullPolicy: z.enum(['Always', 'IfNotPresent', 'Never']).optional(),
  /** Pod restart policy; only job components can have one other than Always. */
  restartPolicy: z.enum(['Never', 'OnFailure']).optional(),
  /** Probes for components that have no probes trait of their own. */
  probes: ProbesSchema.optional(),
  /** Defaults for the steps that act on these components, when a step sets none. */
  steps: z.strictObject({ timeout: duration.optional(), retry: z.lazy(() => RetrySchema).optional() }).optional(),
});

/** Application-wide policies (the seed's image pull, restart, retry and probe rules). */
export const PoliciesSchema = z.strictObject({
  /** hostPath volumes give a pod the node's files: denied unless allowed here. */
  allowHostPath: z.boolean().default(false),
  /** The extended resource name the `resources.gpu` trait field sets. */
  gpuResourceName: z.string().regex(/^([a-z0-9.-]+\/)?[a-z0-9]([-a-z0-9._]*[a-z0-9])?$/, { message: 'must be a resource name such as nvidia.com/gpu' }).default('nvidia.com/gpu'),
  imagePullPolicy: z.enum(['Always', 'IfNotPresent', 'Never']).optional(),
  /** ConfigMaps and Secrets that exist outside this application and may be referenced. */
  external: z
    .strictObject({ configs: z.array(z.string()).default([]), secrets: z.array(z.string()).default([]) })
    .default({ configs: [], secrets: [] }),
  overrides: z.array(OverrideSchema).max(...maxItems('overrides', 'overrides')).default([]),
});

export const RetrySchema = z.strictObject({
  maxAttempts: z.number().int().min(1).max(100),
  initialInterval: duration.default('1s'),
  /** Multiplier of the interval after each attempt. */
  backoff: z.number().min(1).max(10).default(2),
});

const stepCommon = {
  name: dnsLabel,
  dependsOn: z.array(z.string()).max(...maxItems('dependsOn', 'dependsOn entries')).optional(),
  /** Run only when the steps it depends on all succeeded (default), when one failed, or always. */
  if: z.enum(['succeeded', 'failed', 'always']).default('succeeded'),
};

export const StepSchema = z.strictObject({
  ...stepCommon,
  type: z.string({ message: 'a step type is required' }),
  components: z.array(z.string()).max(...maxItems('componentsPerStep', 'components in one step')).default([]),
  timeout: duration.optional(),
  retry: RetrySchema.optional(),
  properties: z.record(z.string(), z.unknown()).default({}),
});

/** A group of steps run one after another (serial) or all at once (parallel). */
export const StepGroupSchema = z.strictObject({
  ...stepCommon,
  mode: z.enum(['serial', 'parallel']).default('parallel'),
  steps: z.array(StepSchema).min(1, { message: 'a group needs at least one step' }).max(...maxItems('steps', 'steps')),
});

export const WorkflowSchema = z.strictObject({
  /** Top-level steps run one after another unless they say what they depend on. */
  steps: z.array(z.union([StepGroupSchema, StepSchema], { message: 'a step needs a type, a group needs steps' })).min(1).max(...maxItems('steps', 'steps')),
});

export const ApplicationSchema = z.strictObject({
  name: dnsLabel,
  namespace: dnsLabel.default('default'),
  description: z.string().optional(),
  /** Labels of every object and pod; KubeMin's own labels win over these. */
  labels: z.record(labelKey, labelValue).optional(),
  components: z.array(ComponentSchema).min(1, { message: 'an application needs at least one component' }).max(...maxItems('components', 'components')),
  policies: PoliciesSchema.default({ allowHostPath: false, gpuResourceName: 'nvidia.com/gpu', external: { configs: [], secrets: [] }, overrides: [] }),
  /** The steps to run; without it, KubeMin generates one (see compiler/compile.ts). */
  workflow: WorkflowSchema.optional(),
  /**
   * When a run fails: `keep` leaves what it applied for inspection; `rollback` re-applies the
   * last successful revision of the application (and removes what the failed one added).
   */
  onFailure: z.enum(['keep', 'rollback']).default('keep'),
  /** When a run is cancelled: `keep` what it applied, or `delete` the components it started on. */
  onCancel: z.enum(['keep', 'delete']).default('keep'),
  /**
   * When a run of this application (name + namespace) is already running: `queue` behind it
   * (the default), `replace` it (cancel it first), or `reject` this one (409).
   */
  concurrency: z.enum(['queue', 'replace', 'reject']).optional(),
});

export type ApplicationInput = z.input<typeof ApplicationSchema>;
export type Application = z.output<typeof ApplicationSchema>;
export type Component = z.output<typeof ComponentSchema>;
export type PortSpec = z.output<typeof PortSchema>;
export type StepSpec = z.output<typeof StepSchema>;
export type StepGroupSpec = z.output<typeof StepGroupSchema>;
export type RetrySpec = z.output<typeof RetrySchema>;
export type OverrideSpec = z.output<typeof OverrideSchema>;

/** The ports of a component, with the `port` shorthand folded in. */
export function portsOf(c: Component): PortSpec[] {
  return c.ports ?? (c.port ? [{ port: c.port, name: 'http', protocol: 'TCP' }] : []);
}
