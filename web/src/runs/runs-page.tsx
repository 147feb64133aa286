/** The runs: filters kept in the URL, the list (live, see use-runs.ts), and pages via `next`. */
import { useEffect, useState, type FormEvent } from 'react';
import type { Api } from '../api.js';
import { Link, navigate, withQuery } from '../router.js';
import { runPhaseLook } from '../run/step-view.js';
import { filtersFromQuery, pageOfNext, queryOfFilters, RUN_PHASES, type RunsFilters } from './runs-filters.js';
import { RUNS_POLL_MS, useRuns } from './use-runs.js';

const age = (iso: string | undefined, now: number) => {
  if (!iso) return '';
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  return s < 60 ? `${s}s` : s < 3600 ? `${Math.floor(s / 60)}m` : s < 86_400 ? `${Math.floor(s / 3600)}h` : `${Math.floor(s / 86_400)}d`;
};

export function RunsPage({ api, query, onUnauthorized }: { api: Api; query: URLSearchParams; onUnauthorized: () => void }) {
  const filters = filtersFromQuery(query);
  const view = useRuns(api, filters);
  const [draft, setDraft] = useState<RunsFilters>(filters);
  const key = query.toString();
  useEffect(() => setDraft(filtersFromQuery(new URLSearchParams(key))), [key]);
  useEffect(() => {
    if (view.unauthorized) onUnauthorized();
  }, [view.unauthorized, onUnauthorized]);
  const go = (f: RunsFilters) => navigate(withQuery('/runs', queryOfFilters(f)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ ...draft, page: undefined });
  };
  const next = pageOfNext(view.list?.next);
  const now = view.at ?? Date.now();
  return (
    <main className="page">
      <h1>Runs</h1>
      <form className="filters" onSubmit={submit} aria-label="filters">
        <label>Application <input name="application" value={draft.application ?? ''} onChange={(e) => setDraft({ ...draft, application: e.target.value })} /></label>
        <label>Namespace <input name="namespace" value={draft.namespace ?? ''} onChange={(e) => setDraft({ ...draft, namespace: e.target.value })} /></label>
        <label>
          Phase{' '}
          <select name="phase" value={draft.phase ?? ''} onChange={(e) => go({ ...draft, phase: e.target.value, page: undefined })}>
            <option value="">any</option>
            {RUN_PHASES.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
        <button type="submit">Filter</button>
        <span className="muted">live: refreshed every {RUNS_POLL_MS / 1000}s</span>
      </form>
      {view.error ? <p className="error" role="alert">{view.error}</p> : null}
      <table className="runs">
        <thead><tr><th>Run</th><th>Application</th><th>Namespace</th><th>Phase</th><th>Age</th></tr></thead>
        <tbody>
          {(view.list?.runs ?? []).map((r) => {
            const look = runPhaseLook(r.phase);
            return (
              <tr key={r.id} data-run={r.id}>
                <td><Link href={`/runs/${encodeURIComponent(r.id)}`}>{r.id}</Link></td>
                <td>{r.application}</td>
                <td>{r.namespace}</td>
                <td><span className={`phase tone-${look.phase}`}><span aria-hidden="true">{look.icon}</span> {look.word}</span></td>
                <td title={r.startTime}>{age(r.startTime, now)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {view.list && view.list.runs.length === 0 ? <p className="muted">No runs{Object.keys(queryOfFilters(filters)).length ? ' match these filters' : ' yet'}.</p> : null}
      <nav className="pager">
        {filters.page ? <button type="button" onClick={() => go({ ...filters, page: undefined })}>« Newest</button> : null}
        {next ? <button type="button" onClick={() => go({ ...filters, page: next })}>Older »</button> : null}
      </nav>
    </main>
  );
}
