/**
 * The explicit workflow `kubemin init` writes when asked for one: the gates first (an approval,
 * then a GPU check), then one deploy step per component, one after another, in the order the
 * generated workflow would deploy them (configuration, then workloads in dependsOn order, then
 * entries). Without gates there is no explicit workflow: KubeMin generates it.
 */
import { ApplicationSchema, defaultSteps } from '../../src/index.js';
import type { AppDraft, ComponentDraft, StepDraft } from './draft.js';

export interface Gates {
  approval?: boolean;
  gpuCheck?: boolean;
}

/** GPUs per pod of a component (its resources trait), 0 without. */
export const gpusOf = (c: ComponentDraft): number => {
  const gpu = (c.traits?.resources as { gpu?: unknown } | undefined)?.gpu;
  return typeof gpu === 'number' ? gpu : 0;
};

/**
 * The gpu-check step's properties: the most GPUs one pod asks for, and as many pods as the GPU
 * components have replicas; undefined when no component asks for GPUs.
 */
export function gpuNeed(app: AppDraft): { gpusPerPod: number; pods: number } | undefined {
  const gpu = app.components.filter((c) => gpusOf(c) > 0);
  if (gpu.length === 0) return undefined;
  return { gpusPerPod: Math.max(...gpu.map(gpusOf)), pods: Math.max(1, gpu.reduce((n, c) => n + (c.replicas ?? 1), 0)) };
}

/** The deploy steps in the generated workflow's order (as given when the draft does not parse yet: the validator reports why). */
function deploySteps(app: AppDraft): StepDraft[] {
  const parsed = ApplicationSchema.safeParse(app);
  const order = parsed.success ? defaultSteps(parsed.data).filter((s) => s.type === 'deploy').map((s) => s.components) : app.components.map((c) => [c.name]);
  return order.map((components) => ({ name: `deploy-${components.join('-')}`, type: 'deploy', components }));
}

/** The application with an explicit workflow for the gates asked for (none: unchanged). */
export function withGates(app: AppDraft, gates: Gates): AppDraft {
  const steps: StepDraft[] = [];
  if (gates.approval) steps.push({ name: 'approval', type: 'approval', properties: { message: `Deploy ${app.name} to ${app.namespace}?` } });
  const need = gates.gpuCheck ? gpuNeed(app) : undefined;
  if (need) steps.push({ name: 'gpu-check', type: 'gpu-check', properties: need });
  return steps.length ? { ...app, workflow: { steps: [...steps, ...deploySteps(app)] } } : app;
}
