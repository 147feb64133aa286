/**
 * `resources`: CPU and memory requests (and limits), and GPUs. GPUs are an extended resource,
 * so they are set as a limit (Kubernetes makes the request equal); the resource name comes from
 * `policies.gpuResourceName` (default nvidia.com/gpu).
 */
import { z } from 'zod';
import { quantity } from '../model/common.js';
import { defineTrait } from './trait.js';

const ResourcesSchema = z.strictObject({
  cpu: quantity.optional(),
  memory: quantity.optional(),
  gpu: z.number().int().min(1, { message: 'must be a whole number of GPUs, at least 1' }).optional(),
  limits: z.strictObject({ cpu: quantity.optional(), memory: quantity.optional() }).optional(),
});

export type ResourcesData = z.output<typeof ResourcesSchema>;

const compact = (o: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined));

export const resources = defineTrait<ResourcesData>({
  name: 'resources',
  description: 'CPU and memory requests and limits, and GPUs (an extended resource, policies.gpuResourceName).',
  schema: ResourcesSchema,
  appliesTo: ['Deployment', 'StatefulSet', 'Job'],
  process: ({ app, component, data }) => {
    const requests = compact({ cpu: data.cpu, memory: data.memory });
    const limits = compact({
      cpu: data.limits?.cpu,
      memory: data.limits?.memory ?? data.memory,
      [app.policies.gpuResourceName]: data.gpu === undefined ? undefined : String(data.gpu),
    });
    return {
      containerFields: {
        [component.name]: { resources: { ...(Object.keys(requests).length ? { requests } : {}), ...(Object.keys(limits).length ? { limits } : {}) } },
      },
    };
  },
});
