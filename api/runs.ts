/** /v1/runs: start a run of a spec, list the newest runs, and read a run's phase and per-step status. */
import { Hono } from 'hono';
import { WorkflowNotFoundError, type Client, type WorkflowExecutionStatusName } from '@temporalio/client';
import { compile, NotFoundError, validateSpecText, type Plan, type PreviousRevision } from '../src/index.js';
import type { RolloutProgress } from '../activities/index.js';
import { RUN_WORKFLOW_TYPE, SEARCH_ATTRIBUTES, statusQuery, type RunPhase, type RunStatus } from '../workflows/contract.js';

export interface RunsDeps {
  temporal: Client;
  taskQueue: string;
  /** Base URL of the Temporal Web UI, for links. */
  uiUrl: string;
}

const PHASE_BY_TEMPORAL: Readonly<Partial<Record<WorkflowExecutionStatusName, RunPhase>>> = {
  RUNNING: 'Running',
  COMPLETED: 'Succeeded',
  FAILED: 'Failed',
  TIMED_OUT: 'Failed',
  TERMINATED: 'Failed',
  CANCELLED: 'Cancelled',
};

interface PendingActivity {
  activityId?: string | null;
  heartbeatDetails?: { payloads?: unknown[] | null } | null;
}

/**
 * What a running step waits for, from its wait activities' newest heartbeat (the workflow only
 * learns it when the activity ends): readiness counts, and whether pods wait for capacity, with
 * the scheduler's reason.
 */
function attachWaits(status: RunStatus, pending: readonly PendingActivity[], temporal: Client): void {
  const converter = temporal.options.loadedDataConverter.payloadConverter;
  for (const a of pending) {
    const [, step] = /^wait\/([^/]+)\//.exec(a.activityId ?? '') ?? [];
    const payload = a.heartbeatDetails?.payloads?.[0];
    const s = status.steps.find((x) => x.name === step);
    if (!s || !payload || s.phase !== 'Running') continue;
    const progress = converter.fromPayload(payload as never) as RolloutProgress;
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
  const query = listQuery({ application: plan.application, namespace: plan.namespace, phase: 'Succeeded' });
  for await (const w of temporal.workflow.list({ query, pageSize: 1 })) {
    const history = await temporal.workflow.getHandle(w.workflowId, w.runId).fetchHistory();
    const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    if (!payload) return undefined;
    const started = temporal.options.loadedDataConverter.payloadConverter.fromPayload(payload) as Plan;
    return { revision: started.revision, run: w.workflowId, spec: started.spec };
  }
  return undefined;
}

function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 8).padEnd(6, '0');
}

export function createRunsRoutes({ temporal, taskQueue, uiUrl }: RunsDeps) {
  const links = (id: string) => ({
    self: `/v1/runs/${encodeURIComponent(id)}`,
    temporalUi: `${uiUrl}/namespaces/${encodeURIComponent(temporal.options.namespace)}/workflows/${encodeURIComponent(id)}`,
  });

  return new Hono()
    .post('/', async (c) => {
      const spec = validateSpecText(await c.req.text());
      const plan = compile(spec);
      if (spec.onFailure === 'rollback') {
        const previous = await lastSuccess(temporal, plan);
        if (previous) plan.previous = previous;
      }
      const id = `${plan.application}-${plan.revision.slice(0, 8)}-${randomSuffix()}`;
      await temporal.workflow.start(RUN_WORKFLOW_TYPE, {
        workflowId: id,
        taskQueue,
        args: [plan],
        memo: { application: plan.application, namespace: plan.namespace, revision: plan.revision },
        typedSearchAttributes: [
          { key: SEARCH_ATTRIBUTES.application, value: plan.application },
          { key: SEARCH_ATTRIBUTES.namespace, value: plan.namespace },
          { key: SEARCH_ATTRIBUTES.revision, value: plan.revision },
          { key: SEARCH_ATTRIBUTES.phase, value: 'Running' },
        ],
      });
      return c.json({ id, application: plan.application, namespace: plan.namespace, revision: plan.revision, phase: 'Running', links: links(id) }, 202, {
        location: links(id).self,
      });
    })
    .get('/', async (c) => {
      const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 20) || 20, 1), 100);
      const runs = [];
      for await (const w of temporal.workflow.list({ query: listQuery(c.req.query()), pageSize: limit })) {
        runs.push({
          id: w.workflowId,
          phase: PHASE_BY_TEMPORAL[w.status.name] ?? 'Running',
          application: w.memo?.application,
          namespace: w.memo?.namespace,
          revision: w.memo?.revision,
          startTime: w.startTime.toISOString(),
          ...(w.closeTime ? { closeTime: w.closeTime.toISOString() } : {}),
          links: links(w.workflowId),
        });
        if (runs.length >= limit) break;
      }
      return c.json({ runs });
    })
    .get('/:id', async (c) => {
      const id = c.req.param('id');
      const handle = temporal.workflow.getHandle(id);
      let description;
      try {
        description = await handle.describe();
      } catch (e) {
        if (e instanceof WorkflowNotFoundError) throw new NotFoundError(`run "${id}"`, 'list runs with GET /v1/runs to find its id');
        throw e;
      }
      const status: RunStatus | undefined = await handle.query(statusQuery).catch(() => undefined);
      if (status) attachWaits(status, description.raw.pendingActivities ?? [], temporal);
      const phase = PHASE_BY_TEMPORAL[description.status.name] ?? status?.phase ?? 'Running';
      return c.json({
        id,
        ...(status ?? {}),
        phase,
        temporalStatus: description.status.name,
        startTime: description.startTime.toISOString(),
        ...(description.closeTime ? { closeTime: description.closeTime.toISOString() } : {}),
        links: links(id),
      });
    });
}
