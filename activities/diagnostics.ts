/**
 * What a failed workload leaves behind for whoever must fix it: the newest events of the object
 * and its pods (the Job controller's BackoffLimitExceeded, the scheduler's FailedScheduling, the
 * kubelet's BackOff...) and the tail of each failed container's log where the cluster keeps logs.
 * Read once, when a step fails; never on the happy path.
 */
import type { CoreV1Event } from '@kubernetes/client-node';
import type { PodLike } from '../src/index.js';
import type { ActivityDeps } from './deps.js';

export interface Diagnostics {
  /** `Kind/name Reason: message`, oldest first, at most ten. */
  events: string[];
  /** The last lines each failed container printed (none on a cluster without kubelet logs, e.g. kwok). */
  logs: { pod: string; container: string; tail: string }[];
}

const MAX_EVENTS = 10;
const TAIL_LINES = 20;
const LOG_TIMEOUT_MS = 3_000;

const when = (e: CoreV1Event): number => new Date(e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? 0).getTime();

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([p.catch(() => undefined), new Promise<undefined>((r) => setTimeout(() => r(undefined), ms).unref())]);
}

export async function diagnose(deps: ActivityDeps, namespace: string, owner: string, pods: readonly PodLike[]): Promise<Diagnostics> {
  const names = new Set([owner, ...pods.map((p) => p.metadata?.name ?? '')]);
  const listed = await withTimeout(deps.kube.core.listNamespacedEvent({ namespace }), LOG_TIMEOUT_MS);
  const events = (listed?.items ?? [])
    .filter((e) => names.has(e.involvedObject.name ?? ''))
    .sort((a, b) => when(a) - when(b))
    .slice(-MAX_EVENTS)
    .map((e) => `${e.involvedObject.kind}/${e.involvedObject.name} ${e.reason ?? ''}: ${(e.message ?? '').trim()}`);
  const failed = pods.flatMap((p) =>
    (p.status?.containerStatuses ?? []).filter((c) => (c.state?.terminated?.exitCode ?? 0) !== 0).map((c) => ({ pod: p.metadata?.name ?? '', container: c.name ?? '' })),
  );
  const logs = await Promise.all(
    failed.slice(0, 3).map(async ({ pod, container }) => {
      const tail = await withTimeout(deps.kube.core.readNamespacedPodLog({ name: pod, namespace, container, tailLines: TAIL_LINES }), LOG_TIMEOUT_MS);
      return typeof tail === 'string' && tail.trim() ? { pod, container, tail: tail.trimEnd() } : undefined;
    }),
  );
  return { events, logs: logs.filter((l) => l !== undefined) };
}
