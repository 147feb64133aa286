/**
 * applyManifests: renders one component of a spec and server-side-applies its objects with
 * KubeMin's field manager. Rendering happens here, not in the workflow, so a renderer change
 * never affects the replay of a running workflow. Applying the same objects twice is a no-op.
 * applyObjects does the same for the raw manifests of `apply` steps.
 */
import { PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { ApplicationFailure } from '@temporalio/activity';
import { applyStepObjects, describeRef, isKubeMinError, refOf, renderComponent, type Application, type KubeObject, type ObjectRef, type ReadinessTarget } from '../src/index.js';
import type { ActivityDeps } from './deps.js';
import { isKubeStatus, rethrowKubeError } from './kube-errors.js';
import { requireNamespaced } from './namespaced.js';
import { rememberSecretValues } from './secret-values.js';

export const FIELD_MANAGER = 'kubemin';

export interface ApplyManifestsInput {
  spec: Application;
  component: string;
  revision: string;
}

export interface AppliedObject extends ObjectRef {
  generation?: number;
}

export interface ApplyManifestsResult {
  applied: AppliedObject[];
  readiness: ReadinessTarget[];
}

async function createNamespace({ kube }: ActivityDeps, name: string): Promise<void> {
  try {
    await kube.core.createNamespace({ body: { metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'kubemin' } } } });
  } catch (err) {
    if (!isKubeStatus(err, 409)) rethrowKubeError(err, `creating namespace ${name}`);
  }
}

/** Whether an apply failed because its namespace does not exist (yet). */
const namespaceMissing = (e: unknown, namespace: string): boolean => {
  if (!isKubeStatus(e, 404)) return false;
  const body = (e as { body?: unknown }).body;
  return new RegExp(`namespaces \\\\*"${namespace}\\\\*" not found`).test(typeof body === 'string' ? body : JSON.stringify(body ?? ''));
};

/**
 * Server-side-applies objects in order, creating their namespace when the first apply finds it
 * missing (no read before every apply: the common case costs one request per object).
 */
export async function applyAll(deps: ActivityDeps, namespace: string, objects: readonly KubeObject[]): Promise<AppliedObject[]> {
  rememberSecretValues(objects);
  const applied: AppliedObject[] = [];
  const apply = (obj: KubeObject) => deps.kube.objects.patch(obj as KubernetesObject, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply);
  for (const obj of objects) {
    try {
      const result = await apply(obj).catch(async (e: unknown) => {
        if (!namespaceMissing(e, namespace)) throw e;
        await createNamespace(deps, namespace);
        return apply(obj);
      });
      applied.push({ ...refOf(obj), ...(result.metadata?.generation !== undefined ? { generation: result.metadata.generation } : {}) });
    } catch (e) {
      rethrowKubeError(e, `applying ${describeRef(refOf(obj))}`);
    }
  }
  return applied;
}

/** Runs pure rendering, turning a KubeMin error into a permanent failure of the activity. */
export function rendering<T>(render: () => T): T {
  try {
    return render();
  } catch (e) {
    if (isKubeMinError(e)) throw ApplicationFailure.nonRetryable(e.message, e.code);
    throw e;
  }
}

export function createApplyManifests(deps: ActivityDeps) {
  return async function applyManifests(input: ApplyManifestsInput): Promise<ApplyManifestsResult> {
    const rendered = rendering(() => renderComponent(input.spec, input.component));
    const applied = await applyAll(deps, input.spec.namespace, rendered.objects);
    deps.log.info({ component: input.component, revision: input.revision, objects: applied.map(describeRef) }, 'applied manifests');
    return { applied, readiness: rendered.readiness };
  };
}

export interface ApplyObjectsInput {
  application: string;
  namespace: string;
  step: string;
  manifests: Record<string, unknown>[];
}

/** applyObjects: the `apply` step's raw manifests, labelled as the application's. */
export function createApplyObjects(deps: ActivityDeps) {
  return async function applyObjects(input: ApplyObjectsInput): Promise<AppliedObject[]> {
    const objects = applyStepObjects({ name: input.application, namespace: input.namespace }, input.step, input.manifests);
    for (const o of objects) await requireNamespaced(deps, o.apiVersion, o.kind);
    return applyAll(deps, input.namespace, objects);
  };
}
