/**
 * Errors as RFC 9457 problem+json. One onError maps every KubeMin error to a status and a body
 * that names the invalid fields by JSON path and says what to do next.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isKubeMinError, type KubeMinError } from '../src/index.js';

const STATUS_BY_CODE: Readonly<Record<string, ContentfulStatusCode>> = {
  SpecInvalid: 400,
  UnknownComponentType: 400,
  Unauthorized: 401,
  Forbidden: 403,
  PolicyDenied: 403,
  NotFound: 404,
  Conflict: 409,
  Unprocessable: 422,
  PayloadTooLarge: 413,
  SpecTooLarge: 413,
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  hint?: string;
  errors?: { path: string; message: string; hint?: string; line?: number; rule?: string }[];
}

export function problem(c: Context, status: ContentfulStatusCode, body: Omit<Problem, 'status' | 'type'> & { type?: string }): Response {
  return c.body(JSON.stringify({ type: body.type ?? 'about:blank', status, ...body }), status, { 'content-type': 'application/problem+json' });
}

function fromKubeMinError(c: Context, e: KubeMinError): Response {
  const status = STATUS_BY_CODE[e.code] ?? 500;
  if (status === 401) c.header('www-authenticate', 'Bearer realm="kubemin"');
  return problem(c, status, {
    type: `https://kubemin.dev/problems/${e.code}`,
    title: e.code,
    code: e.code,
    detail: e.message,
    ...(e.hint ? { hint: e.hint } : {}),
    ...(e.details.length ? { errors: [...e.details] } : {}),
  });
}

export function onError(log: { error(obj: object, msg: string): void }) {
  return (err: Error, c: Context): Response => {
    if (isKubeMinError(err)) return fromKubeMinError(c, err);
    if (err instanceof HTTPException) return problem(c, err.status as ContentfulStatusCode, { title: 'HTTP error', detail: err.message });
    log.error({ err }, 'unhandled API error');
    return problem(c, 500, { title: 'Internal error', detail: 'the server failed to answer; see its logs', hint: 'retry; if it persists, report it with the time of the request' });
  };
}
