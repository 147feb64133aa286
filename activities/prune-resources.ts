/**
 * pruneResources: garbage collection after a successful run, as KubeVela does with its
 * resource trackers. Every object labelled as this application's in its namespace that the
 * current spec no longer renders (a removed component, a Service whose port was removed, a Job
 * of an earlier revision, the manifests of a removed `apply` step) is deleted. PersistentVolumeClaims are never pruned: data outlives
 * specs, and deleting it is left to a person.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import { describeRef, LABELS, MANAGED_BY, refOf, renderComponent, STEP_LABEL, workflowObjects, type Application, type ObjectRef } from '../src/index.js';
import type { ActivityDeps } from './deps.js';
import { deleteObject } from './delete-resources.js';
import { rethrowKubeError } from './kube-errors.js';

/** The kinds KubeMin renders, except PersistentVolumeClaim (see the header). */
const PRUNABLE: readonly [apiVersion: string, kind: string][] = [
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'StatefulSet'],
  ['batch/v1', 'Job'],
  ['v1', 'Service'],
  ['v1', 'ConfigMap'],
  ['v1', 'Secret'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['v1', 'ServiceAccount'],
  ['rbac.authorization.k8s.io/v1', 'Role'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding'],
];

export interface PruneResourcesInput {
  spec: Application;
}

export interface PruneResourcesResult {
  /** What was deleted, as `Kind namespace/name`. */
  deleted: string[];
}

const keyOf = (r: ObjectRef): string => `${r.kind}/${r.namespace ?? ''}/${r.name}`;

async function listOwned(deps: ActivityDeps, spec: Application, apiVersion: string, kind: string): Promise<ObjectRef[]> {
  const selector = `${LABELS.app}=${spec.name},${LABELS.managedBy}=${MANAGED_BY}`;
  try {
    const list = await deps.kube.objects.list(apiVersion, kind, spec.namespace, undefined, undefined, undefined, undefined, selector);
    // only what KubeMin itself renders: objects of components and of apply steps; objects a
    // plugin made for its step carry neither label and are the plugin's to manage
    return list.items
      .filter((item: KubernetesObject) => LABELS.component in (item.metadata?.labels ?? {}) || STEP_LABEL in (item.metadata?.labels ?? {}))
      .map((item: KubernetesObject) => ({ apiVersion, kind, namespace: spec.namespace, name: item.metadata?.name ?? '' }));
  } catch (e) {
    return rethrowKubeError(e, `listing ${kind} of ${spec.name}`);
  }
}

/** The objects labelled as the application's that its spec no longer renders: what a successful run prunes (and `diff` says it would). */
export async function prunable(deps: ActivityDeps, spec: Application): Promise<ObjectRef[]> {
  const rendered = [...spec.components.flatMap((c) => renderComponent(spec, c.name).objects), ...workflowObjects(spec)];
  const keep = new Set(rendered.map((o) => keyOf(refOf(o))));
  const found: ObjectRef[] = [];
  for (const [apiVersion, kind] of PRUNABLE) {
    for (const ref of await listOwned(deps, spec, apiVersion, kind)) if (!keep.has(keyOf(ref))) found.push(ref);
  }
  return found;
}

export function createPruneResources(deps: ActivityDeps) {
  return async function pruneResources({ spec }: PruneResourcesInput): Promise<PruneResourcesResult> {
    const deleted: string[] = [];
    for (const ref of await prunable(deps, spec)) {
      await deleteObject(deps, ref);
      deleted.push(describeRef(ref));
    }
    if (deleted.length) deps.log.info({ application: spec.name, deleted }, 'pruned objects the spec no longer renders');
    return { deleted };
  };
}
