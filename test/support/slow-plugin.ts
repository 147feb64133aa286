/**
 * A plugin for tests: the `slow` step type, whose activity runs for `seconds` and never
 * heartbeats itself (the worker's wrapper does). Loaded by path through KUBEMIN_PLUGINS.
 */
import { z } from 'zod';
import { defineStepType, type PluginStepInput } from '../../src/index.js';
import type { KubeMinPlugin } from '../../workers/plugins.js';

const SlowProperties = z.strictObject({ seconds: z.number().positive() });

const plugin: KubeMinPlugin = {
  name: 'slow',
  stepTypes: [defineStepType({ name: 'slow', description: 'Runs for `seconds`, saying nothing meanwhile.', properties: SlowProperties, components: 'none', activity: 'slowStep' })],
  activities: () => ({
    async slowStep(input: PluginStepInput<z.output<typeof SlowProperties>>): Promise<string> {
      await new Promise((r) => setTimeout(r, input.properties.seconds * 1000));
      return `ran for ${input.properties.seconds}s`;
    },
  }),
};

export default plugin;
