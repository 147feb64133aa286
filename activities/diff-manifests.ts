/**
 * diffManifests: what a run of a spec would change, without changing anything. Every object the
 * spec renders (components and apply steps, in order) is server-side-applied with its
 * application's field manager and dryRun=All, and the API server's answer is compared with the
 * live object (src/diff): `create` when there is none (or no namespace yet), `change` with the
 * fields, `unchanged`; objects labelled as the application's that the spec no longer renders
 * are `prune` (activities/prune-resources.ts finds them the same way). Secret values never
 * leave: src/diff blanks them.
 */
import { PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { ApplicationFailure } from '@temporalio/activity';
import { describeRef, diffObjects, refOf, renderComponent, summarize, workflowObjects, type Application, type DiffResult, type KubeObject, type ObjectChange } from '../src/index.js';
import type { ActivityDeps } from './deps.js';
import { managerOf } from './field-owner.js';
import { isKubeStatus, kubeStatusOf, rethrowKubeError } from './kube-errors.js';
import { rendering } from './apply-manifests.js';
import { prunable } from './prune-resources.js';
import { rememberSecretValues } from './secret-values.js';

export interface DiffManifestsInput {
  spec: Application;
}

type Obj = Record<string, unknown>;

const headerOf = (obj: KubeObject) => ({ apiVersion: obj.apiVersion, kind: obj.kind, metadata: { name: obj.metadata.name, namespace: obj.metadata.namespace } });

async function namespaceExists({ kube }: ActivityDeps, name: string): Promise<boolean> {
  try {
    await kube.core.readNamespace({ name });
    return true;
  } catch (e) {
    if (isKubeStatus(e, 404)) return false;
    return rethrowKubeError(e, `reading namespace ${name}`);
  }
}

async function diffOne(deps: ActivityDeps, obj: KubeObject): Promise<ObjectChange> {
  const ref = { apiVersion: obj.apiVersion, kind: obj.kind, ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}), name: obj.metadata.name };
  let live: KubernetesObject;
  try {
    live = await deps.kube.objects.read(headerOf(obj));
  } catch (e) {
    if (isKubeStatus(e, 404)) return { action: 'create', ...ref };
    return rethrowKubeError(e, `reading ${describeRef(refOf(obj))}`);
  }
  let desired: KubernetesObject;
  try {
    // forced, as an apply forces conflicts over fields a person or a controller set
    desired = await deps.kube.objects.patch(obj as KubernetesObject, undefined, 'All', managerOf(obj), true, PatchStrategy.ServerSideApply);
  } catch (e) {
    // a change the API server forbids in place: a run re-creates the object (activities/recreate.ts)
    if (isKubeStatus(e, 422)) return { action: 'change', ...ref, fields: [], note: `not possible in place, a run re-creates it${obj.kind === 'Secret' ? '' : `: ${kubeStatusOf(e)?.message ?? 'invalid'}`}` };
    return rethrowKubeError(e, `dry-run applying ${describeRef(refOf(obj))}`);
  }
  const fields = diffObjects(live as unknown as Obj, desired as unknown as Obj);
  return fields.length ? { action: 'change', ...ref, fields } : { action: 'unchanged', ...ref };
}

export function createDiffManifests(deps: ActivityDeps) {
  return async function diffManifests({ spec }: DiffManifestsInput): Promise<DiffResult> {
    const objects = rendering(() => [...spec.components.flatMap((c) => renderComponent(spec, c.name).objects), ...workflowObjects(spec)]);
    rememberSecretValues(objects);
    const changes: ObjectChange[] = [];
    if (!(await namespaceExists(deps, spec.namespace))) {
      for (const o of objects) changes.push({ action: 'create', apiVersion: o.apiVersion, kind: o.kind, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}), name: o.metadata.name });
    } else {
      for (const o of objects) changes.push(await diffOne(deps, o).catch((e: unknown) => (e instanceof ApplicationFailure ? Promise.reject(e) : rethrowKubeError(e, `diffing ${describeRef(refOf(o))}`))));
      for (const ref of await prunable(deps, spec)) changes.push({ action: 'prune', apiVersion: ref.apiVersion, kind: ref.kind, ...(ref.namespace ? { namespace: ref.namespace } : {}), name: ref.name });
    }
    return { application: spec.name, namespace: spec.namespace, changes, summary: summarize(changes) };
  };
}
