/**
 * waitForRollout: waits, on the shared watches (the workload's kind and its namespace's Pods),
 * until a workload is healthy by Argo CD's rules, heartbeating its progress so the run's status
 * can show it. While waiting it says why pods are not ready: waiting for capacity (the
 * scheduler's Unschedulable message) has its own deadline, `maxPendingSeconds`, after which the
 * step fails with that reason; image-pull and crash-loop problems are reported as they happen.
 * A Degraded workload fails the step for good; cancellation ends the wait at once. A rollout past
 * its progress deadline only because the scheduler cannot place its pods is still a capacity wait
 * (Unschedulable after `maxPendingSeconds`), not RolloutDegraded. An observation older than the
 * generation the apply returned (a lagging watch cache) is never judged.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { exitMessages, healthOf, podProblems, PROGRESS_DEADLINE_EXCEEDED, selects, staleObservation, type Health, type PodLike, type PodProblems, type ReadinessTarget } from '../src/index.js';
import type { ActivityDeps } from './deps.js';
import { diagnose } from './diagnostics.js';

export interface WaitForRolloutInput extends ReadinessTarget {
  /** How long pods may wait for capacity before the step fails (default 600). */
  maxPendingSeconds?: number;
  /** The generation the apply returned: an older observation of the object is never judged. */
  minGeneration?: number;
  /** The uid the apply returned: an older object of the same name (before a re-create) is never judged. */
  uid?: string;
}

/** What the activity heartbeats, and what the workflow and the API report as progress. */
export interface RolloutProgress extends Health {
  target: string;
  /** Set while the scheduler cannot place a pod: the state the API shows as waiting for capacity. */
  waitingForCapacity?: boolean;
  /** When waiting for capacity began (ms since the epoch); kept across retries. */
  pendingSince?: number;
}

const HEARTBEAT_EVERY_MS = 5_000;
const DEFAULT_MAX_PENDING_SECONDS = 600;

/** The labels that select a workload's pods. */
function podSelector(kind: ReadinessTarget['kind'], obj: KubernetesObject): Record<string, string> {
  // a Job's controller fills in its selector (controller-uid), on every Kubernetes version
  const matchLabels = (obj as { spec?: { selector?: { matchLabels?: Record<string, string> } } }).spec?.selector?.matchLabels;
  if (kind === 'Job' && !matchLabels) return { 'job-name': obj.metadata?.name ?? '' };
  return matchLabels ?? {};
}

/**
 * Counts workloads waiting for capacity now and, when a wait ends, how long it was and how it
 * ended (scheduled, timed_out, cancelled). `track(pendingSince)` is called on every evaluation.
 */
function capacityWaitMetrics({ metrics }: ActivityDeps) {
  let since: number | undefined;
  return {
    track(pendingSince: number | undefined, outcome: 'scheduled' | 'timed_out' | 'cancelled'): void {
      if (pendingSince !== undefined && since === undefined) metrics.waitingForCapacity.inc();
      if (pendingSince === undefined && since !== undefined) {
        metrics.waitingForCapacity.dec();
        metrics.capacityWait.observe({ outcome }, (Date.now() - since) / 1000);
      }
      since = pendingSince;
    },
  };
}

/**
 * Whether an unhealthy workload failed for good. A passed progress deadline while the scheduler
 * cannot place a pod is not: the pods start when capacity appears, and maxPending bounds that wait.
 */
const failedForGood = (health: Health, problems: PodProblems): boolean =>
  health.state === 'Degraded' && !(health.reason === PROGRESS_DEADLINE_EXCEEDED && problems.unschedulable);

/** Thrown inside the watch's evaluation; turned into the step's failure once diagnosed. */
class Degraded extends Error {
  constructor(
    readonly obj: KubernetesObject,
    readonly health: Health,
    readonly pods: PodLike[],
  ) {
    super(health.message);
  }
}

export function createWaitForRollout(deps: ActivityDeps) {
  return async function waitForRollout(input: WaitForRolloutInput): Promise<RolloutProgress> {
    const ctx = Context.current();
    const target = `${input.kind} ${input.namespace}/${input.name}`;
    const maxPendingMs = (input.maxPendingSeconds ?? DEFAULT_MAX_PENDING_SECONDS) * 1000;
    const previous = ctx.info.heartbeatDetails as RolloutProgress | undefined;
    let last: RolloutProgress = { target, state: 'Progressing', message: 'waiting for the object to appear', ready: 0, desired: 0, ...(previous?.pendingSince ? { pendingSince: previous.pendingSince } : {}) };
    ctx.heartbeat(last);
    const beat = setInterval(() => ctx.heartbeat(last), HEARTBEAT_EVERY_MS);
    const capacity = capacityWaitMetrics(deps);

    let selector: Record<string, string> | undefined;
    const evaluate = (obj: KubernetesObject | undefined): RolloutProgress | undefined => {
      if (!obj) {
        last = { ...last, state: 'Progressing', message: `${target} does not exist (yet)` };
        return undefined;
      }
      const stale = staleObservation(obj, input.minGeneration, input.uid);
      if (stale) {
        last = { ...last, state: 'Progressing', message: `${target}: ${stale}` };
        return undefined;
      }
      const health = healthOf(input.kind, obj);
      if (health.state === 'Healthy') {
        capacity.track(undefined, 'scheduled');
        return { target, ...health };
      }
      const own = podSelector(input.kind, obj);
      selector = own;
      const pods = (deps.watch.snapshot('Pod', input.namespace) as PodLike[]).filter((p) => selects(own, p));
      const problems = podProblems(pods);
      if (failedForGood(health, problems)) throw new Degraded(obj, health, pods);
      const pendingSince = problems.unschedulable ? (last.pendingSince ?? Date.now()) : undefined;
      capacity.track(pendingSince, 'scheduled');
      const next: RolloutProgress = {
        target,
        ...health,
        // past the progress deadline for want of capacity: still waiting, not failed
        ...(health.state === 'Degraded' ? { state: 'Progressing' as const } : {}),
        message: problems.unschedulable ?? problems.failing ?? health.message,
        ...(pendingSince ? { waitingForCapacity: true, pendingSince } : {}),
      };
      if (next.message !== last.message || next.waitingForCapacity !== last.waitingForCapacity) ctx.heartbeat(next);
      last = next;
      if (pendingSince && Date.now() - pendingSince >= maxPendingMs) {
        capacity.track(undefined, 'timed_out');
        throw ApplicationFailure.nonRetryable(`${target} waited ${Math.round((Date.now() - pendingSince) / 1000)}s for capacity: ${problems.unschedulable}`, 'Unschedulable', next);
      }
      return undefined;
    };

    try {
      return await deps.watch.waitFor(input, evaluate, ctx.cancellationSignal, {
        alsoOn: 'Pod',
        alsoOnConcerns: (pod) => selector === undefined || selects(selector, pod as PodLike),
        recheckAt: () => (last.pendingSince ? last.pendingSince + maxPendingMs : undefined),
      });
    } catch (e) {
      if (!(e instanceof Degraded)) throw e;
      // a workload that failed for good: say what its containers said, its events and log tails
      const said = exitMessages(e.pods);
      const diagnostics = await diagnose(deps, input.namespace, e.obj.metadata?.name ?? input.name, e.pods);
      throw ApplicationFailure.nonRetryable(`${target} is degraded: ${e.health.message}${said.length ? `; ${said.join('; ')}` : ''}`, 'RolloutDegraded', { target, ...e.health, ...diagnostics });
    } finally {
      clearInterval(beat);
      capacity.track(undefined, 'cancelled');
    }
  };
}
