/**
 * `store`: a stateful service such as Redis or PostgreSQL: a StatefulSet with a headless
 * Service for stable pod names. `persistent` storage becomes volumeClaimTemplates, one claim per
 * replica. Applied with server-side apply like everything else, so updates work (the original
 * KubeMin-Cli could only create StatefulSets).
 */
import { z } from 'zod';
import { selectorLabels } from '../render/labels.js';
import { metadataFor, podTemplate, serviceFor } from '../render/workloads.js';
import { defineComponentType } from './component-type.js';

export const store = defineComponentType({
  name: 'store',
  description: 'A stateful service: a StatefulSet (persistent storage as volumeClaimTemplates) and a headless Service.',
  properties: z.strictObject({
    podManagementPolicy: z.enum(['OrderedReady', 'Parallel']).default('OrderedReady'),
  }),
  workload: 'StatefulSet',
  stage: 'workload',
  exposesService: true,
  render: (ctx) => [
    ...serviceFor(ctx, { headless: true }),
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: metadataFor(ctx),
      spec: {
        serviceName: ctx.component.name,
        replicas: ctx.component.replicas ?? 1,
        podManagementPolicy: ctx.properties.podManagementPolicy,
        selector: { matchLabels: selectorLabels(ctx.app.name, ctx.component.name) },
        template: podTemplate(ctx),
      },
    },
  ],
  readiness: ({ app, component }) => [{ kind: 'StatefulSet', namespace: app.namespace, name: component.name }],
});
