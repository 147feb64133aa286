/**
 * checkGpuCapacity: the `gpu-check` step. Sums each node's allocatable GPUs minus the GPUs of
 * the pods bound to it that are still running or pending, and answers whether `pods` pods of
 * `gpusPerPod` GPUs each fit. When they do not, it fails with `InsufficientGpu` showing need and
 * free per node — for good, or (when the step waits) retryably, so Temporal tries again until
 * the step's deadline.
 */
import type { V1Pod } from '@kubernetes/client-node';
import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityDeps } from './deps.js';
import { rethrowKubeError } from './kube-errors.js';

export interface CheckGpuCapacityInput {
  /** The step that checks (for the run's history summary). */
  step?: string;
  resourceName: string;
  gpusPerPod: number;
  pods: number;
  /** Fail retryably (the step waits for capacity) instead of for good. */
  wait: boolean;
}

export interface GpuCapacity {
  fits: boolean;
  /** Free GPUs per node that has any allocatable. */
  free: Record<string, number>;
  need: string;
}

const gpusOf = (pod: V1Pod, resource: string): number =>
  (pod.spec?.containers ?? []).reduce((sum, c) => sum + Number(c.resources?.limits?.[resource] ?? c.resources?.requests?.[resource] ?? 0), 0);

export function createCheckGpuCapacity(deps: ActivityDeps) {
  return async function checkGpuCapacity(input: CheckGpuCapacityInput): Promise<GpuCapacity> {
    const [nodes, pods] = await Promise.all([
      deps.kube.core.listNode().catch((e: unknown) => rethrowKubeError(e, 'listing nodes')),
      deps.kube.core.listPodForAllNamespaces({ fieldSelector: 'status.phase!=Succeeded,status.phase!=Failed' }).catch((e: unknown) => rethrowKubeError(e, 'listing pods')),
    ]);
    const free: Record<string, number> = {};
    for (const n of nodes.items) {
      const allocatable = Number(n.status?.allocatable?.[input.resourceName] ?? 0);
      if (allocatable > 0 && !n.spec?.unschedulable) free[n.metadata?.name ?? ''] = allocatable;
    }
    for (const p of pods.items) {
      const node = p.spec?.nodeName;
      if (node && node in free) free[node] = (free[node] ?? 0) - gpusOf(p, input.resourceName);
    }
    const slots = Object.values(free).reduce((sum, f) => sum + Math.max(0, Math.floor(f / input.gpusPerPod)), 0);
    const need = `${input.pods} pod(s) x ${input.gpusPerPod} ${input.resourceName}`;
    const result = { fits: slots >= input.pods, free, need };
    if (result.fits) return result;
    const freeText = Object.entries(free).map(([n, f]) => `${n}=${f}`).join(', ') || `no node has ${input.resourceName}`;
    const message = `InsufficientGpu: need ${need}; free per node: ${freeText}`;
    if (input.wait) throw ApplicationFailure.retryable(message, 'GpuCapacityPending', result);
    throw ApplicationFailure.nonRetryable(message, 'InsufficientGpu', result);
  };
}
