/** `config`: a ConfigMap named after the component, from `properties.data`. */
import { z } from 'zod';
import { configKey } from '../model/common.js';
import { metadataFor } from '../render/workloads.js';
import { defineComponentType } from './component-type.js';

const ConfigProperties = z.strictObject({
  data: z.record(configKey, z.string()).default({}),
});

export const configType = defineComponentType({
  name: 'config',
  description: 'Configuration as a ConfigMap (properties.data); mount it with the storage trait or inject it with envFrom.',
  properties: ConfigProperties,
  workload: 'none',
  stage: 'configuration',
  render: (ctx) => [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: metadataFor(ctx), data: ctx.properties.data }],
  readiness: () => [],
});
