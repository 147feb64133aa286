/**
 * The names that live in Temporal history: the workflow type, queries, signals, updates.
 * Never rename one; add a new name instead. Shared by the workflow, the worker and the API.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate, type Sinks } from '@temporalio/workflow';

export const RUN_WORKFLOW_TYPE = 'runApplication';
/** The per-application coordinator (coordinate-application.ts). */
export const COORDINATOR_WORKFLOW_TYPE = 'coordinateApplication';

/** `Queued`: waiting for another run of the same application to end (see `queuedBehind`). */
export type RunPhase = 'Queued' | 'Running' | 'Succeeded' | 'Failed' | 'Cancelled';
export type StepPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Skipped' | 'Cancelled';

export interface StepStatus {
  name: string;
  type: string;
  components: string[];
  phase: StepPhase;
  attempts: number;
  startedAt?: string;
  finishedAt?: string;
  /** Why the step is where it is: the newest progress message, failure or skip reason. */
  message?: string;
  /**
   * Why a Skipped step was skipped: its own `if` did not hold (`condition`: counts as satisfied
   * for the steps after it), or a step before it failed (`failure`: carried on).
   */
  skipped?: 'condition' | 'failure';
  /** Typed reason of a failure (e.g. RolloutDegraded, KubeInvalid). */
  reason?: string;
  /** After a workload failed: its newest events and its failed containers' log tails. */
  events?: string[];
  logs?: { pod: string; container: string; tail: string }[];
  /** Filled in by the API from heartbeats: what a running step waits for, and whether pods wait for capacity. */
  waiting?: { target: string; state: string; message: string; ready: number; desired: number; waitingForCapacity?: boolean }[];
  waitingForCapacity?: boolean;
  /** For approval steps: whether it is waiting for a decision now, and the decision. */
  awaitingApproval?: boolean;
  decision?: ApprovalDecision;
}

/** What an approver sends: who, yes or no, and why. */
export interface ApprovalDecision {
  step: string;
  approved: boolean;
  by: string;
  comment?: string;
}

export interface RunStatus {
  application: string;
  namespace: string;
  revision: string;
  phase: RunPhase;
  startedAt: string;
  finishedAt?: string;
  message?: string;
  steps: StepStatus[];
  /** Objects deleted after success because the spec no longer renders them (`Kind ns/name`). */
  pruned?: string[];
  /** With `onFailure: rollback`, after a failure: the revision re-applied, or why that failed. */
  rolledBackTo?: string;
  rollbackError?: string;
  /** With `onCancel: delete`, after a cancel: what was deleted. */
  cleanedUp?: string[];
  /** While Queued: the run of the same application this one waits for. */
  queuedBehind?: string;
  /** A Succeeded run whose steps that deploy these components were all skipped. */
  undeployed?: string[];
}

export const statusQuery = defineQuery<RunStatus>('status');

/**
 * One entry of a run's event log: a step's phase or progress changed, or the run's phase did.
 * `seq` grows by one per event, so a client that saw event n asks for what came after n.
 */
export interface RunEvent {
  seq: number;
  at: string;
  /** The step, for a step event; absent for the run's own. */
  step?: string;
  phase: StepPhase | RunPhase;
  message?: string;
  /** Set on the run's last event. */
  final?: boolean;
}

/** The events after `seq` (the log keeps the newest 1,000). */
export const eventsQuery = defineQuery<RunEvent[], [number]>('events');

/** Approve or reject a waiting approval step; rejected (validator) when that step is not waiting. */
export const approveUpdate = defineUpdate<StepStatus, [ApprovalDecision]>('approve');

/**
 * Typed search attributes, so runs can be listed and filtered by application, namespace, phase
 * and revision. A Temporal cluster must have them registered (the dev server KubeMin starts
 * does; see the README for a production cluster).
 */
