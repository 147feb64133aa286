/** The shell: a header, and the page the path names (/ and /runs: the runs; /runs/:id: a run; /registries). */
import { lazy, Suspense, useMemo, useState } from 'react';
import { createApi, saveToken } from './api.js';
import { Link, usePlace } from './router.js';
import { RegistriesPage } from './registries/registries-page.js';
import { RunsPage } from './runs/runs-page.js';
import { TokenForm } from './token-form.js';

// the graph (React Flow, dagre) loads with the first run page, not with the runs list
const RunPage = lazy(() => import('./run/run-page.js').then((m) => ({ default: m.RunPage })));
const CanvasPage = lazy(() => import('./canvas/canvas-page.js').then((m) => ({ default: m.CanvasPage })));

export function App({ server, initialToken }: { server: string; initialToken: string | undefined }) {
  const [token, setToken] = useState(initialToken);
  const [asking, setAsking] = useState(false);
  const api = useMemo(() => createApi(server, token), [server, token]);
  const place = usePlace();
  const runMatch = /^\/runs\/([^/]+)\/?$/.exec(place.path);
  const signIn = (t: string) => {
    saveToken(window.localStorage, t);
    setToken(t || undefined);
    setAsking(false);
  };
  const page = runMatch ? (
    <RunPage api={api} id={decodeURIComponent(runMatch[1] as string)} selected={place.query.get('step') ?? undefined} onUnauthorized={() => setAsking(true)} />
  ) : place.path === '/apps/new' ? (
    <CanvasPage api={api} onUnauthorized={() => setAsking(true)} />
  ) : place.path === '/' || place.path === '/runs' || place.path === '/runs/' ? (
    <RunsPage api={api} query={place.query} onUnauthorized={() => setAsking(true)} />
  ) : place.path === '/registries' ? (
    <RegistriesPage api={api} onUnauthorized={() => setAsking(true)} />
  ) : (
    <main className="page"><p>No page at {place.path}. <Link href="/runs">See the runs</Link>.</p></main>
  );
  return (
    <div className="shell">
      <header className="top">
        <Link href="/runs" className="brand">KubeMin</Link>
        <nav><Link href="/runs">Runs</Link> <Link href="/apps/new">New application</Link> <Link href="/registries">Registries</Link></nav>
        <button type="button" className="link" onClick={() => setAsking((a) => !a)}>{token ? 'Token ✓' : 'Token'}</button>
      </header>
      {asking ? <TokenForm current={token} onSave={signIn} onCancel={() => setAsking(false)} /> : null}
      <Suspense fallback={<main className="page muted">Loading…</main>}>{page}</Suspense>
    </div>
  );
}
