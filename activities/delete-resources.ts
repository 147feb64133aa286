/**
 * deleteResources: the `delete` step. Deletes the objects of the components named (as they
 * render now) and the objects listed. PersistentVolumeClaims are left alone, as in pruning.
 */
import { ApplicationFailure } from '@temporalio/activity';
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

export interface DeleteOptions {
  /** What happens to its dependents: Background (default) deletes them, Orphan keeps them. */
  propagation?: 'Background' | 'Foreground' | 'Orphan';
  /** Delete only this very object (not one re-created under the same name since). */
  uid?: string;
}

const headerOf = (ref: ObjectRef) => ({ apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, namespace: ref.namespace } });

/** Deletes one object (in the background unless told); one already gone counts as deleted. */
export async function deleteObject(deps: ActivityDeps, ref: ObjectRef, opts: DeleteOptions = {}): Promise<void> {
  const propagation = opts.propagation ?? 'Background';
  const body = opts.uid ? { propagationPolicy: propagation, preconditions: { uid: opts.uid } } : undefined;
  try {
    await deps.kube.objects.delete(headerOf(ref), undefined, undefined, undefined, undefined, propagation, body);
  } catch (e) {
    // 409 with a uid precondition: that object is gone already, another one has its name
    if (!isKubeStatus(e, 404) && !(opts.uid && isKubeStatus(e, 409))) rethrowKubeError(e, `deleting ${describeRef(ref)}`);
  }
}

const GONE_TIMEOUT_MS = 60_000;

/**
 * Deletes one object and waits until the API server no longer has it (finalizers done: with
 * Orphan, its dependents no longer point at it), so an object of the same name can be created.
 * Still there after a minute: a retryable failure, the next attempt deletes and waits again.
 */
export async function deleteAndWaitGone(deps: ActivityDeps, ref: ObjectRef, opts: DeleteOptions = {}): Promise<void> {
  await deleteObject(deps, ref, opts);
  const deadline = Date.now() + GONE_TIMEOUT_MS;
  for (let pause = 100; Date.now() < deadline; pause = Math.min(pause * 2, 1000)) {
    const live = await deps.kube.objects.read(headerOf(ref)).catch((e: unknown) => (isKubeStatus(e, 404) ? undefined : rethrowKubeError(e, `reading ${describeRef(ref)}`)));
    if (!live || (opts.uid && live.metadata?.uid !== opts.uid)) return;
    await new Promise((r) => setTimeout(r, pause));
  }
  throw ApplicationFailure.retryable(`${describeRef(ref)} was deleted but is still there after ${GONE_TIMEOUT_MS / 1000}s (finalizers pending)`, 'DeletionPending');
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
