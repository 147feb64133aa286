/**
 * Retrying a failed Job. A Job is named per revision, so applying the same revision again finds
 * the Job it made before: a Complete one is left as it is (never run twice), a Failed one is
 * deleted with its pods and created again, so a retry runs it instead of reporting the old
 * failure. The apply's answer carries the Job's status: no read is needed to tell.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import { describeRef, refOf, type KubeObject } from '../src/index.js';
import { deleteAndWaitGone } from './delete-resources.js';
import type { ActivityDeps } from './deps.js';

interface JobStatus {
  status?: { conditions?: { type?: string; status?: string }[] };
}

/** Whether an applied object is a Job that failed (or is failing: FailureTarget) for good. */
export function isFailedJob(applied: KubernetesObject): boolean {
  if (applied.kind !== 'Job') return false;
  return ((applied as JobStatus).status?.conditions ?? []).some((c) => (c.type === 'Failed' || c.type === 'FailureTarget') && c.status === 'True');
}

/** Deletes a failed Job (its pods first: Foreground) and applies it again; returns the new one. */
export async function rerunFailedJob(deps: ActivityDeps, obj: KubeObject, failed: KubernetesObject, apply: () => Promise<KubernetesObject>): Promise<{ result: KubernetesObject; note: string }> {
  const what = describeRef(refOf(obj));
  deps.log.info({ object: what }, 'the Job of this revision failed before: deleting it to run it again');
  await deleteAndWaitGone(deps, refOf(obj), { propagation: 'Foreground', ...(failed.metadata?.uid ? { uid: failed.metadata.uid } : {}) });
  return { result: await apply(), note: `${what} had failed: deleted and created again` };
}
