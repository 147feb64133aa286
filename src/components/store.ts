/**
 * `store`: a stateful service such as Redis or PostgreSQL: a StatefulSet with a headless
 * Service for stable pod names. `persistent` storage becomes volumeClaimTemplates, one claim per
 * replica. Applied with server-side apply like everything else, so updates work (the original
 * KubeMin-Cli could only create StatefulSets).
 */
import { z } from 'zod';
import { LABEL_VALUE_MAX } from '../model/common.js';
import { selectorLabels } from '../render/labels.js';
import { metadataFor, podTemplate, serviceFor } from '../render/workloads.js';
import { defineComponentType } from './component-type.js';

/**
 * The StatefulSet controller labels each pod with `controller-revision-hash: <name>-<hash>`,
 * where the hash (rand.SafeEncodeString of a 32-bit FNV hash) has up to 10 characters.
 */
const REVISION_HASH_SUFFIX = 1 + 10;

export const store = defineComponentType({
  name: 'store',
  description: 'A stateful service: a StatefulSet (persistent storage as volumeClaimTemplates) and a headless Service.',
  properties: z.strictObject({
    podManagementPolicy: z.enum(['OrderedReady', 'Parallel']).default('OrderedReady'),
  }),
  workload: 'StatefulSet',
  stage: 'workload',
  nameLimit: {
    max: LABEL_VALUE_MAX - REVISION_HASH_SUFFIX,
    hint: `Kubernetes labels each revision of a StatefulSet <name>-<hash> (up to ${REVISION_HASH_SUFFIX} more characters), and a label value is at most ${LABEL_VALUE_MAX} characters`,
  },
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