export const SEARCH_ATTRIBUTES = {
  application: defineSearchAttributeKey('KubeMinApplication', SearchAttributeType.KEYWORD),
  namespace: defineSearchAttributeKey('KubeMinNamespace', SearchAttributeType.KEYWORD),
  phase: defineSearchAttributeKey('KubeMinPhase', SearchAttributeType.KEYWORD),
  revision: defineSearchAttributeKey('KubeMinRevision', SearchAttributeType.KEYWORD),
} as const;

/**
 * What the workflow tells the worker's metrics (workers/metrics.ts) through sinks: not recorded
 * in history, and not called again when a worker replays a run.
 */
export interface KubeMinSinks extends Sinks {
  metrics: {
    runStarted(application: string): void;
    runFinished(application: string, phase: RunPhase): void;
    stepFinished(stepType: string, outcome: StepPhase, seconds: number): void;
  };
}

/** What a run does when another run of its application is running (the spec's `concurrency`). */
export type ConcurrencyMode = 'queue' | 'replace' | 'reject';

/** The coordinator's workflow id for an application: one per name and namespace. */
export const coordinatorId = (application: string, namespace: string): string => `kubemin-app/${namespace}/${application}`;

export interface EnqueueRequest {
  run: string;
  mode: ConcurrencyMode;
  /** When the run started (ms since the epoch): runs take their turns in this order. */
  startedAt: number;
}

export interface CoordinatorState {
  /** The run that may change the application now. */
  holder?: string;
  /** Runs waiting, in the order they started. */
  queue: EnqueueRequest[];
  /** The run admitted last: a run that started before it and asks later is superseded. */
  lastAdmitted?: { run: string; startedAt: number };
}

export interface CoordinatorInput {
  application: string;
  namespace: string;
  /** Carried over by continue-as-new. */
  state?: CoordinatorState;
}

/** The coordinator's answer to a run: admitted now, queued behind another run, or rejected. */
export interface Admission {
  admitted?: boolean;
  queuedBehind?: string;
  rejected?: string;
  /** A run of the application that started later has been admitted already: this one is stale. */
  superseded?: string;
}

export const enqueueSignal = defineSignal<[EnqueueRequest]>('enqueue');
export const releasedSignal = defineSignal<[{ run: string }]>('released');
export const admissionSignal = defineSignal<[Admission]>('admission');
export const coordinatorQuery = defineQuery<CoordinatorState>('coordinator');

/**
 * A run's workflow id names its namespace: `<namespace>.<name>`. A namespace is a DNS-1123 label,
 * so it holds no '.', and the payload codec binds every payload of the run to that namespace.
 */
export const runId = (namespace: string, name: string): string => `${namespace}.${name}`;

const LABEL = '[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?';
const NAMESPACE_IN_ID = new RegExp(`^(?:(${LABEL})\\.|kubemin-app/(${LABEL})/)`);

/** The namespace a workflow id names (a run's, see runId, or a coordinator's); '' for ids that name none (runs started before). */
export const namespaceOfWorkflowId = (workflowId: string): string => {
  const m = NAMESPACE_IN_ID.exec(workflowId);
  return m?.[1] ?? m?.[2] ?? '';
};

/** Why a worker with a codec refused a payload that reached a workflow (workers/payload-guard.ts). */
export type PayloadRefusal = 'PlaintextInput' | 'PayloadNamespaceMismatch';

/**
 * What a refused payload decodes to inside the workflow: `{ [REFUSED_PAYLOAD]: RefusedPayload }`,
 * with the original value kept, so a run recorded before the refusal replays as it ran.
 */
export const REFUSED_PAYLOAD = 'kubeminRefusedPayload';

export interface RefusedPayload {
  reason: PayloadRefusal;
  message: string;
  value?: unknown;
}

/** A short workflow that answers what a run of a spec would change (POST /v1/diff); changes nothing. */
export const DIFF_WORKFLOW_TYPE = 'diffApplication';
