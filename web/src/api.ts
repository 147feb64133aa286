/**
 * The console's access to the API: the one typed client (client/index.ts, shared with the
 * CLI) on this page's origin, with the bearer token. The token comes from `?token=` once (then
 * it is kept in localStorage and taken out of the address bar) or from localStorage.
 */
import { createKubeMinClient, type KubeMinClient } from '../../client/index.js';

const TOKEN_KEY = 'kubemin.token';

/** Takes `?token=` out of the URL into storage; answers the token to use (undefined: none). */
export function takeToken(location: Location, storage: Storage, history: History): string | undefined {
  const url = new URL(location.href);
  const given = url.searchParams.get('token');
  if (given !== null) {
    if (given) storage.setItem(TOKEN_KEY, given);
    else storage.removeItem(TOKEN_KEY);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  return storage.getItem(TOKEN_KEY) ?? undefined;
}

export function saveToken(storage: Storage, token: string): void {
  if (token) storage.setItem(TOKEN_KEY, token);
  else storage.removeItem(TOKEN_KEY);
}

export interface Api {
  server: string;
  token?: string;
  client: KubeMinClient;
}

export function createApi(server: string, token: string | undefined): Api {
  return { server, ...(token ? { token } : {}), client: createKubeMinClient({ server, ...(token ? { token } : {}) }) };
}

/** A problem answer (or a network failure) as one line. */
export function problemText(status: number | undefined, error: unknown): string {
  const p = error as { title?: string; detail?: string } | undefined;
  const text = p?.detail ?? p?.title ?? (error instanceof Error ? error.message : 'the API did not answer');
  return status ? `${status}: ${text}` : text;
}
