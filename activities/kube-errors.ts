/**
 * Maps Kubernetes API errors to Temporal failures: a request the API server will reject again
 * (400, 403, 404, 422) fails the activity for good with a typed reason; anything else (409,
 * 429, 5xx, network) is retried by Temporal, typed KubeHttp<code> or KubeUnreachable.
 */
import { ApiException } from '@kubernetes/client-node';
import { ApplicationFailure } from '@temporalio/activity';
import type { PermanentFailureType } from '../src/failure-types.js';

const PERMANENT: Readonly<Record<number, PermanentFailureType>> = {
  400: 'KubeBadRequest',
  403: 'KubeForbidden',
  404: 'KubeNotFound',
  422: 'KubeInvalid',
};

/** One field the API server names in a refusal (a conflict's manager, an invalid field). */
export interface StatusCause {
  /** The cause's type (Kubernetes serialises it as `reason`), e.g. FieldManagerConflict. */
  reason?: string;
  message?: string;
  field?: string;
}

/** The Status object the API server answered an error with (parts KubeMin reads). */
export interface KubeStatus {
  message?: string;
  reason?: string;
  details?: { causes?: StatusCause[] };
}

/** The API server's Status for an error, or undefined when `e` is no API answer. */
export function kubeStatusOf(e: unknown): KubeStatus | undefined {
  if (!(e instanceof ApiException)) return undefined;
  const body: unknown = e.body;
  if (typeof body !== 'string') return (body as KubeStatus | undefined) ?? undefined;
  try {
    return JSON.parse(body) as KubeStatus;
  } catch {
    return { message: body };
  }
}

function apiMessage(e: ApiException<unknown>): string {
  return kubeStatusOf(e)?.message ?? (typeof e.body === 'string' ? e.body : e.message);
}

/** Rethrows `e` as a non-retryable failure when the API server rejected the request for good. */
export function rethrowKubeError(e: unknown, what: string): never {
  if (e instanceof ApiException) {
    const type = PERMANENT[e.code];
    const message = `${what}: ${apiMessage(e)}`;
    if (type) throw ApplicationFailure.nonRetryable(message, type, { status: e.code });
    throw ApplicationFailure.retryable(message, `KubeHttp${e.code}`, { status: e.code });
  }
  // no answer at all (refused, reset, DNS, TLS): retried, and counted as a Kubernetes API error
  const code = (e as { code?: unknown }).code;
  if (e instanceof Error && (e.name === 'FetchError' || (typeof code === 'string' && /^E[A-Z_]+$/.test(code)))) {
    throw ApplicationFailure.retryable(`${what}: the Kubernetes API server did not answer: ${e.message}`, 'KubeUnreachable');
  }
  throw e;
}

export const isKubeStatus = (e: unknown, code: number): boolean => e instanceof ApiException && e.code === code;
