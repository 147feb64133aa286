/**
 * The runs list, live: GET /v1/runs with the filters, polled every few seconds (the list has no
 * stream; a poll of one visibility query is cheap) and again at once when the filters change.
 */
import { useEffect, useState } from 'react';
import type { RunList } from '../../../client/index.js';
import { problemText, type Api } from '../api.js';
import { queryOfFilters, type RunsFilters } from './runs-filters.js';

export const RUNS_POLL_MS = 3_000;

export interface RunsView {
  list?: RunList;
  error?: string;
  /** 401: the page needs a (different) token. */
  unauthorized: boolean;
  /** When the list was last read. */
  at?: number;
}

export function useRuns(api: Api, filters: RunsFilters): RunsView {
  const [view, setView] = useState<RunsView>({ unauthorized: false });
  const key = JSON.stringify(queryOfFilters(filters));
  useEffect(() => {
    const ac = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const { data, error, response } = await api.client.GET('/v1/runs', { params: { query: { limit: '20', ...(JSON.parse(key) as Record<string, string>) } }, signal: ac.signal });
        if (ac.signal.aborted) return; // the filters changed while this read was answered: its list is stale
        if (data) setView({ list: data, unauthorized: false, at: Date.now() });
        else setView((v) => ({ ...v, error: problemText(response.status, error), unauthorized: response.status === 401 }));
      } catch (e) {
        if (ac.signal.aborted) return;
        setView((v) => ({ ...v, error: problemText(undefined, e), unauthorized: false }));
      }
      if (!ac.signal.aborted) timer = setTimeout(() => void load(), RUNS_POLL_MS);
    };
    void load();
    return () => {
      ac.abort();
      clearTimeout(timer);
    };
  }, [api, key]);
  return view;
}
