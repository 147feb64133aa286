/** Reads the three registries once (they change only when the API restarts with other plugins). */
import { useEffect, useState } from 'react';
import { problemText, type Api } from '../api.js';
import { componentTypeEntries, stepTypeEntries, traitEntries, type RegistryEntry } from './registry-view.js';

export interface RegistriesView {
  componentTypes?: RegistryEntry[];
  traits?: RegistryEntry[];
  stepTypes?: RegistryEntry[];
  error?: string;
  unauthorized: boolean;
}

export function useRegistries(api: Api): RegistriesView {
  const [view, setView] = useState<RegistriesView>({ unauthorized: false });
  useEffect(() => {
    const ac = new AbortController();
    const opts = { signal: ac.signal };
    Promise.all([api.client.GET('/v1/component-types', opts), api.client.GET('/v1/traits', opts), api.client.GET('/v1/step-types', opts)]).then(
      ([c, t, s]) => {
        const failed = [c, t, s].find((r) => !r.data);
        if (failed) setView({ error: problemText(failed.response.status, failed.error), unauthorized: failed.response.status === 401 });
        else setView({ componentTypes: componentTypeEntries(c.data ?? {}), traits: traitEntries(t.data ?? {}), stepTypes: stepTypeEntries(s.data ?? {}), unauthorized: false });
      },
      (e: unknown) => {
        if (!ac.signal.aborted) setView({ error: problemText(undefined, e), unauthorized: false });
      },
    );
    return () => ac.abort();
  }, [api]);
  return view;
}
