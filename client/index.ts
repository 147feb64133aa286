/**
 * The one typed client of the KubeMin API, shared by the `kubemin` CLI and the web console:
 * openapi-fetch over the types generated from /openapi.json (client/api-types.ts), so a route or
 * body that drifts from the document fails the typecheck. It runs in Node 20 and in browsers.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './api-types.js';

export type { components, paths } from './api-types.js';
export { followRunEvents, type RunStreamEvent, type FollowOptions } from './events.js';

export interface ClientOptions {
  /** Base URL of the API, e.g. http://127.0.0.1:8080 */
  server: string;
  /** A bearer token (KUBEMIN_API_TOKENS); absent: the API runs open (dev mode). */
  token?: string;
  fetch?: typeof globalThis.fetch;
}

export type Problem = components['schemas']['Problem'];
export type Run = components['schemas']['Run'];
export type RunList = components['schemas']['RunList'];
export type RunSummary = components['schemas']['RunSummary'];
export type StepStatus = components['schemas']['StepStatus'];
export type RunEvent = components['schemas']['RunEvent'];
export type RunHistory = components['schemas']['RunHistory'];
export type StartedRun = components['schemas']['StartedRun'];
export type Decision = components['schemas']['Decision'];
export type RunAction = components['schemas']['RunAction'];
export type RetryStarted = components['schemas']['RetryStarted'];
export type DiffResult = components['schemas']['DiffResult'];
export type ValidateResult = components['schemas']['ValidateResult'];
export type Registry = components['schemas']['Registry'];
/** An application spec (GET /v1/runs/{id}/spec answers the one a run was started with). */
export type Application = components['schemas']['Application'];

export function createKubeMinClient(opts: ClientOptions) {
  return createClient<paths>({
    baseUrl: opts.server.replace(/\/+$/, ''),
    headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
}

export type KubeMinClient = ReturnType<typeof createKubeMinClient>;

/** Thrown by callers that want one error for a problem answer: keeps the status and the problem. */
export class ApiProblemError extends Error {
  constructor(readonly status: number, readonly problem: Partial<Problem> & Record<string, unknown>) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiProblemError';
  }
}
