/**
 * /v1/runs: start a run of a spec (idempotent with `Idempotency-Key`), list runs through Temporal
 * visibility (filtered, paginated), and read one run's phase and per-step status.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client, type WorkflowExecutionDescription, type WorkflowExecutionStatusName } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { decodeTypedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes.js';
import { compile, MAX_PLAN_BYTES, type PlatformPolicy, NotFoundError, planBytes, validateSpecText, type Plan, type PreviousRevision } from '../src/index.js';
import type { RolloutProgress } from '../activities/index.js';
import { coordinatorId, coordinatorQuery, namespaceOfWorkflowId, RUN_WORKFLOW_TYPE, runId, SEARCH_ATTRIBUTES, statusQuery, type RunPhase, type RunStatus, type StepStatus } from '../workflows/contract.js';
import { namespaceAllowed, type Auth } from './auth.js';
import { ConflictError, UnprocessableError } from './errors.js';
import { decodePayload, planOf, timestampMs } from './payloads.js';
import { readBody } from './body.js';
import { enforcePolicy } from './policy.js';
import { logTailsFor, type RunRedaction } from './run-redaction.js';

export interface RunsDeps {
  temporal: Client;
  taskQueue: string;
  /** Base URL of the Temporal Web UI, for links. */
  uiUrl: string;
  auth: Auth;
  /** The platform policy every spec is checked against before it starts. */
  policy: PlatformPolicy;
  /** Replaces each run's own secret values in what the API answers about it. */
  redaction: RunRedaction;
}

/** The phase of a closed run, from Temporal's status; a running one says its own (Queued or Running). */
export const PHASE_BY_TEMPORAL: Readonly<Partial<Record<WorkflowExecutionStatusName, RunPhase>>> = {
  COMPLETED: 'Succeeded',
  FAILED: 'Failed',
  TIMED_OUT: 'Failed',
  TERMINATED: 'Failed',
  CANCELLED: 'Cancelled',
};

/**
 * A run's phase: Temporal's for a closed run; for a running one, Queued when it says so, else
 * Running (a run that has failed and is still rolling back has not ended).
 */
export function phaseOf(temporalStatus: WorkflowExecutionStatusName, own: string | undefined): RunPhase {
  return PHASE_BY_TEMPORAL[temporalStatus] ?? (own === 'Queued' ? 'Queued' : 'Running');
}

