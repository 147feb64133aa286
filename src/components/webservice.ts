/** `webservice`: a Deployment, and a ClusterIP Service selecting only this component's pods. */
import { z } from 'zod';
import { deploymentFor, serviceFor } from '../render/workloads.js';
import { defineComponentType } from './component-type.js';

export const webservice = defineComponentType({
  name: 'webservice',
  description: 'A long-running network service: a Deployment and, when it has ports, a ClusterIP Service.',
  properties: z.strictObject({}),
  workload: 'Deployment',
  stage: 'workload',
  exposesService: true,
  render: (ctx) => [deploymentFor(ctx), ...serviceFor(ctx)],
  readiness: ({ app, component }) => [{ kind: 'Deployment', namespace: app.namespace, name: component.name }],
});
