/**
 * The built-in step types. Their handlers live in the workflow (workflows/steps.ts), which
 * maps every name here to one: a built-in type without a handler does not compile.
 */
import { z } from 'zod';
import { dnsLabel, duration } from '../model/common.js';
import { maxItems } from '../model/limits.js';
import { defineStepType } from './step-type.js';

const ObjectRefSchema = z.strictObject({ apiVersion: z.string().min(1), kind: z.string().min(1), name: dnsLabel });

/**
 * Headers a webhook may not set: hop-by-hop and framing headers (they would smuggle a second
 * request or change where the request goes), and proxy credentials. The client sets them itself.
 */
export const FORBIDDEN_WEBHOOK_HEADERS: ReadonlySet<string> = new Set([
  'host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'te', 'trailer', 'upgrade', 'expect',
  'proxy-authorization', 'proxy-authenticate', 'proxy-connection', 'forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip', 'http2-settings',
]);

const isForbiddenHeader = (name: string): boolean => FORBIDDEN_WEBHOOK_HEADERS.has(name.toLowerCase()) || name.toLowerCase().startsWith('proxy-');

const WebhookHeaders = z
  .record(z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, { message: 'is not an HTTP header name' }), z.string().regex(/^[^\r\n\0]*$/, { message: 'may not contain line breaks' }))
  .superRefine((headers, ctx) => {
    for (const name of Object.keys(headers).filter(isForbiddenHeader)) {
      ctx.addIssue({ code: 'custom', path: [name], message: `the header "${name}" may not be set by a webhook step (hop-by-hop, framing or proxy header); the client sets it` });
    }
  })
  .default({});

/** Steps that wait for pods: how long pods may wait for capacity before the step fails (default 10m). */
const WaitProperties = z.strictObject({ maxPending: duration.optional() });

export const BUILTIN_STEP_TYPES = [
  defineStepType({
    name: 'deploy',
    description: 'Apply the components and wait until each is ready (Deployments available, StatefulSets rolled out, Jobs complete).',
    properties: WaitProperties,
    components: 'required',
  }),
  defineStepType({
    name: 'job',
    description: 'Run job components (e.g. a migration) to completion.',
    properties: WaitProperties,
    components: 'required',
    componentTypes: ['job'],
  }),
  defineStepType({
    name: 'gpu-check',
    description: 'Check that the cluster has the free GPUs a later step needs: fail fast, or wait up to `wait`.',
    properties: z.strictObject({
      gpusPerPod: z.number().int().min(1),
      pods: z.number().int().min(1).default(1),
      /** Wait this long for capacity instead of failing at once. */
      wait: duration.optional(),
    }),
    components: 'none',
  }),
  defineStepType({
    name: 'approval',
    description: 'Wait until a person approves (or rejects) the run, through the approve update.',
    properties: z.strictObject({ message: z.string().optional() }),
    components: 'none',
  }),
  defineStepType({
    name: 'apply',
    description: 'Apply raw Kubernetes manifests (properties.manifests) in the application namespace.',
    properties: z.strictObject({
      manifests: z.array(z.looseObject({ apiVersion: z.string().min(1), kind: z.string().min(1), metadata: z.looseObject({ name: dnsLabel }) })).min(1).max(...maxItems('manifestsPerApplyStep', 'manifests in one apply step')),
    }),
    components: 'none',
  }),
  defineStepType({
    name: 'delete',
    description: 'Delete the objects of the components named, and/or the objects listed in properties.objects.',
    properties: z.strictObject({ objects: z.array(ObjectRefSchema).default([]) }),
    components: 'optional',
  }),
  defineStepType({
    name: 'webhook',
    description: 'Call an HTTP endpoint; a 2xx answer succeeds, 4xx fails for good, 5xx is retried.',
    properties: z.strictObject({
      url: z.url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' }),
      method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('POST'),
      headers: WebhookHeaders,
      body: z.unknown().optional(),
    }),
    components: 'none',
  }),
  defineStepType({
    name: 'barrier',
    description: 'Do nothing: succeed once the steps it depends on have (generated plans put one between stages instead of N x M dependencies).',
    properties: z.strictObject({}),
    components: 'none',
  }),
] as const;

export type BuiltinStepType = (typeof BUILTIN_STEP_TYPES)[number]['name'];
