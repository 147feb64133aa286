/**
 * applyManifests: renders one component of a spec and server-side-applies its objects with
 * KubeMin's field manager. Rendering happens here, not in the workflow, so a renderer change
 * never affects the replay of a running workflow. Applying the same objects twice is a no-op.
 */
import { PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { ApplicationFailure } from '@temporalio/activity';
import { describeRef, isKubeMinError, refOf, renderComponent, type Application, type ObjectRef, type ReadinessTarget } from '../src/index.js';
import type { ActivityDeps } from './deps.js';
import { isKubeStatus, rethrowKubeError } from './kube-errors.js';

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

async function ensureNamespace({ kube }: ActivityDeps, name: string): Promise<void> {
  try {
    await kube.core.readNamespace({ name });
  } catch (e) {
    if (!isKubeStatus(e, 404)) rethrowKubeError(e, `reading namespace ${name}`);
    try {
      await kube.core.createNamespace({ body: { metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'kubemin' } } } });
    } catch (err) {
      if (!isKubeStatus(err, 409)) rethrowKubeError(err, `creating namespace ${name}`);
    }
  }
}

export function createApplyManifests(deps: ActivityDeps) {
  return async function applyManifests(input: ApplyManifestsInput): Promise<ApplyManifestsResult> {
    let rendered;
    try {
      rendered = renderComponent(input.spec, input.component);
    } catch (e) {
      if (isKubeMinError(e)) throw ApplicationFailure.nonRetryable(e.message, e.code);
      throw e;
    }
    await ensureNamespace(deps, input.spec.namespace);
    const applied: AppliedObject[] = [];
    for (const obj of rendered.objects) {
      try {
        const result = await deps.kube.objects.patch(obj as KubernetesObject, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply);
        applied.push({ ...refOf(obj), ...(result.metadata?.generation !== undefined ? { generation: result.metadata.generation } : {}) });
      } catch (e) {
        rethrowKubeError(e, `applying ${describeRef(refOf(obj))}`);
      }
    }
    deps.log.info({ component: input.component, revision: input.revision, objects: applied.map(describeRef) }, 'applied manifests');
    return { applied, readiness: rendered.readiness };
  };
}
