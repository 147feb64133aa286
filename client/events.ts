/**
 * Follows a run's Server-Sent Events with fetch streaming and eventsource-parser (the browser's
 * EventSource cannot send an Authorization header). When the stream drops or the API restarts it
 * reconnects with `Last-Event-ID`, so nothing is missed and nothing repeats; it ends when the run's
 * final `run` event has been seen (or the server answers 204: nothing more will come).
 */
import { createParser } from 'eventsource-parser';

export interface RunStreamEvent {
  /** `run`, `step`, `progress` or `error` */
  event: string;
  /** The sequence number (absent for `progress`, which is not in the run's log). */
  id?: string;
  data: unknown;
}

export interface FollowOptions {
  server: string;
  token?: string;
  runId: string;
  onEvent: (e: RunStreamEvent) => void;
  /** Told each time the stream drops and a reconnect is tried (attempt counts from 1). */
  onReconnect?: (attempt: number, reason: string) => void;
  /** Told each time the stream is open (again): the first time and after every reconnect. */
  onOpen?: () => void;
  signal?: AbortSignal;
  lastEventId?: string;
  fetch?: typeof globalThis.fetch;
  /** Wait before reconnecting (ms), doubling up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
}

/** True for the event that ends a run's stream: the run's event marked final. */
export function isFinalRunEvent(e: RunStreamEvent): boolean {
  return e.event === 'run' && (e.data as { final?: boolean } | null)?.final === true;
}

/** An answer that will not get better by reconnecting (the run is unknown, or the token refused). */
export class StreamRefusedError extends Error {
  constructor(readonly status: number, readonly body: string) {
    super(`the events stream answered ${status}: ${body.slice(0, 300)}`);
    this.name = 'StreamRefusedError';
  }
}

function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Feeds the body's text to the parser until it ends or `done()` says the run has. */
async function feedUntil(body: ReadableStream<Uint8Array>, feed: (text: string) => void, done: () => boolean): Promise<void> {
  // a reader, not async iteration: the same code in Node and in every browser
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    while (!done()) {
      const next = await reader.read();
      if (next.done) return;
      feed(decoder.decode(next.value, { stream: true }));
    }
    await reader.cancel();
  } finally {
    reader.releaseLock();
  }
}

export async function followRunEvents(opts: FollowOptions): Promise<void> {
  const doFetch = opts.fetch ?? globalThis.fetch;
  const url = `${opts.server.replace(/\/+$/, '')}/v1/runs/${encodeURIComponent(opts.runId)}/events`;
  let lastId = opts.lastEventId;
  let attempt = 0;
  let delay = opts.retryMs ?? 500;
  for (;;) {
    let ended = false;
    let reason = 'the stream ended before the run did';
    try {
      const res = await doFetch(url, {
        headers: { accept: 'text/event-stream', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...(lastId ? { 'last-event-id': lastId } : {}) },
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
      if (res.status === 204) return;
      if (res.status >= 400 && res.status < 500) throw new StreamRefusedError(res.status, await res.text());
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      attempt = 0;
      delay = opts.retryMs ?? 500;
      const parser = createParser({
        onEvent: (m) => {
          if (m.id) lastId = m.id;
          const e: RunStreamEvent = { event: m.event ?? 'message', data: jsonOrText(m.data), ...(m.id ? { id: m.id } : {}) };
          opts.onEvent(e);
          if (isFinalRunEvent(e)) ended = true;
        },
      });
      opts.onOpen?.();
      await feedUntil(res.body, (text) => parser.feed(text), () => ended);
    } catch (e) {
      if (e instanceof StreamRefusedError || opts.signal?.aborted) throw e;
      reason = (e as Error).message;
    }
    if (ended) return;
    attempt += 1;
    opts.onReconnect?.(attempt, reason);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, opts.maxRetryMs ?? 5_000);
  }
}
