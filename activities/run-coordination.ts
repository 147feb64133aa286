/**
 * The activities of one run per application (workflows/coordinate-application.ts): a run
 * enqueues itself with the application's coordinator (signal with start, so the coordinator
 * exists exactly when something needs it), and the coordinator watches the run it admitted, so
 * one that ends without releasing (terminated, timed out) frees the application.
 */
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { COORDINATOR_WORKFLOW_TYPE, coordinatorId, enqueueSignal, type CoordinatorInput, type EnqueueRequest } from '../workflows/contract.js';

export interface CoordinationDeps {
  /** A client on the worker's own Temporal namespace. */
  temporal: Client;
}

export interface EnqueueRunInput extends EnqueueRequest {
  application: string;
  namespace: string;
  /** The task queue the coordinator runs on: the run's own. */
  taskQueue: string;
}

/**
 * How often the admitted run is looked at: from every 2 s, doubling up to every minute. Normal
 * runs release their turn by signal at once; this only catches runs that ended without one
 * (terminated), and a thousand admitted runs polled every few seconds would keep the Temporal
 * frontend busy with describes.
 */
const FIRST_POLL_MS = 2_000;
const MAX_POLL_MS = 60_000;

export function createCoordinationActivities({ temporal }: CoordinationDeps) {
  return {
    async enqueueRun(input: EnqueueRunInput): Promise<string> {
      const workflowId = coordinatorId(input.application, input.namespace);
      const args: [CoordinatorInput] = [{ application: input.application, namespace: input.namespace }];
      await temporal.workflow.signalWithStart(COORDINATOR_WORKFLOW_TYPE, { workflowId, taskQueue: input.taskQueue, args, signal: enqueueSignal, signalArgs: [{ run: input.run, mode: input.mode, startedAt: input.startedAt }] });
      return workflowId;
    },

    /** Resolves when the run has closed, however it closed; heartbeats while it runs. */
    async awaitRunClosed({ run }: { run: string }): Promise<string> {
      const ctx = Context.current();
      for (let pollMs = FIRST_POLL_MS; ; pollMs = Math.min(pollMs * 2, MAX_POLL_MS)) {
        const status = await temporal.workflow
          .getHandle(run)
          .describe()
          .then(
            (d) => d.status.name,
            (e: unknown) => (e instanceof WorkflowNotFoundError ? 'NOT_FOUND' : Promise.reject(e)),
          );
        if (status !== 'RUNNING') return status;
        ctx.heartbeat();
        await ctx.sleep(pollMs);
      }
    },
  };
}

export type CoordinationActivities = ReturnType<typeof createCoordinationActivities>;
