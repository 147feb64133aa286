/**
 * The example plugin end to end: registering `ai-eval` makes specs using it validate and
 * compile, and the worker runs its activity (a GPU evaluation Job on the local cluster) — with
 * no change to the workflow or the compiler.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BatchV1Api } from '@kubernetes/client-node';
import { compile, findStepType, isSpecInvalid, validateApplication } from '../../../src/index.js';
import { RUN_WORKFLOW_TYPE, type RunStatus } from '../../../workflows/contract.js';
import { kubeConfig, uniqueName, useRunEnvironment } from '../../../test/support/servers.js';
import { installPlugins } from '../../../workers/plugins.js';
import aiEval from './index.js';

const spec = (namespace: string) => ({
  name: 'model',
  namespace,
  components: [{ name: 'serve', type: 'webservice', image: 'serve:1', port: 8080 }],
  workflow: {
    steps: [
      { name: 'evaluate', type: 'ai-eval', properties: { image: 'registry.local/eval:1', model: 'llama-8b', dataset: 'squad', gpus: 2 } },
      { name: 'ship', type: 'deploy', components: ['serve'] },
    ],
  },
});

describe('the ai-eval example plugin', () => {
  it('is unknown until installed, and validates its properties once it is', () => {
    const before = findStepType('ai-eval');
    if (!before) {
      assert.throws(() => validateApplication(spec('x')), (e: unknown) => isSpecInvalid(e) && e.details[0]?.message === 'unknown step type "ai-eval"');
    }
    installPlugins([aiEval]);
    assert.equal(compile(validateApplication(spec('x'))).steps[0]?.activity, 'aiEval');
    assert.throws(
      () => validateApplication({ ...spec('x'), workflow: { steps: [{ name: 'evaluate', type: 'ai-eval', properties: { model: 'm' } }] } }),
      (e: unknown) => isSpecInvalid(e) && e.details.map((d) => d.path).join() === '$.workflow.steps[0].properties.image,$.workflow.steps[0].properties.dataset',
    );
  });

  describe('on the real servers', () => {
    const env = useRunEnvironment('ai', [aiEval]);

    it('runs the evaluation Job with the GPUs asked for, then the deploy step', async () => {
      const plan = compile(validateApplication(spec(env.scratch.next())));
      const result = (await env.client.workflow.execute(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue: env.worker.taskQueue, workflowId: uniqueName('ai-run') })) as RunStatus;
      assert.equal(result.phase, 'Succeeded', JSON.stringify(result.steps));
      assert.match(result.steps[0]?.message ?? '', /^evaluated llama-8b on squad: 1 of 1 completions$/);
      const job = await kubeConfig().makeApiClient(BatchV1Api).readNamespacedJob({ name: 'ai-eval-evaluate', namespace: plan.namespace });
      assert.equal(job.spec?.template.spec?.containers[0]?.resources?.limits?.['nvidia.com/gpu'], '2');
    });
  });
});
