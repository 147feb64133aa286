/**
 * The OpenAPI 3.1 document, served at /openapi.json: every route, who may call it, what it takes
 * (JSON Schemas generated from the zod schemas the routes validate with) and what it answers.
 * A test checks that every route the app serves is described here, and nothing else.
 */
import { applicationJsonSchema, jsonSchemaOf, MAX_SPEC_NODES } from '../src/index.js';
import { DecisionBody, ReasonBody } from './run-actions.js';
import type { Role } from './auth.js';
import { RESPONSE_SCHEMAS } from './openapi-schemas.js';

interface RouteDoc {
  method: 'get' | 'post';
  path: string;
  summary: string;
  /** The least role that may call it; absent: no token needed. */
  role?: Role;
  body?: 'spec' | Record<string, unknown>;
  ok: { status: number; description: string; type?: string; schema?: string };
  errors?: number[];
  /** Query parameters it takes (all optional strings). */
  query?: readonly string[];
}

const PROBLEM = { description: 'a problem (RFC 9457) naming invalid fields by JSON path', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const ERROR_TEXT: Record<number, string> = {
  400: 'invalid input: every error, with its JSON path',
  401: 'no or unknown bearer token',
  403: 'the token\'s role or namespaces do not allow it, or the platform policy denies host access the spec asks for (PolicyDenied: every field, with its rule)',
  404: 'no such run',
  409: 'the run is not in a state that allows it',
  413: `the body is larger than the limit, or its YAML expands past ${MAX_SPEC_NODES.toLocaleString('en-US')} nodes with its aliases (code SpecTooLarge)`,
  422: 'well-formed but not possible: a step the run does not have, a compiled plan over Temporal\'s payload limit',
};

/** The answer of POST /v1/diff (src/diff/diff.ts DiffResult). */
const DIFF_RESULT = {
  type: 'object',
  required: ['application', 'namespace', 'changes', 'summary'],
  properties: {
    application: { type: 'string' },
    namespace: { type: 'string' },
    changes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['action', 'apiVersion', 'kind', 'name'],
        properties: {
          action: { type: 'string', enum: ['create', 'change', 'unchanged', 'prune'] },
          apiVersion: { type: 'string' },
          kind: { type: 'string' },
          namespace: { type: 'string' },
          name: { type: 'string' },
          fields: { type: 'array', items: { type: 'object', required: ['path'], properties: { path: { type: 'string', description: 'e.g. spec.template.spec.containers[web].image' }, from: {}, to: {} } } },
          note: { type: 'string' },
        },
      },
    },
    summary: { type: 'object', required: ['create', 'change', 'prune', 'unchanged'], properties: { create: { type: 'integer' }, change: { type: 'integer' }, prune: { type: 'integer' }, unchanged: { type: 'integer' } } },
  },
} as const;

