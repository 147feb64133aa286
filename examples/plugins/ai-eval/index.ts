/**
 * An example plugin: the `ai-eval` step type. It evaluates a model on a dataset by running an
 * evaluation Job that asks for GPUs, and passes when the Job completes. Another team ships a
 * file like this one and lists it in KUBEMIN_PLUGINS; KubeMin's workflow and compiler do not
 * change.
 *
 *   workflow:
 *     steps:
 *       - name: evaluate
 *         type: ai-eval
 *         properties: { image: registry.local/eval:1, model: llama-8b, dataset: squad, gpus: 2 }
 */
import { z } from 'zod';
import { applyAll, createWaitForRollout, type ActivityDeps } from '../../../activities/index.js';
import { dnsLabel, defineStepType, LABELS, MANAGED_BY, type KubeObject } from '../../../src/index.js';
import type { PluginStepInput } from '../../../src/steps/plugin.js';
import type { KubeMinPlugin } from '../../../workers/plugins.js';

const AiEvalProperties = z.strictObject({
  image: z.string().min(1),
  model: z.string().min(1),
  dataset: z.string().min(1),
  gpus: z.number().int().min(1).default(1),
  gpuResourceName: z.string().default('nvidia.com/gpu'),
});
type AiEvalProps = z.output<typeof AiEvalProperties>;

export const aiEvalStep = defineStepType({
  name: 'ai-eval',
  description: 'Evaluate a model on a dataset in a GPU Job; passes when the Job completes.',
  properties: AiEvalProperties,
  components: 'none',
  activity: 'aiEval',
});

function evalJob(input: PluginStepInput<AiEvalProps>): KubeObject {
  const name = dnsLabel.parse(`ai-eval-${input.step}`.slice(0, 63));
  const p = input.properties;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: input.namespace, labels: { [LABELS.managedBy]: MANAGED_BY, [LABELS.app]: input.application, 'kubemin.io/plugin': 'ai-eval' } },
    spec: {
      backoffLimit: 0,
      template: {
        spec: {
          restartPolicy: 'Never',
          containers: [{ name: 'eval', image: p.image, env: [{ name: 'MODEL', value: p.model }, { name: 'DATASET', value: p.dataset }], resources: { limits: { [p.gpuResourceName]: String(p.gpus) } } }],
        },
      },
    },
  };
}

const plugin: KubeMinPlugin = {
  name: 'ai-eval',
  stepTypes: [aiEvalStep],
  activities: (deps: ActivityDeps) => {
    const waitForRollout = createWaitForRollout(deps);
    return {
      async aiEval(input: PluginStepInput<AiEvalProps>): Promise<string> {
        const job = evalJob(input);
        // KubeMin's own apply: creates the namespace, maps permanent API errors to typed failures
        await applyAll(deps, input.namespace, [job]);
        const done = await waitForRollout({ kind: 'Job', namespace: input.namespace, name: job.metadata.name });
        return `evaluated ${input.properties.model} on ${input.properties.dataset}: ${done.message}`;
      },
    };
  },
};

export default plugin;
