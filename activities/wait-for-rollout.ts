/**
 * waitForRollout: waits, on the shared watch, until a workload is healthy by Argo CD's rules,
 * heartbeating its progress (ready/desired and the newest message) so the run's status can
 * show it. A Degraded workload fails the step for good; cancellation ends the wait at once.
 */
import { ApplicationFailure, Context } from '@temporalio/activity';
import { healthOf, type Health, type ReadinessTarget } from '../src/index.js';
import type { ActivityDeps } from './deps.js';

export type WaitForRolloutInput = ReadinessTarget;

/** What the activity heartbeats, and what the workflow reports as the step's progress. */
export interface RolloutProgress extends Health {
  target: string;
}

const HEARTBEAT_EVERY_MS = 5_000;

export function createWaitForRollout(deps: ActivityDeps) {
  return async function waitForRollout(input: WaitForRolloutInput): Promise<RolloutProgress> {
    const ctx = Context.current();
    const target = `${input.kind} ${input.namespace}/${input.name}`;
    let last: RolloutProgress = { target, state: 'Progressing', message: 'waiting for the object to appear', ready: 0, desired: 0 };
    ctx.heartbeat(last);
    const beat = setInterval(() => ctx.heartbeat(last), HEARTBEAT_EVERY_MS);
    try {
      return await deps.watch.waitFor(
        input,
        (obj) => {
          if (!obj) {
            last = { ...last, state: 'Progressing', message: `${target} does not exist (yet)` };
            return undefined;
          }
          const health = healthOf(input.kind, obj);
          const changed = health.message !== last.message || health.state !== last.state;
          last = { target, ...health };
          if (changed) ctx.heartbeat(last);
          if (health.state === 'Degraded') throw ApplicationFailure.nonRetryable(`${target} is degraded: ${health.message}`, 'RolloutDegraded', last);
          return health.state === 'Healthy' ? last : undefined;
        },
        ctx.cancellationSignal,
      );
    } finally {
      clearInterval(beat);
    }
  };
}
