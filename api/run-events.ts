/**
 * GET /v1/runs/:id/events: Server-Sent Events, one per entry of the run's event log (step
 * phases and progress, the run's phase), until the run's final event. Each event's `id` is its
 * sequence number: a client that reconnects with `Last-Event-ID` gets what came after it, so
 * nothing is missed. While a step waits on a rollout, `progress` events (no id: they are not in
 * the log) carry the newest heartbeat, e.g. waiting for capacity with the scheduler's reason.
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Client } from '@temporalio/client';
import { eventsQuery, statusQuery, type RunEvent } from '../workflows/contract.js';
import type { Auth } from './auth.js';
import type { Redact, RunRedaction } from './run-redaction.js';
import { attachWaits, describeRun, PHASE_BY_TEMPORAL } from './runs.js';

const POLL_MS = 500;
const KEEPALIVE_MS = 15_000;

/** What running steps wait for now (from heartbeats), as JSON; undefined when nothing waits. */
async function waitingNow(temporal: Client, id: string, pending: Parameters<typeof attachWaits>[1], redact: Redact): Promise<string | undefined> {
  // only wait activities heartbeat progress: without one pending, nothing to ask the run
  if (!pending.some((a) => a.activityId?.startsWith('wait/'))) return undefined;
  const status = await temporal.workflow.getHandle(id).query(statusQuery).catch(() => undefined);
  if (!status) return undefined;
  await attachWaits(status, pending, temporal);
  const waiting = status.steps.filter((s) => s.waiting?.length).map((s) => ({ step: s.name, waiting: s.waiting, waitingForCapacity: s.waitingForCapacity === true }));
  return waiting.length ? JSON.stringify(redact(waiting)) : undefined;
}

export function createRunEventsRoutes(deps: { temporal: Client; auth: Auth; redaction: RunRedaction; pollMs?: number }) {
  const { temporal, auth } = deps;
  const pollMs = deps.pollMs ?? POLL_MS;
  return new Hono().get('/:id/events', auth.require('viewer'), async (c) => {
    const id = c.req.param('id');
    const described = await describeRun(temporal, id);
    auth.checkRun(c, described); // 404 or 403 before the stream starts
    const redact = await deps.redaction.forRun(id);
    const handle = temporal.workflow.getHandle(id);
    let after = Number(c.req.header('last-event-id') ?? c.req.query('after') ?? 0) || 0;
    // a client that already saw the end of an ended run: 204 tells an EventSource to stop reconnecting
    if (after > 0 && described.status.name !== 'RUNNING' && (await handle.query(eventsQuery, after).catch(() => [])).length === 0) return c.body(null, 204);
    return streamSSE(c, async (stream) => {
      let lastWrite = Date.now();
      let lastProgress = '';
      let closed = false;
      stream.onAbort(() => {
        closed = true;
      });
      while (!closed) {
        const events: RunEvent[] = await handle.query(eventsQuery, after).catch(() => []);
        for (const e of events) {
          await stream.writeSSE({ id: String(e.seq), event: e.step ? 'step' : 'run', data: JSON.stringify(redact(e)) });
          after = e.seq;
          lastWrite = Date.now();
          if (e.final) return;
        }
        if (events.length > 0) continue;
        const description = await handle.describe();
        if (description.status.name !== 'RUNNING') {
          // it may have ended between the two reads: its last events first, if they can be read
          if ((await handle.query(eventsQuery, after).catch(() => [])).length) continue;
          // ended without a final event we can read (terminated, or the worker is gone)
          const phase = PHASE_BY_TEMPORAL[description.status.name] ?? 'Failed';
          await stream.writeSSE({ event: 'run', data: JSON.stringify({ phase, temporalStatus: description.status.name, final: true }) });
          return;
        }
        const progress = await waitingNow(temporal, id, description.raw.pendingActivities ?? [], redact);
        if (progress && progress !== lastProgress) {
          await stream.writeSSE({ event: 'progress', data: progress });
          lastProgress = progress;
          lastWrite = Date.now();
        }
        if (Date.now() - lastWrite > KEEPALIVE_MS) {
          await stream.write(': keep-alive\n\n');
          lastWrite = Date.now();
        }
        await stream.sleep(pollMs);
      }
    }, async (e, stream) => {
      // the stream has begun: say what went wrong as an event; the client reconnects with Last-Event-ID
      await stream.writeSSE({ event: 'error', data: JSON.stringify(redact({ message: e.message, hint: 'reconnect with Last-Event-ID to go on' })) });
    });
  });
}
