/**
 * The runs list's filters and page, read from and written to the URL query, so a filtered list
 * is a link. Pure.
 */
export const RUN_PHASES = ['Queued', 'Running', 'Succeeded', 'Failed', 'Cancelled'] as const;

export interface RunsFilters {
  application?: string;
  namespace?: string;
  phase?: string;
  /** The page token from the list's `next` link. */
  page?: string;
  /** Runs per page (the API's default is 20, its most 100). */
  limit?: string;
}

const KEYS = ['application', 'namespace', 'phase', 'page', 'limit'] as const;

export function filtersFromQuery(query: URLSearchParams): RunsFilters {
  const f: RunsFilters = {};
  for (const k of KEYS) {
    const v = query.get(k)?.trim();
    if (v) f[k] = v;
  }
  return f;
}

/** The query of GET /v1/runs for these filters (and the console's own URL: the same names). */
export function queryOfFilters(f: RunsFilters): Record<string, string> {
  return Object.fromEntries(KEYS.flatMap((k) => (f[k] ? [[k, f[k]]] : [])));
}

/** The page token of a `next` link (`/v1/runs?...&page=TOKEN`). */
export function pageOfNext(next: string | undefined): string | undefined {
  if (!next) return undefined;
  return new URL(next, 'http://x').searchParams.get('page') ?? undefined;
}
