/**
 * One hook owns a run's live state: it reads the run (GET /v1/runs/:id, which carries the plan's
 * `dependsOn`), then follows its SSE stream with the bearer token (client/events.ts: fetch
 * streaming, reconnecting with Last-Event-ID). Each event changes the state at once (run-state.ts)
 * and asks for a fresh read of the run shortly after, for what events do not carry (attempts,
 * awaiting approval, a failure's events and logs).
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { followRunEvents, type RunStreamEvent } from '../../../client/index.js';
import { problemText, type Api } from '../api.js';
import { initialRunState, runReducer, type RunState } from './run-state.js';

/** How soon after an event the run is read again (events come in bursts). */
const REFRESH_AFTER_EVENT_MS = 150;
/** While the run is going, it is also read this often: an approval that starts waiting sends no event. */
const REFRESH_EVERY_MS = 5_000;

export interface RunView extends RunState {
  /** Reads the run again now (after an action). */
  refresh(): void;
}

export function useRun(api: Api, id: string): RunView {
  const [state, dispatch] = useReducer(runReducer, initialRunState);
  const refreshRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    const ac = new AbortController();
    let soon: ReturnType<typeof setTimeout> | undefined;
    let ended = false;
    const read = async () => {
      try {
        const { data, error, response } = await api.client.GET('/v1/runs/{id}', { params: { path: { id } }, signal: ac.signal });
        if (data) dispatch({ type: 'fetched', run: data });
        else dispatch({ type: 'failed', error: problemText(response.status, error) });
      } catch (e) {
        if (!ac.signal.aborted) dispatch({ type: 'failed', error: problemText(undefined, e) });
      }
    };
    const readSoon = (ms = REFRESH_AFTER_EVENT_MS) => {
      clearTimeout(soon);
      soon = setTimeout(() => void read(), ms);
    };
    refreshRef.current = () => readSoon(0);
    const every = setInterval(() => {
      if (!ended) void read();
    }, REFRESH_EVERY_MS);
    void read();
    followRunEvents({
      server: api.server,
      ...(api.token ? { token: api.token } : {}),
      runId: id,
      signal: ac.signal,
      maxRetryMs: 3_000,
      onOpen: () => {
        dispatch({ type: 'connection', connection: { state: 'live' } });
        // back after a drop: what happened meanwhile that events do not say
        readSoon();
      },
      onReconnect: (attempt, reason) => dispatch({ type: 'connection', connection: { state: 'reconnecting', attempt, reason } }),
      onEvent: (event: RunStreamEvent) => {
        dispatch({ type: 'event', event });
        readSoon();
      },
    }).then(
      () => {
        ended = true;
        dispatch({ type: 'connection', connection: { state: 'ended' } });
        readSoon();
      },
      (e: unknown) => {
        if (!ac.signal.aborted) dispatch({ type: 'connection', connection: { state: 'refused', reason: problemText(undefined, e) } });
      },
    );
    return () => {
      ac.abort();
      clearTimeout(soon);
      clearInterval(every);
    };
  }, [api, id]);
  const refresh = useCallback(() => refreshRef.current(), []);
  return { ...state, refresh };
}
