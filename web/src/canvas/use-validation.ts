/**
 * Live validation: the spec goes to POST /v1/validate a moment after the last edit (debounced;
 * an answer to an older spec is dropped), and the answer is its revision and plan, or its errors
 * by JSON path (placed on the nodes by error-places.ts).
 */
import { useEffect, useState } from 'react';
import type { Application } from '../../../client/index.js';
import { problemText, type Api } from '../api.js';
import type { SpecError } from './error-places.js';

export const VALIDATE_DELAY_MS = 400;

export type Validation =
  | { state: 'checking' }
  | { state: 'valid'; revision: string; steps: number }
  | { state: 'invalid'; detail: string; errors: SpecError[] }
  /** The API did not answer, or answered something else than valid/invalid (401 included). */
  | { state: 'failed'; status: number | undefined; detail: string };

interface ProblemBody {
  detail?: string;
  title?: string;
  errors?: SpecError[];
}

/** Validates `spec` (a plain object) after `delayMs` without a change. */
export function useValidation(api: Api, spec: Record<string, unknown>, delayMs = VALIDATE_DELAY_MS): Validation {
  const [result, setResult] = useState<Validation>({ state: 'checking' });
  const text = JSON.stringify(spec);
  useEffect(() => {
    const ac = new AbortController();
    setResult({ state: 'checking' });
    const timer = setTimeout(() => {
      const check = async () => {
        const body = JSON.parse(text) as Application;
        const { data, error, response } = await api.client.POST('/v1/validate', { body, signal: ac.signal });
        if (ac.signal.aborted) return;
        if (data) return setResult({ state: 'valid', revision: data.revision, steps: data.plan.steps.length });
        const p = error as ProblemBody | undefined;
        if (response.status === 400 || response.status === 403 || response.status === 413) {
          return setResult({ state: 'invalid', detail: p?.detail ?? p?.title ?? 'invalid', errors: p?.errors?.length ? p.errors : [{ path: '$', message: p?.detail ?? 'invalid' }] });
        }
        setResult({ state: 'failed', status: response.status, detail: problemText(response.status, error) });
      };
      check().catch((e: unknown) => {
        if (!ac.signal.aborted) setResult({ state: 'failed', status: undefined, detail: problemText(undefined, e) });
      });
    }, delayMs);
    return () => {
      ac.abort();
      clearTimeout(timer);
    };
  }, [api, text, delayMs]);
  return result;
}
