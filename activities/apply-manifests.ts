/**
 * applyManifests: renders one component of a spec and server-side-applies its objects with
 * its application's field manager (`kubemin/<app>`). Rendering happens here, not in the workflow, so a renderer change
 * never affects the replay of a running workflow. Applying the same objects twice is a no-op.
 * applyObjects does the same for the raw manifests of `apply` steps.
 */
import { PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { ApplicationFailure } from '@temporalio/activity';
import { applyStepObjects, DEFAULT_POD_SECURITY, describeRef, isKubeMinError, refOf, renderComponent, type Application, type KubeObject, type ObjectRef, type PodSecurityLevel, type ReadinessTarget } from '../src/index.js';
import type { ActivityDeps } from './deps.js';
import { isFailedJob, rerunFailedJob } from './failed-job.js';
import { conflictsOverOwner, handOver, isApplyConflict, managerOf, ownedByAnother, ownersInConflict, retireLegacyManager } from './field-owner.js';
import { isKubeStatus, rethrowKubeError } from './kube-errors.js';
import { isRecreatable, recreateObject } from './recreate.js';
import { requireNamespaced } from './namespaced.js';
import { enforceWorkerPolicy } from './worker-policy.js';
import { rememberSecretValues } from './secret-values.js';

export interface ApplyManifestsInput {
  spec: Application;
  component: string;
  revision: string;
  /** The Pod Security level of the namespace if this apply creates it (the plan's; default baseline). */
  podSecurity?: PodSecurityLevel;
}

export interface AppliedObject extends ObjectRef {
  generation?: number;
  uid?: string;
  /** What happened beyond an apply in place (re-created for an immutable field, a failed Job run again, taken over). */
  note?: string;
}

export interface ApplyManifestsResult {
  applied: AppliedObject[];
  readiness: ReadinessTarget[];
  /** The objects' notes (re-created, run again, taken over), for the step's message. */
  notes?: string[];
}

/** Labels of a namespace KubeMin creates: the cluster's Pod Security admission enforces the level too. */
export const namespaceLabels = (podSecurity: PodSecurityLevel = DEFAULT_POD_SECURITY): Record<string, string> => ({
  'app.kubernetes.io/managed-by': 'kubemin',
  'pod-security.kubernetes.io/enforce': podSecurity,
  'pod-security.kubernetes.io/enforce-version': 'latest',
});

async function createNamespace({ kube }: ActivityDeps, name: string, podSecurity: PodSecurityLevel | undefined): Promise<void> {
  try {
    await kube.core.createNamespace({ body: { metadata: { name, labels: namespaceLabels(podSecurity) } } });
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

export interface ApplyOptions {
  /** Take over objects another application owns (the component's `adopt`). */
  adopt?: boolean;
  /** Re-create objects even where that interrupts service (the component's `recreate`). */
  recreate?: boolean;
  /** The component applied, named in hints. */
  component?: string;
  /** The Pod Security level of the namespace, if the apply creates it. */
  podSecurity?: PodSecurityLevel;
}

type Applied = { result: KubernetesObject; note?: string };

/**
 * Applies one object with its application's field manager, without force first. An object
 * another application owns is refused, or with `adopt` handed over (see field-owner.ts); any
 * other conflict is forced. A change Kubernetes forbids in place re-creates the object (see
 * recreate.ts): taking an object over allows that, since a workload's selector names its
 * application. A Job of this revision that failed runs again (see failed-job.ts).
 */
async function applyOne(deps: ActivityDeps, namespace: string, obj: KubeObject, opts: ApplyOptions): Promise<Applied> {
  const ssa = (force: boolean, manager = managerOf(obj)) => deps.kube.objects.patch(obj as KubernetesObject, undefined, undefined, manager, force, PatchStrategy.ServerSideApply);
  const forced = (manager: string) => ssa(true, manager);
  const recreateIfRefused = async (e: unknown, takingOver: boolean): Promise<Applied> => {
    if (isKubeStatus(e, 422) && isRecreatable(obj, e)) return recreateObject(deps, obj, e, { ...opts, recreate: opts.recreate === true || takingOver, apply: () => ssa(true) });
    throw e;
  };
  const firstTry = ssa(false).catch(async (e: unknown) => {
    if (!namespaceMissing(e, namespace)) throw e;
    await createNamespace(deps, namespace, opts.podSecurity);
    return ssa(false);
  });
  const applied = await firstTry.then(
    (result): Applied => ({ result }),
    async (e: unknown): Promise<Applied> => {
      if (!isApplyConflict(e)) return recreateIfRefused(e, false);
      if (!conflictsOverOwner(e)) return ssa(true).then((result) => ({ result }), (refused: unknown) => recreateIfRefused(refused, false));
      if (!opts.adopt) throw await ownedByAnother(deps, obj, e, opts.component);
      const note = `took over ${describeRef(refOf(obj))} from ${ownersInConflict(e).join(', ')} (adopt)`;
      return handOver(deps, obj, ownersInConflict(e), forced).then(
        (result) => ({ result, note }),
        async (refused: unknown) => {
          const recreated = await recreateIfRefused(refused, true);
          return { ...recreated, note: `${note}; ${recreated.note ?? ''}` };
        },
      );
    },
  );
  if (isFailedJob(applied.result)) return rerunFailedJob(deps, obj, applied.result, () => ssa(true));
  return { ...applied, result: await retireLegacyManager(deps, obj, applied.result, forced) };
}

/**
 * Server-side-applies objects in order, creating their namespace when the first apply finds it
 * missing (no read before every apply: the common case costs one request per object).
 */
export async function applyAll(deps: ActivityDeps, namespace: string, objects: readonly KubeObject[], opts: ApplyOptions = {}): Promise<AppliedObject[]> {
  rememberSecretValues(objects);
  const applied: AppliedObject[] = [];
  for (const obj of objects) {
    try {
      const { result, note } = await applyOne(deps, namespace, obj, opts);
      applied.push({ ...refOf(obj), ...(result.metadata?.generation !== undefined ? { generation: result.metadata.generation } : {}), ...(result.metadata?.uid ? { uid: result.metadata.uid } : {}), ...(note ? { note } : {}) });
    } catch (e) {
      if (e instanceof ApplicationFailure) throw e;
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
    const component = input.spec.components.find((c) => c.name === input.component);
    const podSecurity = enforceWorkerPolicy(deps, input.spec.namespace, rendered.objects, { spec: input.spec, podSecurity: input.podSecurity });
    const options = { component: input.component, ...(component?.adopt ? { adopt: true } : {}), ...(component?.recreate ? { recreate: true } : {}), podSecurity };
    const applied = await applyAll(deps, input.spec.namespace, rendered.objects, options);
    deps.log.info({ component: input.component, revision: input.revision, objects: applied.map(describeRef) }, 'applied manifests');
    const notes = applied.flatMap((a) => (a.note ? [a.note] : []));
    return { applied, readiness: rendered.readiness, ...(notes.length ? { notes } : {}) };
  };
}

export interface ApplyObjectsInput {
  application: string;
  namespace: string;
  step: string;
  manifests: Record<string, unknown>[];
  /** As ApplyManifestsInput.podSecurity. */
  podSecurity?: PodSecurityLevel;
}

/** applyObjects: the `apply` step's raw manifests, labelled as the application's. */
export function createApplyObjects(deps: ActivityDeps) {
  return async function applyObjects(input: ApplyObjectsInput): Promise<AppliedObject[]> {
    const objects = applyStepObjects({ name: input.application, namespace: input.namespace }, input.step, input.manifests);
    const podSecurity = enforceWorkerPolicy(deps, input.namespace, objects, { podSecurity: input.podSecurity });
    for (const o of objects) await requireNamespaced(deps, o.apiVersion, o.kind);
    return applyAll(deps, input.namespace, objects, { podSecurity });
  };
}