export const ROUTES: readonly RouteDoc[] = [
  { method: 'get', path: '/healthz', summary: 'The process answers', ok: { status: 200, description: 'alive', schema: 'Health' } },
  { method: 'get', path: '/readyz', summary: 'Temporal is reachable and a worker polls the task queue', ok: { status: 200, description: 'ready (503 says which check failed)', schema: 'Readiness' } },
  { method: 'get', path: '/metrics', summary: 'Prometheus metrics of this process', ok: { status: 200, description: 'Prometheus text format', type: 'text/plain' } },
  { method: 'get', path: '/openapi.json', summary: 'This document', ok: { status: 200, description: 'OpenAPI 3.1' } },
  { method: 'get', path: '/v1/schema', summary: 'The application JSON Schema', ok: { status: 200, description: 'JSON Schema (draft 2020-12)', type: 'application/schema+json' } },
  { method: 'get', path: '/v1/component-types', summary: 'Component types with the JSON Schema of their properties', role: 'viewer', ok: { status: 200, description: 'the registry', schema: 'Registry' } },
  { method: 'get', path: '/v1/traits', summary: 'Traits with the JSON Schema of their data', role: 'viewer', ok: { status: 200, description: 'the registry', schema: 'Registry' } },
  { method: 'get', path: '/v1/step-types', summary: 'Step types (built-in and plugins) with the JSON Schema of their properties', role: 'viewer', ok: { status: 200, description: 'the registry', schema: 'Registry' } },
  { method: 'post', path: '/v1/validate', summary: 'Validate and compile a spec; answers the plan and rendered manifests and touches nothing', role: 'viewer', body: 'spec', ok: { status: 200, description: 'valid: the plan and manifests', schema: 'ValidateResult' }, errors: [400, 403, 413] },
  { method: 'post', path: '/v1/diff', summary: 'What a run of a spec would change: every object dry-run applied and compared with the live one (create, change with fields, unchanged, prune); changes nothing, Secret values never shown', role: 'operator', body: 'spec', ok: { status: 200, description: 'the changes and their counts', schema: 'DiffResult' }, errors: [400, 403, 413, 422] },
  { method: 'post', path: '/v1/runs', summary: 'Start a run of a spec (`Idempotency-Key` makes a retried POST return the same run)', role: 'operator', body: 'spec', ok: { status: 202, description: 'started: id and links', schema: 'StartedRun' }, errors: [400, 403, 409, 413, 422] },
  { method: 'get', path: '/v1/runs', summary: 'List runs, newest first; filter by application, namespace, phase, revision; `limit` and `page` (from `next`)', role: 'viewer', query: ['application', 'namespace', 'phase', 'revision', 'limit', 'page'], ok: { status: 200, description: 'runs and the next page', schema: 'RunList' } },
  { method: 'get', path: '/v1/runs/{id}', summary: 'A run: phase, per-step status with reasons, timings, what is waited for, links', role: 'viewer', ok: { status: 200, description: 'the run', schema: 'Run' }, errors: [404] },
  { method: 'get', path: '/v1/runs/{id}/history', summary: 'The run\'s Temporal history summarised per step (attempts, failures, durations)', role: 'viewer', ok: { status: 200, description: 'the summary and a Temporal Web UI link', schema: 'RunHistory' }, errors: [404] },
  { method: 'get', path: '/v1/runs/{id}/spec', summary: 'The application spec the run was started with, its secret values redacted (`[redacted]`); without secrets it compiles to the run\'s revision again', role: 'viewer', ok: { status: 200, description: 'the spec', schema: 'Application' }, errors: [404] },
  { method: 'get', path: '/v1/runs/{id}/events', summary: 'Server-Sent Events of step transitions and progress until the run ends; reconnect with Last-Event-ID', role: 'viewer', ok: { status: 200, description: 'an event stream: the data of each `step` and `run` event is a RunEvent (components/schemas/RunEvent)', type: 'text/event-stream' }, errors: [404] },
  { method: 'post', path: '/v1/runs/{id}/approve', summary: 'Approve a waiting approval step', role: 'operator', body: jsonSchemaOf(DecisionBody), ok: { status: 200, description: 'the step as decided', schema: 'Decision' }, errors: [400, 403, 404, 409, 422] },
  { method: 'post', path: '/v1/runs/{id}/reject', summary: 'Reject a waiting approval step (the run fails)', role: 'operator', body: jsonSchemaOf(DecisionBody), ok: { status: 200, description: 'the step as decided', schema: 'Decision' }, errors: [400, 403, 404, 409, 422] },
  { method: 'post', path: '/v1/runs/{id}/cancel', summary: 'Cancel: the run cleans up (onCancel) and ends Cancelled', role: 'operator', ok: { status: 202, description: 'cancel requested', schema: 'RunAction' }, errors: [403, 404, 409] },
  { method: 'post', path: '/v1/runs/{id}/terminate', summary: 'Terminate at once, without cleanup', role: 'admin', body: jsonSchemaOf(ReasonBody), ok: { status: 200, description: 'terminated', schema: 'RunAction' }, errors: [403, 404, 409] },
  { method: 'post', path: '/v1/runs/{id}/retry', summary: 'Retry a failed run from its failed step; steps that succeeded are not run again', role: 'operator', ok: { status: 202, description: 'the new run', schema: 'RetryStarted' }, errors: [403, 404, 409] },
  { method: 'post', path: '/codec/encode', summary: 'Temporal remote codec: encrypt payloads for `?namespace=` (required unless admin)', role: 'operator', ok: { status: 200, description: 'payloads' }, errors: [400, 403] },
  { method: 'post', path: '/codec/decode', summary: 'Temporal remote codec: decrypt payloads of the namespaces the token lists (the Web UI calls it with --ui-codec-endpoint)', role: 'operator', ok: { status: 200, description: 'payloads' }, errors: [400, 403, 422] },
];

