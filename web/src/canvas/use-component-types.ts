/** The registry's component types (GET /v1/component-types), for the palette and the type field. */
import { useEffect, useState } from 'react';
import { problemText, type Api } from '../api.js';

export interface ComponentTypeInfo {
  name: string;
  description?: string;
  workload?: string;
  stage?: string;
  exposesService?: boolean;
}

export interface ComponentTypes {
  types: ComponentTypeInfo[];
  error?: string;
  unauthorized: boolean;
}

export function useComponentTypes(api: Api): ComponentTypes {
  const [view, setView] = useState<ComponentTypes>({ types: [], unauthorized: false });
  useEffect(() => {
    const ac = new AbortController();
    api.client
      .GET('/v1/component-types', { signal: ac.signal })
      .then(({ data, error, response }) => {
        if (data) setView({ types: (data.componentTypes ?? []) as unknown as ComponentTypeInfo[], unauthorized: false });
        else setView({ types: [], error: problemText(response.status, error), unauthorized: response.status === 401 });
      })
      .catch((e: unknown) => {
        if (!ac.signal.aborted) setView({ types: [], error: problemText(undefined, e), unauthorized: false });
      });
    return () => ac.abort();
  }, [api]);
  return view;
}
