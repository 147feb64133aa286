/** `secret`: an Opaque Secret named after the component, from `properties.stringData` / `data`. */
import { z } from 'zod';
import { configKey } from '../model/common.js';
import { metadataFor } from '../render/workloads.js';
import { defineComponentType } from './component-type.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const SecretProperties = z.strictObject({
  /** Values as plain text; Kubernetes encodes them. */
  stringData: z.record(configKey, z.string()).default({}),
  /** Values already base64-encoded. */
  data: z.record(configKey, z.string().regex(BASE64, { message: 'must be base64; put plain text under stringData instead' })).default({}),
});

export const secretType = defineComponentType({
  name: 'secret',
  description: 'Credentials as an Opaque Secret (properties.stringData or base64 properties.data).',
  properties: SecretProperties,
  workload: 'none',
  stage: 'configuration',
  render: (ctx) => [
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: metadataFor(ctx),
      type: 'Opaque',
      ...(Object.keys(ctx.properties.data).length ? { data: ctx.properties.data } : {}),
      ...(Object.keys(ctx.properties.stringData).length ? { stringData: ctx.properties.stringData } : {}),
    },
  ],
  readiness: () => [],
});
