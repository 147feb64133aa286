/**
 * deleteResources: the `delete` step. Deletes the objects of the components named (as they
 * render now) and the objects listed. PersistentVolumeClaims are left alone, as in pruning.
 */
import { describeRef, refOf, renderComponent, type Application, type ObjectRef } from '../src/index.js';
import { rendering } from './apply-manifests.js';
import type { ActivityDeps } from './deps.js';
import { isKubeStatus, rethrowKubeError } from './kube-errors.js';
import { requireNamespaced } from './namespaced.js';

export interface DeleteResourcesInput {
  spec: Application;
  components: string[];
  objects: { apiVersion: string; kind: string; name: string }[];
}

/** Deletes one object in the background; one already gone counts as deleted. */
export async function deleteObject(deps: ActivityDeps, ref: ObjectRef): Promise<void> {
  try {
    await deps.kube.objects.delete({ apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, namespace: ref.namespace } }, undefined, undefined, undefined, undefined, 'Background');
  } catch (e) {
    if (!isKubeStatus(e, 404)) rethrowKubeError(e, `deleting ${describeRef(ref)}`);
  }
}

export function createDeleteResources(deps: ActivityDeps) {
  return async function deleteResources({ spec, components, objects }: DeleteResourcesInput): Promise<{ deleted: string[] }> {
    const rendered = rendering(() => components.flatMap((c) => renderComponent(spec, c).objects.map(refOf)));
    for (const o of objects) await requireNamespaced(deps, o.apiVersion, o.kind);
    const refs = [...rendered.filter((r) => r.kind !== 'PersistentVolumeClaim'), ...objects.map((o) => ({ ...o, namespace: spec.namespace }))];
    for (const ref of refs) await deleteObject(deps, ref);
    return { deleted: refs.map(describeRef) };
  };
}
