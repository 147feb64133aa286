/**
 * Why a workload's pods are not ready, told apart: waiting for capacity (the scheduler's
 * Unschedulable reason and message, e.g. "0/5 nodes are available: 5 Insufficient
 * nvidia.com/gpu"), or failing (image pulls, crash loops, bad container config). Argo CD shows
 * all of these as Progressing; KubeMin says which, and why.
 */
export interface PodLike {
  metadata?: { name?: string; labels?: Record<string, string> };
  status?: {
    phase?: string;
    conditions?: { type?: string; status?: string; reason?: string; message?: string }[];
    containerStatuses?: { name?: string; state?: { waiting?: { reason?: string; message?: string }; terminated?: { exitCode?: number; reason?: string; message?: string } } }[];
  };
}

export interface PodProblems {
  /** The scheduler's reason a pod cannot be placed: waiting for capacity, not failing. */
  unschedulable?: string;
  /** Why a pod's container cannot run. */
  failing?: string;
}

const FAILING_REASONS = ['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'CreateContainerConfigError', 'CreateContainerError', 'CrashLoopBackOff'];

export function podProblems(pods: readonly PodLike[]): PodProblems {
  const problems: PodProblems = {};
  for (const p of pods) {
    const scheduled = p.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable' && !problems.unschedulable) {
      problems.unschedulable = `Unschedulable: ${scheduled.message ?? 'the scheduler cannot place the pod'}`;
    }
    const waiting = p.status?.containerStatuses?.map((c) => c.state?.waiting).find((w) => w?.reason && FAILING_REASONS.includes(w.reason));
    if (waiting && !problems.failing) problems.failing = `${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''} (pod ${p.metadata?.name ?? '?'})`;
  }
  return problems;
}

/** Whether a pod carries every label of a selector. */
export const selects = (selector: Record<string, string>, pod: PodLike): boolean =>
  Object.entries(selector).every(([k, v]) => pod.metadata?.labels?.[k] === v);

/** What failed containers said as they exited ("migrate exited 1: relation ... exists"), newest pod first, at most three. */
export function exitMessages(pods: readonly PodLike[]): string[] {
  return pods
    .flatMap((p) => (p.status?.containerStatuses ?? []).map((c) => ({ name: c.name, t: c.state?.terminated })))
    .filter((c) => c.t && c.t.exitCode !== 0)
    .map((c) => `${c.name ?? 'container'} exited ${c.t?.exitCode ?? '?'}${c.t?.message ? `: ${c.t.message.trim()}` : c.t?.reason ? ` (${c.t.reason})` : ''}`)
    .slice(0, 3);
}
