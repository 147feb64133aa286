/**
 * Changes Kubernetes refuses in place (immutable fields): the object is deleted and applied
 * again, the way operators do it. A StatefulSet is deleted with orphan propagation, so its pods
 * and PersistentVolumeClaims stay and the new StatefulSet adopts them: nothing is interrupted
 * and no data is lost. Where re-creating interrupts service (a Deployment's selector, a
 * Service's cluster IP, a StatefulSet whose new selector cannot adopt its pods) the component
 * must say `recreate: true`; otherwise the step fails for good with that hint. One policy per
 * kind; a kind without one keeps the API server's refusal (KubeInvalid).
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import { ApplicationFailure } from '@temporalio/activity';
import { canonicalJson, describeRef, refOf, type KubeObject } from '../src/index.js';
import { deleteAndWaitGone } from './delete-resources.js';
import type { ActivityDeps } from './deps.js';
import { kubeStatusOf, type StatusCause } from './kube-errors.js';

type Spec = { spec?: Record<string, unknown> } | undefined;
const specOf = (o: KubernetesObject | KubeObject): Record<string, unknown> => (o as Spec)?.spec ?? {};

interface RecreatePolicy {
  /** Whether one cause of the refusal is an immutable field re-creating gets past. */
  immutable(cause: StatusCause): boolean;
  /** Why re-creating this object interrupts service, or undefined when it does not. */
  interrupts(live: KubernetesObject, desired: KubeObject): string | undefined;
  /** Why it may not be re-created at all, even with `recreate: true` (data would be lost). */
  unsafe?(live: KubernetesObject, interrupting: boolean): string | undefined;
  /** What a re-creation that does not interrupt keeps, for the step's message. */
  keeps?: string;
}

const isImmutableField = (fields: RegExp) => (c: StatusCause) => fields.test(c.field ?? '') && /field is immutable|may not change once set/.test(c.message ?? '');

const sameSelector = (live: KubernetesObject, desired: KubeObject): boolean => canonicalJson(specOf(live).selector ?? {}) === canonicalJson(specOf(desired).selector ?? {});

/** The policies by kind. Adding a kind is an entry here. */
const POLICIES: Readonly<Record<string, RecreatePolicy>> = {
  StatefulSet: {
    // volumeClaimTemplates, serviceName, selector, podManagementPolicy: one refusal for all of them
    immutable: (c) => c.field === 'spec' && /updates to statefulset spec for fields other than/.test(c.message ?? ''),
    interrupts: (live, desired) => (sameSelector(live, desired) ? undefined : 'its selector changed, so the new StatefulSet cannot adopt the pods: they are replaced'),
    unsafe: (live, interrupting) =>
      interrupting && (specOf(live).persistentVolumeClaimRetentionPolicy as { whenDeleted?: string } | undefined)?.whenDeleted === 'Delete'
        ? 'its persistentVolumeClaimRetentionPolicy deletes the claims with it'
        : undefined,
    keeps: 'its pods were kept for the new one to adopt, and its PersistentVolumeClaims',
  },
  Deployment: {
    immutable: isImmutableField(/^spec\.selector/),
    interrupts: () => 'its selector changed: its pods are replaced',
  },
  Service: {
    immutable: isImmutableField(/^spec\.(clusterIPs?|ipFamilies|ipFamilyPolicy)\b/),
    interrupts: () => 'its cluster IP changes: clients holding the old address lose it',
  },
};

export interface RecreateContext {
  /** The component's `recreate`: allows re-creating what interrupts service. */
  recreate?: boolean;
  /** The component the object belongs to, for the hint. */
  component?: string;
  /** Applies the object again once the old one is gone. */
  apply: () => Promise<KubernetesObject>;
}

/** The policy for a refusal, when every one of its causes is an immutable field it handles. */
function policyFor(kind: string, refusal: unknown): RecreatePolicy | undefined {
  const policy = POLICIES[kind];
  const causes = kubeStatusOf(refusal)?.details?.causes ?? [];
  return policy && causes.length > 0 && causes.every((c) => policy.immutable(c)) ? policy : undefined;
}

/** Whether re-creating the object gets past this refusal of the API server (a 422). */
export const isRecreatable = (obj: KubeObject, refusal: unknown): boolean => policyFor(obj.kind, refusal) !== undefined;

/**
 * Re-creates an object the API server refused to change in place: reads it, deletes it (only
 * that very object, by uid) and waits until it is gone, then applies it again with `ctx.apply`.
 * Returns the new object and what the step should say about it.
 */
export async function recreateObject(deps: ActivityDeps, obj: KubeObject, refusal: unknown, ctx: RecreateContext): Promise<{ result: KubernetesObject; note: string }> {
  const policy = policyFor(obj.kind, refusal) as RecreatePolicy;
  const what = describeRef(refOf(obj));
  const refused = kubeStatusOf(refusal)?.message ?? 'an immutable field changed';
  const live = await deps.kube.objects.read({ apiVersion: obj.apiVersion, kind: obj.kind, metadata: { name: obj.metadata.name, namespace: obj.metadata.namespace } }).catch(() => undefined);
  if (!live) return { result: await ctx.apply(), note: `created ${what} again` };
  const why = policy.interrupts(live, obj);
  const unsafe = policy.unsafe?.(live, why !== undefined);
  if (unsafe) throw ApplicationFailure.nonRetryable(`${refused}; KubeMin does not re-create ${what}: ${unsafe}`, 'ImmutableFieldChange', { object: what });
  if (why && !ctx.recreate) {
    const hint = ctx.component ? `set recreate: true on component ${ctx.component} to allow it` : 'delete it by hand to allow it';
    throw ApplicationFailure.nonRetryable(`${refused}; re-creating ${what} would interrupt service (${why}): ${hint}`, 'ImmutableFieldChange', { object: what });
  }
  deps.log.info({ object: what, refused, interrupting: why !== undefined }, 'Kubernetes forbids the change in place; re-creating the object');
  await deleteAndWaitGone(deps, refOf(obj), { propagation: why ? 'Background' : 'Orphan', ...(live.metadata?.uid ? { uid: live.metadata.uid } : {}) });
  const result = await ctx.apply();
  return { result, note: why ? `re-created ${what}: ${why}` : `re-created ${what} (Kubernetes forbids the change in place)${policy.keeps ? `; ${policy.keeps}` : ''}` };
}
