/**
 * One coordinator per application (name + namespace): at most one run changes an application at
 * a time. Runs enqueue themselves (the enqueueRun activity signals with start), wait for their
 * admission and signal `released` when they end; the coordinator admits them one at a time, in
 * the order they arrived. `replace` cancels the running and queued runs first; `reject` is
 * refused while anything runs. A run that ends without releasing (terminated, timed out) is
 * noticed by watching it. The queue lives in this workflow's history, so it survives worker,
 * API and Temporal restarts; the workflow continues as new before its history grows large and
 * ends when nothing is queued for a while.
 */
import { CancellationScope, condition, continueAsNew, getExternalWorkflowHandle, isCancellation, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { CoordinationActivities } from '../activities/run-coordination.js';
import { admissionSignal, coordinatorQuery, type Admission, enqueueSignal, releasedSignal, type CoordinatorInput, type CoordinatorState, type EnqueueRequest } from './contract.js';

const { awaitRunClosed } = proxyActivities<CoordinationActivities>({
  startToCloseTimeout: '365 days',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** How long an idle coordinator stays before it ends (a new run starts it again). */
const IDLE_MS = 10 * 60_000;
const MAX_HISTORY_EVENTS = 2_000;

export async function coordinateApplication(input: CoordinatorInput): Promise<void> {
  const state: CoordinatorState = { queue: [], ...input.state };
  state.queue = [...state.queue];
  let changed = false;
  const admit = (run: string, admission: Admission) =>
    getExternalWorkflowHandle(run)
      .signal(admissionSignal, admission)
      .then(
        () => true,
        () => false, // the run has ended already (e.g. terminated while queued)
      );
  const cancel = (run: string) => getExternalWorkflowHandle(run).cancel().catch(() => undefined);

  setHandler(coordinatorQuery, () => state);
  setHandler(enqueueSignal, (req: EnqueueRequest) => {
    changed = true;
    if (state.holder === req.run || state.queue.some((q) => q.run === req.run)) return; // a retried enqueue
    // a run that started before the one admitted last would undo it: it is stale
    if (state.lastAdmitted && req.startedAt < state.lastAdmitted.startedAt) {
      void admit(req.run, { superseded: state.lastAdmitted.run });
      return;
    }
    const busy = [...(state.holder ? [state.holder] : []), ...state.queue.map((q) => q.run)];
    if (req.mode === 'reject' && busy.length) {
      void admit(req.run, { rejected: `run ${busy[0]} of this application is ${state.holder === busy[0] ? 'running' : 'queued'}` });
      return;
    }
    if (req.mode === 'replace') {
      busy.forEach((run) => void cancel(run));
      state.queue = [];
    }
    // runs take their turns in the order they started, whatever order their requests arrive in
    state.queue.push({ run: req.run, mode: req.mode, startedAt: req.startedAt });
    state.queue.sort((a, b) => a.startedAt - b.startedAt || a.run.localeCompare(b.run));
    const at = state.queue.findIndex((q) => q.run === req.run);
    const ahead = state.queue[at - 1]?.run ?? state.holder;
    if (ahead) void admit(req.run, { queuedBehind: ahead });
    const behind = state.queue[at + 1]?.run;
    if (behind) void admit(behind, { queuedBehind: req.run });
  });
  setHandler(releasedSignal, ({ run }) => {
    changed = true;
    if (state.holder === run) delete state.holder;
    state.queue = state.queue.filter((q) => q.run !== run);
  });

  let watch: CancellationScope | undefined;
  let watched: string | undefined;
  // the holder is watched from an idle spell on, until it changes
  let idleHolder: string | undefined;
  for (;;) {
    // admit the next run; one that has ended already is passed over
    while (!state.holder && state.queue.length) {
      const next = state.queue.shift() as EnqueueRequest;
      state.holder = next.run;
      state.lastAdmitted = { run: next.run, startedAt: next.startedAt };
      if (!(await admit(next.run, { admitted: true }))) delete state.holder;
    }
    // watch the holder, so a run that never releases (terminated) does not hold the application
    // from the runs waiting behind it (earlier coordinators watched every holder)
    const watchNeeded = !patched('watch-holder-while-others-wait') || state.queue.length > 0 || idleHolder === state.holder;
    const target = watchNeeded ? state.holder : undefined;
    if (target !== watched) {
      watch?.cancel();
      watched = target;
      if (watched) {
        const run = watched;
        watch = new CancellationScope();
        void watch
          .run(() => awaitRunClosed({ run }))
          .then(
            () => {
              changed = true;
              if (state.holder === run) delete state.holder;
            },
            (e: unknown) => {
              if (!isCancellation(e)) throw e;
            },
          );
      }
    }
    changed = false;
    const active = await condition(() => changed, IDLE_MS);
    if (!active && !state.holder && state.queue.length === 0) return;
    if (!active) idleHolder = state.holder;
    if (workflowInfo().historyLength > MAX_HISTORY_EVENTS || workflowInfo().continueAsNewSuggested) {
      watch?.cancel();
      await continueAsNew<typeof coordinateApplication>({ ...input, state });
    }
  }
}
