/** `worker`: a Deployment with no Service, for queue consumers and background processes. */
import { z } from 'zod';
import { deploymentFor } from '../render/workloads.js';
import { defineComponentType } from './component-type.js';

export const worker = defineComponentType({
  name: 'worker',
  description: 'A long-running background process: a Deployment, no Service.',
  properties: z.strictObject({}),
  workload: 'Deployment',
  stage: 'workload',
  render: (ctx) => [deploymentFor(ctx)],
  readiness: ({ app, component }) => [{ kind: 'Deployment', namespace: app.namespace, name: component.name }],
});
