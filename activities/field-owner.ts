/**
 * Who owns an object: each application applies with its own field manager (`kubemin/<app>`), so
 * the API server's server-side-apply conflicts say when an object another application labelled
 * as its own would be changed. No read before an apply: an apply without force answers 409 only
 * when another manager owns a field with a different value; a conflict on the application label
 * means the object is another application's and is refused, any other conflict (fields a person
 * or an autoscaler set, objects of KubeMin's former single manager `kubemin`) is forced as before.
 */
import { PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { ApplicationFailure } from '@temporalio/activity';
import { describeRef, LABELS, refOf, type KubeObject } from '../src/index.js';
import type { ActivityDeps } from './deps.js';
import { isKubeStatus, kubeStatusOf } from './kube-errors.js';

/** The one manager every application applied with before managers were per application. */
export const LEGACY_FIELD_MANAGER = 'kubemin';

/** The field manager of an application's applies (the API server allows 128 characters). */
export const fieldManagerFor = (application: string): string => `${LEGACY_FIELD_MANAGER}/${application}`.slice(0, 128);

/** The manager an object is applied with: its application's, from its label. */
export function managerOf(obj: KubeObject): string {
  const app = obj.metadata.labels?.[LABELS.app];
  return app ? fieldManagerFor(app) : LEGACY_FIELD_MANAGER;
}

/** How server-side apply names the application label in a conflict's causes. */
const APP_LABEL_FIELD = `.metadata.labels.${LABELS.app}`;

/** Whether `e` is a server-side-apply conflict (some field has another manager). */
export function isApplyConflict(e: unknown): boolean {
  const status = kubeStatusOf(e);
  return status?.reason === 'Conflict' && (status.details?.causes ?? []).some((c) => c.reason === 'FieldManagerConflict');
}

/** Whether an apply conflict is over the application label: the object is another application's. */
export function conflictsOverOwner(e: unknown): boolean {
  return (kubeStatusOf(e)?.details?.causes ?? []).some((c) => c.reason === 'FieldManagerConflict' && c.field === APP_LABEL_FIELD);
}

/**
 * The failure for an object another application owns, naming it (read from the object's label;
 * the conflict's manager name when the read fails).
 */
export async function ownedByAnother(deps: ActivityDeps, obj: KubeObject, conflict: unknown, component?: string): Promise<ApplicationFailure> {
  const live = await deps.kube.objects.read({ apiVersion: obj.apiVersion, kind: obj.kind, metadata: { name: obj.metadata.name, namespace: obj.metadata.namespace } }).catch(() => undefined);
  const manager = ownersInConflict(conflict)[0];
  const owner = live?.metadata?.labels?.[LABELS.app] ?? manager?.replace(`${LEGACY_FIELD_MANAGER}/`, '') ?? 'unknown';
  const takeOver = component ? `; set adopt: true on component ${component} to take it over` : '';
  return ApplicationFailure.nonRetryable(
    `${describeRef(refOf(obj))} belongs to application "${owner}" (label ${LABELS.app}); not changed${takeOver}`,
    'OwnedByAnotherApplication',
    { owner, object: describeRef(refOf(obj)) },
  );
}

/** The managers an apply conflict over the application label names (the other application's). */
export function ownersInConflict(e: unknown): string[] {
  const causes = (kubeStatusOf(e)?.details?.causes ?? []).filter((c) => c.reason === 'FieldManagerConflict' && c.field === APP_LABEL_FIELD);
  return [...new Set(causes.flatMap((c) => /conflict with "([^"]+)"/.exec(c.message ?? '')?.[1] ?? []))];
}

/**
 * Hands an object over from other managers to its application's own, so it is exactly what the
 * application renders: each former manager applies what is applied now (fields only it set, and
 * the application does not render, go: an adopted Service keeps no port of its former owner),
 * the application's manager applies it, and the former managers' entries are removed. Errors
 * are the API server's (a 422 for an immutable field, say), for the caller to handle.
 */
export async function handOver(deps: ActivityDeps, obj: KubeObject, from: readonly string[], apply: (manager: string) => Promise<KubernetesObject>): Promise<KubernetesObject> {
  for (const manager of from) await apply(manager);
  return dropManagers(deps, obj, from, await apply(managerOf(obj)));
}

const CONDITIONAL_TRIES = 3;

/**
 * Removes managers' Apply entries, conditional on the resourceVersion; a write in between (a
 * controller's status, busy during a rollout) reads and tries again, and after a few tries it
 * writes from the freshest read unconditionally: at worst that reverts another manager's entry
 * written within milliseconds, which its next write puts back.
 */
async function dropManagers(deps: ActivityDeps, obj: KubeObject, from: readonly string[], latest: KubernetesObject): Promise<KubernetesObject> {
  const header = { apiVersion: obj.apiVersion, kind: obj.kind, metadata: { name: obj.metadata.name, namespace: obj.metadata.namespace } };
  for (let tries = 1, current = latest; ; tries++) {
    const managedFields = (current.metadata?.managedFields ?? []).filter((f) => !(f.manager && from.includes(f.manager) && f.operation === 'Apply'));
    const conditional = tries <= CONDITIONAL_TRIES ? { resourceVersion: current.metadata?.resourceVersion } : {};
    const body = { ...header, metadata: { ...header.metadata, ...conditional, managedFields } };
    try {
      return await deps.kube.objects.patch(body as KubernetesObject, undefined, undefined, undefined, undefined, PatchStrategy.MergePatch);
    } catch (e) {
      if (!isKubeStatus(e, 409) || tries > CONDITIONAL_TRIES) throw e;
      await new Promise((r) => setTimeout(r, 50 * tries));
      current = await deps.kube.objects.read(header);
    }
  }
}

/**
 * Objects KubeMin applied before managers were per application carry the former single manager
 * `kubemin`: the first apply that still finds it hands the object over (see handOver), so fields
 * the spec no longer renders are removed as usual afterwards. Only those objects pay for it, once;
 * a failure is logged and tried again on the next apply.
 */
export async function retireLegacyManager(deps: ActivityDeps, obj: KubeObject, applied: KubernetesObject, apply: (manager: string) => Promise<KubernetesObject>): Promise<KubernetesObject> {
  if (managerOf(obj) === LEGACY_FIELD_MANAGER) return applied;
  if (!applied.metadata?.managedFields?.some((f) => f.manager === LEGACY_FIELD_MANAGER && f.operation === 'Apply')) return applied;
  return handOver(deps, obj, [LEGACY_FIELD_MANAGER], apply).catch((err: unknown) => {
    deps.log.warn({ err, object: describeRef(refOf(obj)) }, 'could not hand the object over from the former field manager; trying again on the next apply');
    return applied;
  });
}
