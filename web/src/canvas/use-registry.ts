/** The registry's component types and traits (GET /v1/component-types, /v1/traits), for the palette and the form. */
import { useEffect, useState } from 'react';
import { problemText, type Api } from '../api.js';
import type { ComponentTypeInfo, TraitInfo } from './registry-view.js';

export interface RegistryView {
  types: ComponentTypeInfo[];
  traits: TraitInfo[];
  error?: string;
  unauthorized: boolean;
}

export function useRegistry(api: Api): RegistryView {
  const [view, setView] = useState<RegistryView>({ types: [], traits: [], unauthorized: false });
  useEffect(() => {
    const ac = new AbortController();
    const load = async () => {
      const [types, traits] = await Promise.all([api.client.GET('/v1/component-types', { signal: ac.signal }), api.client.GET('/v1/traits', { signal: ac.signal })]);
      const failed = !types.data ? types : !traits.data ? traits : undefined;
      if (failed) return setView({ types: [], traits: [], error: problemText(failed.response.status, failed.error), unauthorized: failed.response.status === 401 });
      setView({ types: (types.data?.componentTypes ?? []) as unknown as ComponentTypeInfo[], traits: (traits.data?.traits ?? []) as unknown as TraitInfo[], unauthorized: false });
    };
    load().catch((e: unknown) => {
      if (!ac.signal.aborted) setView({ types: [], traits: [], error: problemText(undefined, e), unauthorized: false });
    });
    return () => ac.abort();
  }, [api]);
  return view;
}
