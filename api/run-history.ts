/**
 * GET /v1/runs/:id/history: the run's Temporal event history, summarised per step: the
 * activities it ran, their attempts, failures and durations, with a link to the same run in the
 * Temporal Web UI (where every event is). Activities are tied to steps by their wait id
 * (`wait/<step>/...`), their `step` input, or the component they apply.
 */
import { Hono } from 'hono';
import type { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import type { Plan } from '../src/index.js';
import type { Auth } from './auth.js';
import type { RunRedaction } from './run-redaction.js';
import { decodePayload, planOf, timestampMs } from './payloads.js';
import { describeRun, PHASE_BY_TEMPORAL, runLinks } from './runs.js';

interface ActivitySummary {
  activity: string;
  activityId: string;
  attempts: number;
  outcome: 'Running' | 'Completed' | 'Failed' | 'TimedOut' | 'Cancelled';
  failure?: string;
  scheduledAt: string;
  seconds?: number;
}

export interface StepHistory {
  step: string;
  activities: ActivitySummary[];
  attempts: number;
  failures: string[];
  seconds?: number;
}


interface RawFailure {
  message?: string | null;
  encodedAttributes?: unknown;
  cause?: RawFailure | null;
}

/** A failure's message; with the codec the message is in its encoded attributes ("Encoded failure" outside). */
async function failureMessage(temporal: Client, failure: RawFailure): Promise<string | undefined> {
  if (failure.encodedAttributes) {
    const attrs = await decodePayload<{ message?: string }>(temporal, failure.encodedAttributes as Payload).catch(() => undefined);
    if (attrs?.message) return attrs.message;
  }
  return failure.message ?? undefined;
}

async function stepOf(temporal: Client, plan: Plan, activityId: string, input: Payload | undefined): Promise<string> {
  const wait = /^wait\/([^/]+)\//.exec(activityId);
  if (wait?.[1]) return wait[1];
  const args = input ? await decodePayload<{ step?: string; component?: string }>(temporal, input).catch(() => undefined) : undefined;
  if (args?.step) return args.step;
  if (args?.component) return plan.steps.find((s) => s.components.includes(args.component as string))?.name ?? '(run)';
  return '(run)';
}

export async function summariseHistory(temporal: Client, id: string): Promise<{ steps: StepHistory[]; events: number; updates: { step?: string; approved?: boolean; by?: string; at: string }[] }> {
  const plan = await planOf(temporal, id);
  const history = await temporal.workflow.getHandle(id).fetchHistory();
  const byScheduled = new Map<string, ActivitySummary & { step: string; scheduledMs: number }>();
  const updates: { step?: string; approved?: boolean; by?: string; at: string }[] = [];
  for (const e of history.events ?? []) {
    const at = timestampMs(e.eventTime);
    const scheduled = e.activityTaskScheduledEventAttributes;
    if (scheduled) {
      const activityId = scheduled.activityId ?? '';
      const step = await stepOf(temporal, plan, activityId, scheduled.input?.payloads?.[0] as Payload | undefined);
      byScheduled.set(String(e.eventId), { step, activity: scheduled.activityType?.name ?? '?', activityId, attempts: 0, outcome: 'Running', scheduledAt: new Date(at).toISOString(), scheduledMs: at });
      continue;
    }
    const started = e.activityTaskStartedEventAttributes;
    if (started) {
      const a = byScheduled.get(String(started.scheduledEventId));
      if (a) a.attempts = started.attempt ?? 1;
      continue;
    }
    const closed =
      (e.activityTaskCompletedEventAttributes && { outcome: 'Completed' as const, attrs: e.activityTaskCompletedEventAttributes }) ||
      (e.activityTaskFailedEventAttributes && { outcome: 'Failed' as const, attrs: e.activityTaskFailedEventAttributes }) ||
      (e.activityTaskTimedOutEventAttributes && { outcome: 'TimedOut' as const, attrs: e.activityTaskTimedOutEventAttributes }) ||
      (e.activityTaskCanceledEventAttributes && { outcome: 'Cancelled' as const, attrs: e.activityTaskCanceledEventAttributes });
    if (closed) {
      const a = byScheduled.get(String(closed.attrs.scheduledEventId));
      if (!a) continue;
      a.outcome = closed.outcome;
      a.seconds = (at - a.scheduledMs) / 1000;
      const failure = (closed.attrs as { failure?: RawFailure | null }).failure;
      if (failure) a.failure = await failureMessage(temporal, failure.cause ?? failure);
      continue;
    }
    const accepted = e.workflowExecutionUpdateAcceptedEventAttributes;
    if (accepted) {
      const payload = accepted.acceptedRequest?.input?.args?.payloads?.[0] as Payload | undefined;
      const decision = payload ? await decodePayload<{ step?: string; approved?: boolean; by?: string }>(temporal, payload).catch(() => undefined) : undefined;
      updates.push({ ...(decision ?? {}), at: new Date(at).toISOString() });
    }
  }
  const steps = new Map<string, StepHistory>(plan.steps.map((s) => [s.name, { step: s.name, activities: [], attempts: 0, failures: [] }]));
  for (const entry of byScheduled.values()) {
    const { step } = entry;
    const a: ActivitySummary = { activity: entry.activity, activityId: entry.activityId, attempts: entry.attempts, outcome: entry.outcome, scheduledAt: entry.scheduledAt, ...(entry.failure ? { failure: entry.failure } : {}), ...(entry.seconds !== undefined ? { seconds: entry.seconds } : {}) };
    const s = steps.get(step) ?? steps.set(step, { step, activities: [], attempts: 0, failures: [] }).get(step)!;
    s.activities.push(a);
    s.attempts += a.attempts;
    if (a.failure) s.failures.push(a.failure);
  }
  for (const s of steps.values()) {
    const times = s.activities.filter((a) => a.seconds !== undefined).map((a) => [Date.parse(a.scheduledAt), Date.parse(a.scheduledAt) + (a.seconds ?? 0) * 1000] as const);
    if (times.length) s.seconds = (Math.max(...times.map((t) => t[1])) - Math.min(...times.map((t) => t[0]))) / 1000;
  }
  return { steps: [...steps.values()], events: history.events?.length ?? 0, updates };
}

export function createRunHistoryRoutes(deps: { temporal: Client; uiUrl: string; auth: Auth; redaction: RunRedaction }) {
  const { temporal, uiUrl, auth } = deps;
  return new Hono().get('/:id/history', auth.require('viewer'), async (c) => {
    const id = c.req.param('id');
    const description = await describeRun(temporal, id);
    auth.checkRun(c, description);
    const summary = await summariseHistory(temporal, id);
    const redact = await deps.redaction.forRun(id);
    return c.json(redact({
      id,
      phase: PHASE_BY_TEMPORAL[description.status.name] ?? 'Running',
      temporalStatus: description.status.name,
      startTime: description.startTime.toISOString(),
      ...(description.closeTime ? { closeTime: description.closeTime.toISOString(), seconds: (description.closeTime.getTime() - description.startTime.getTime()) / 1000 } : {}),
      ...summary,
      links: runLinks(temporal, uiUrl, id),
    }));
  });
}