/** temporal.api.enums.v1.WorkflowExecutionStatus, by number. */
const STATUS_NAMES: readonly WorkflowExecutionStatusName[] = ['UNSPECIFIED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'TERMINATED', 'CONTINUED_AS_NEW', 'TIMED_OUT'];

/** Links every run answer carries: itself, its events and history, and the Temporal Web UI. */
export function runLinks(temporal: Client, uiUrl: string, id: string) {
  const self = `/v1/runs/${encodeURIComponent(id)}`;
  return {
    self,
    events: `${self}/events`,
    history: `${self}/history`,
    temporalUi: `${uiUrl}/namespaces/${encodeURIComponent(temporal.options.namespace)}/workflows/${encodeURIComponent(id)}`,
  };
}

/** A run's Temporal description; 404 when there is no such run. */
export async function describeRun(temporal: Client, id: string): Promise<WorkflowExecutionDescription> {
  try {
    return await temporal.workflow.getHandle(id).describe();
  } catch (e) {
    if (e instanceof WorkflowNotFoundError) throw new NotFoundError(`run "${id}"`, 'list runs with GET /v1/runs to find its id');
    throw e;
  }
}

interface PendingActivity {
  activityId?: string | null;
  heartbeatDetails?: { payloads?: unknown[] | null } | null;
}

/**
 * What a running step waits for, from its wait activities' newest heartbeat (the workflow only
 * learns it when the activity ends): readiness counts, and whether pods wait for capacity, with
 * the scheduler's reason.
 */
export async function attachWaits(status: RunStatus, pending: readonly PendingActivity[], temporal: Client): Promise<void> {
  for (const a of pending) {
    const [, step] = /^wait\/([^/]+)\//.exec(a.activityId ?? '') ?? [];
    const payload = a.heartbeatDetails?.payloads?.[0];
    const s = status.steps.find((x) => x.name === step);
    if (!s || !payload || s.phase !== 'Running') continue;
    const progress = await decodePayload<RolloutProgress>(temporal, payload as Payload);
    s.waiting = [...(s.waiting ?? []), progress];
    if (progress.waitingForCapacity) s.waitingForCapacity = true;
    s.message = progress.message;
  }
}

/** Filters of GET /v1/runs, as a Temporal visibility query on KubeMin's search attributes. */
const FILTERS = { application: SEARCH_ATTRIBUTES.application, namespace: SEARCH_ATTRIBUTES.namespace, phase: SEARCH_ATTRIBUTES.phase, revision: SEARCH_ATTRIBUTES.revision } as const;

export function listQuery(params: Record<string, string>): string {
  const clauses = [`WorkflowType = '${RUN_WORKFLOW_TYPE}'`];
  for (const [param, key] of Object.entries(FILTERS)) {
    const v = params[param];
    if (v !== undefined && v !== '') clauses.push(`${key.name} = '${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
  }
  return clauses.join(' AND ');
}

/** The newest Succeeded run of the same application and namespace: its revision and spec. */
async function lastSuccess(temporal: Client, plan: Plan): Promise<PreviousRevision | undefined> {
  // a run that really completed, under an id naming this namespace, whose plan is this application's
  // (search attributes are whatever whoever started a workflow wrote: not trusted alone)
  const query = `${listQuery({ application: plan.application, namespace: plan.namespace, phase: 'Succeeded' })} AND ExecutionStatus = 'Completed'`;
  let looked = 0;
  for await (const w of temporal.workflow.list({ query, pageSize: 10 })) {
    if (++looked > 10) break;
    const named = namespaceOfWorkflowId(w.workflowId);
    if (named && named !== plan.namespace) continue;
    const started = await planOf(temporal, w.workflowId, w.runId);
    if (started.spec.namespace !== plan.namespace || started.spec.name !== plan.application) continue;
    return { revision: started.revision, run: w.workflowId, spec: started.spec, ...(started.references ? { references: started.references } : {}) };
  }
  return undefined;
}

/**
 * With `concurrency: reject`: 409 while another run of the application runs or is queued (the
 * run itself checks again when it asks for its turn, so a race still ends in ApplicationBusy).
 */
async function rejectIfBusy(temporal: Client, plan: Plan): Promise<void> {
  if (plan.spec.concurrency !== 'reject') return;
  const state = await temporal.workflow
    .getHandle(coordinatorId(plan.application, plan.namespace))
    .query(coordinatorQuery)
    .catch(() => undefined); // no coordinator running: nothing runs
  const busy = state?.holder ?? state?.queue[0]?.run;
  if (busy) throw new ConflictError(`run ${busy} of application ${plan.namespace}/${plan.application} is ${state?.holder ? 'running' : 'queued'}; this spec says concurrency: reject`, 'wait for that run to end, cancel it, or send concurrency: queue (the default) or replace');
}

/**
 * What the status query says of a run that has ended without its own say (terminated, timed
 * out): its steps that were Pending or Running did not go on.
 */
export function closedRunStatus(status: RunStatus, temporalStatus: WorkflowExecutionStatusName): RunStatus {
  if (temporalStatus !== 'TERMINATED' && temporalStatus !== 'TIMED_OUT') return status;
  const how = temporalStatus === 'TERMINATED' ? 'terminated' : 'timed out';
  return {
    ...status,
    phase: 'Failed',
    message: status.message && status.phase !== 'Running' ? status.message : `the run was ${how}; no cleanup ran`,
    steps: status.steps.map((s) => (s.phase === 'Pending' || s.phase === 'Running' ? { ...s, phase: 'Cancelled', awaitingApproval: false, message: `the run was ${how} while this step was ${s.phase}` } : s)),
  };
}

/**
 * Each step with what the plan says of its place in the graph (`dependsOn`, `group`), so a
 * client can draw it; before the run has said anything (queued, or its worker is gone) the
 * plan's steps as Pending.
 */
export function withPlanShape(steps: readonly StepStatus[] | undefined, plan: Pick<Plan, 'steps'>): (StepStatus & { dependsOn: string[]; group?: string })[] {
  const known = new Map((steps ?? []).map((s) => [s.name, s]));
  return plan.steps.map((p) => ({
    ...(known.get(p.name) ?? { name: p.name, type: p.type, components: p.components, phase: 'Pending' as const, attempts: 0 }),
    dependsOn: p.dependsOn,
    ...(p.group ? { group: p.group } : {}),
  }));
}

const randomSuffix = (): string => Math.random().toString(36).slice(2, 8).padEnd(6, '0');

/**
 * The run id an Idempotency-Key maps to: the same key (per caller and application) gives the same
 * run. Like every run id it names the namespace (runId), which binds the run's payloads to it.
 */
const idempotentId = (application: string, namespace: string, caller: string, key: string): string =>
  runId(namespace, `${application}-${createHash('sha256').update(`${caller}\n${namespace}\n${key}`).digest('hex').slice(0, 16)}`);

/** Starts a run of a plan under `id`; false when a run with that id exists already. Shared by POST /v1/runs and retry. */
export async function startRun(deps: Pick<RunsDeps, 'temporal' | 'taskQueue'>, plan: Plan, id: string): Promise<boolean> {
  try {
    await deps.temporal.workflow.start(RUN_WORKFLOW_TYPE, {
      workflowId: id,
      taskQueue: deps.taskQueue,
      args: [plan],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      memo: { application: plan.application, namespace: plan.namespace, revision: plan.revision },
      typedSearchAttributes: [
        { key: SEARCH_ATTRIBUTES.application, value: plan.application },
        { key: SEARCH_ATTRIBUTES.namespace, value: plan.namespace },
        { key: SEARCH_ATTRIBUTES.revision, value: plan.revision },
        { key: SEARCH_ATTRIBUTES.phase, value: 'Running' },
      ],
    });
    return true;
  } catch (e) {
    if (e instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw e;
  }
}

export function createRunsRoutes(deps: RunsDeps) {
  const { temporal, uiUrl, auth } = deps;
  const links = (id: string) => runLinks(temporal, uiUrl, id);

  return new Hono()
    .post('/', auth.require('operator'), async (c) => {
      const text = await readBody(c);
      const spec = validateSpecText(text);
      auth.checkNamespace(c, spec.namespace);
      const podSecurity = enforcePolicy(deps.policy, { caller: auth.caller(c), spec, text });
      const plan = { ...compile(spec), podSecurity };
      const key = c.req.header('idempotency-key');
      const id = key ? idempotentId(plan.application, plan.namespace, auth.caller(c).name, key) : runId(plan.namespace, `${plan.application}-${plan.revision.slice(0, 8)}-${randomSuffix()}`);
      /** The run a repeated key found: the same one, unless the spec changed under the same key. */
      const existingRun = async () => {
        const existing = await temporal.workflow.getHandle(id).describe();
        const revision = existing.typedSearchAttributes.get(SEARCH_ATTRIBUTES.revision);
        if (revision !== plan.revision) {
          throw new ConflictError(`Idempotency-Key "${key}" already started run ${id} of revision ${revision}; this spec is revision ${plan.revision}`, 'use a new Idempotency-Key for a changed spec');
        }
        return c.json({ id, application: plan.application, namespace: plan.namespace, revision: plan.revision, phase: PHASE_BY_TEMPORAL[existing.status.name] ?? 'Running', links: links(id) }, 202, { location: links(id).self });
      };
      if (key && (await temporal.workflow.getHandle(id).describe().then(() => true, (e: unknown) => (e instanceof WorkflowNotFoundError ? false : Promise.reject(e))))) return existingRun();
      await rejectIfBusy(temporal, plan);
      if (spec.onFailure === 'rollback') {
        const previous = await lastSuccess(temporal, plan);
        if (previous) plan.previous = previous;
      }
      // Temporal would refuse the run's input (and the answer would be a 500)
      const bytes = planBytes(plan);
      if (bytes > MAX_PLAN_BYTES) {
        throw new UnprocessableError(
          `the compiled plan is ${bytes} bytes; a run's input may be at most ${MAX_PLAN_BYTES} bytes (Temporal's payload limit)`,
          'split the application into smaller ones, or keep large data out of the spec (a ConfigMap or Secret listed under policies.external)',
        );
      }
      const started = await startRun(deps, plan, id);
      // two requests with the same key at once: the one that lost the race answers like a repeat
      if (key && !started) return existingRun();
      return c.json({ id, application: plan.application, namespace: plan.namespace, revision: plan.revision, phase: 'Running', links: links(id) }, 202, { location: links(id).self });
    })
    .get('/', auth.require('viewer'), async (c) => {
      const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 20) || 20, 1), 100);
      const page = c.req.query('page');
      const answer = await temporal.workflowService.listWorkflowExecutions({
        namespace: temporal.options.namespace,
        query: listQuery(c.req.query()),
        pageSize: limit,
        ...(page ? { nextPageToken: Buffer.from(page, 'base64url') } : {}),
      });
      const allowed = auth.caller(c).namespaces;
      const runs = (answer.executions ?? []).map((w) => {
        const attrs = decodeTypedSearchAttributes(w.searchAttributes?.indexedFields as Record<string, Payload> | undefined);
        const id = w.execution?.workflowId ?? '';
        const status = STATUS_NAMES[w.status ?? 0] ?? 'UNKNOWN';
        const ms = (t?: Parameters<typeof timestampMs>[0]) => (t ? new Date(timestampMs(t)).toISOString() : undefined);
        return {
          id,
          phase: phaseOf(status, attrs.get(SEARCH_ATTRIBUTES.phase)),
          application: attrs.get(SEARCH_ATTRIBUTES.application),
          namespace: attrs.get(SEARCH_ATTRIBUTES.namespace),
          revision: attrs.get(SEARCH_ATTRIBUTES.revision),
          startTime: ms(w.startTime),
          ...(w.closeTime ? { closeTime: ms(w.closeTime) } : {}),
          links: links(id),
        };
      });
      // a token sees the runs of its namespaces only
      const visible = runs.filter((r) => namespaceAllowed(allowed, r.namespace ?? '*'));
      const next = answer.nextPageToken?.length ? Buffer.from(answer.nextPageToken).toString('base64url') : undefined;
      return c.json({ runs: visible, ...(next ? { next: `/v1/runs?${new URLSearchParams({ ...c.req.query(), page: next }).toString()}` } : {}) });
    })
    .get('/:id', auth.require('viewer'), async (c) => {
      const id = c.req.param('id');
      const description = await describeRun(temporal, id);
      auth.checkRun(c, description);
      const queried: RunStatus | undefined = await temporal.workflow.getHandle(id).query(statusQuery).catch(() => undefined);
      const status = queried && closedRunStatus(queried, description.status.name);
      if (status) await attachWaits(status, description.raw.pendingActivities ?? [], temporal);
      const phase = phaseOf(description.status.name, status?.phase);
      const redact = await deps.redaction.forRun(id);
      const plan = await planOf(temporal, id).catch(() => undefined);
      const answer = logTailsFor(auth.caller(c).role, {
        id,
        ...(status ?? {}),
        ...(plan ? { steps: withPlanShape(status?.steps, plan) } : {}),
        phase,
        temporalStatus: description.status.name,
        startTime: description.startTime.toISOString(),
        ...(description.closeTime ? { closeTime: description.closeTime.toISOString() } : {}),
        links: links(id),
      });
      return c.json(redact(answer));
    });
}
