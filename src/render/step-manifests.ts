/**
 * Raw manifests of `apply` steps, as KubeMin applies them: in the application's namespace,
 * labelled as the application's (and the step's), so pruning keeps them while the step is in
 * the spec and deletes them once it is gone.
 */
import type { Application, StepSpec } from '../model/application.js';
import type { KubeObject } from './kube-object.js';
import { LABELS, MANAGED_BY } from './labels.js';

export const STEP_LABEL = 'kubemin.io/step';

export function applyStepObjects(app: Pick<Application, 'name' | 'namespace'>, step: string, manifests: readonly Record<string, unknown>[]): KubeObject[] {
  return manifests.map((m) => {
    const o = structuredClone(m) as unknown as KubeObject;
    o.metadata = { ...o.metadata, namespace: app.namespace, labels: { ...(o.metadata.labels ?? {}), [LABELS.managedBy]: MANAGED_BY, [LABELS.app]: app.name, [STEP_LABEL]: step } };
    return o;
  });
}

/** Every object the `apply` steps of the application's workflow apply. */
export function workflowObjects(app: Application): KubeObject[] {
  const steps: StepSpec[] = (app.workflow?.steps ?? []).flatMap((e) => ('steps' in e ? e.steps : [e]));
  return steps.filter((s) => s.type === 'apply').flatMap((s) => applyStepObjects(app, s.name, (s.properties.manifests as Record<string, unknown>[] | undefined) ?? []));
}