/**
 * The application schema with its `$defs` moved into components/schemas (as `Application_<name>`)
 * and every `#/$defs/<name>` reference rewritten to point there: code generators and fuzzers
 * resolve references from the document's root, not from an embedded schema's `$id`.
 */
function hoistedApplicationSchema(): { application: Record<string, unknown>; defs: Record<string, unknown> } {
  const application = { ...applicationJsonSchema() } as Record<string, unknown>;
  const $defs = (application.$defs ?? {}) as Record<string, unknown>;
  delete application.$defs;
  delete application.$id;
  delete application.$schema;
  const rewrite = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === '$ref' && typeof x === 'string' && x.startsWith('#/$defs/') ? `#/components/schemas/Application_${x.slice('#/$defs/'.length)}` : rewrite(x)]));
    }
    return v;
  };
  return {
    application: rewrite(application) as Record<string, unknown>,
    defs: Object.fromEntries(Object.entries($defs).map(([k, x]) => [`Application_${k}`, rewrite(x)])),
  };
}

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const errors = [...new Set([...(r.errors ?? []), ...(r.role ? [401, 403] : []), ...(r.method === 'post' ? [413] : [])])].sort();
    const body = r.body === 'spec'
      ? { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Application' } }, 'application/yaml': { schema: { $ref: '#/components/schemas/Application' } } } }
      : r.body ? { required: false, content: { 'application/json': { schema: r.body } } } : undefined;
    (paths[r.path] ??= {})[r.method] = {
      summary: r.summary,
      ...(r.role ? { security: [{ bearer: [] }], 'x-kubemin-role': r.role } : { security: [] }),
      ...(r.path.includes('{id}') || r.query
        ? { parameters: [...(r.path.includes('{id}') ? [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] : []), ...(r.query ?? []).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } }))] }
        : {}),
      ...(body ? { requestBody: body } : {}),
      responses: {
        [r.ok.status]: { description: r.ok.description, content: { [r.ok.type ?? 'application/json']: r.ok.schema ? { schema: { $ref: `#/components/schemas/${r.ok.schema}` } } : {} } },
        ...Object.fromEntries(errors.map((s) => [s, { ...PROBLEM, description: ERROR_TEXT[s] ?? PROBLEM.description }])),
      },
    };
  }
  const { application, defs } = hoistedApplicationSchema();
  return {
    openapi: '3.1.0',
    info: { title: 'KubeMin API', version: '1', description: 'Application delivery on Kubernetes as durable Temporal workflows. Auth: with KUBEMIN_API_TOKENS set, routes with a role need a bearer token; without it (open mode) no token is needed.' },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'a token from KUBEMIN_API_TOKENS (roles: viewer < operator < admin). In open mode (no KUBEMIN_API_TOKENS set) no token is needed and every route answers without one' } },
      schemas: {
        Application: application,
        ...defs,
        ...RESPONSE_SCHEMAS,
        DiffResult: DIFF_RESULT,
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            code: { type: 'string' },
            hint: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' }, hint: { type: 'string' }, line: { type: 'integer' }, rule: { type: 'string', description: 'PolicyDenied: the rule that denies the field (allow.<kind> of the platform policy, or policies.allowHostPath)' } } } },
          },
        },
      },
    },
  };
}
