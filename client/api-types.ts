/** Generated from /openapi.json by openapi-typescript (npm run client:types). Do not edit. */

export interface paths {
    "/codec/decode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Temporal remote codec: decrypt payloads of the namespaces the token lists (the Web UI calls it with --ui-codec-endpoint) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description payloads */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description invalid input: every error, with its JSON path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no or unknown bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the token's role or namespaces do not allow it, or the platform policy denies host access the spec asks for (PolicyDenied: every field, with its rule) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is larger than the limit, or its YAML expands past 500,000 nodes with its aliases (code SpecTooLarge) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description well-formed but not possible: a step the run does not have, a compiled plan over Temporal's payload limit */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/codec/encode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Temporal remote codec: encrypt payloads for `?namespace=` (required unless admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description payloads */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description invalid input: every error, with its JSON path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no or unknown bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the token's role or namespaces do not allow it, or the platform policy denies host access the spec asks for (PolicyDenied: every field, with its rule) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is larger than the limit, or its YAML expands past 500,000 nodes with its aliases (code SpecTooLarge) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description alive */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics of this process */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Prometheus text format */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OpenAPI 3.1 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Temporal is reachable and a worker polls the task queue */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ready (503 says which check failed) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Readiness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/component-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Component types with the JSON Schema of their properties */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the registry */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Registry"];
                    };
                };
                /** @description no or unknown bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the token's role or namespaces do not allow it, or the platform policy denies host access the spec asks for (PolicyDenied: every field, with its rule) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a run of a spec would change: every object dry-run applied and compared with the live one (create, change with fields, unchanged, prune); changes nothing, Secret values never shown */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Application"];
                    "application/yaml": components["schemas"]["Application"];
                };
            };
            responses: {
                /** @description the changes and their counts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DiffResult"];
                    };
                };
                /** @description invalid input: every error, with its JSON path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no or unknown bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the token's role or namespaces do not allow it, or the platform policy denies host access the spec asks for (PolicyDenied: every field, with its rule) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is larger than the limit, or its YAML expands past 500,000 nodes with its aliases (code SpecTooLarge) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description well-formed but not possible: a step the run does not have, a compiled plan over Temporal's payload limit */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List runs, newest first; filter by application, namespace, phase, revision; `limit` and `page` (from `next`) */
        get: {
            parameters: {
                query?: {
                    application?: string;
                    limit?: string;
                    namespace?: string;
                    page?: string;
                    phase?: string;
                    revision?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description runs and the next page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RunList"];
                    };
                };
                /** @description no or unknown bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the token's role or namespaces do not allow it, or the platform policy denies host access the spec asks for (PolicyDenied: every field, with its rule) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Start a run of a spec (`Idempotency-Key` makes a retried POST return the same run) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Application"];
                    "application/yaml": components["schemas"]["Application"];
                };
            };
            responses: {
                /** @description started: id and links */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StartedRun"];
                    };
                };
                /** @description invalid input: every error, with its JSON path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no or unknown bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the token's role or namespaces do not allow it, or the platform policy denies host access the spec asks for (PolicyDenied: every field, with its rule) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the run is not in a state that allows it */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is larger than the limit, or its YAML expands past 500,000 nodes with its aliases (code SpecTooLarge) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description well-formed but not possible: a step the run does not have, a compiled plan over Temporal's payload limit */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A run: phase, per-step status with reasons, timings, what is waited for, links */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the run */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Run"];
                    };
                };
                /** @description no or unknown bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the token's role or namespaces do not allow it, or the platform policy denies host access the spec asks for (PolicyDenied: every field, with its rule) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such run */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a waiting approval step */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @description who decides; defaults to the token name */
                        by?: string;
                        comment?: string;
                        /** @description the approval step */
                        step: string;
                    };
                };
            };
            responses: {
                /** @description the step as decided */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Decision"];
                    };
                };
                /** @description invalid input: every error, with its JSON path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no or unknown bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the token's role or namespaces do not allow it, or the platform policy denies host access the spec asks for (PolicyDenied: every field, with its rule) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such run */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the run is not in a state that allows it */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is larger than the limit, or its YAML expands past 500,000 nodes with its aliases (code SpecTooLarge) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description well-formed but not possible: a step the run does not have, a compiled plan over Temporal's payload limit */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel: the run cleans up (onCancel) and ends Cancelled */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description cancel requested */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RunAction"];
                    };
                };
                /** @description no or unknown bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the token's role or namespaces do not allow it, or the platform policy denies host access the spec asks for (PolicyDenied: every field, with its rule) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such run */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the run is not in a state that allows it */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is larger than the limit, or its YAML expands past 500,000 nodes with its aliases (code SpecTooLarge) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events of step transitions and progress until the run ends; reconnect with Last-Event-ID */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description an event stream: the data of each `step` and `run` event is a RunEvent (components/schemas/RunEvent) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": unknown;
                    };
                };
                /** @description no or unknown bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the token's role or namespaces do not allow it, or the platform policy denies host access the spec asks for (PolicyDenied: every field, with its rule) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such run */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The run's Temporal history summarised per step (attempts, failures, durations) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the summary and a Temporal Web UI link */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RunHistory"];
                    };
                };
                /** @description no or unknown bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the token's role or namespaces do not allow it, or the platform policy denies host access the spec asks for (PolicyDenied: every field, with its rule) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such run */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a waiting approval step (the run fails) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @description who decides; defaults to the token name */
                        by?: string;
                        comment?: string;
                        /** @description the approval step */
                        step: string;
                    };
                };
            };
            responses: {
                /** @description the step as decided */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Decision"];
                    };
                };
                /** @description invalid input: every error, with its JSON path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no or unknown bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the token's role or namespaces do not allow it, or the platform policy denies host access the spec asks for (PolicyDenied: every field, with its rule) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such run */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the run is not in a state that allows it */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is larger than the limit, or its YAML expands past 500,000 nodes with its aliases (code SpecTooLarge) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description well-formed but not possible: a step the run does not have, a compiled plan over Temporal's payload limit */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry a failed run from its failed step; steps that succeeded are not run again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the new run */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RetryStarted"];
                    };
                };
                /** @description no or unknown bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the token's role or namespaces do not allow it, or the platform policy denies host access the spec asks for (PolicyDenied: every field, with its rule) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such run */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the run is not in a state that allows it */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is larger than the limit, or its YAML expands past 500,000 nodes with its aliases (code SpecTooLarge) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/spec": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The application spec the run was started with, its secret values redacted (`[redacted]`); without secrets it compiles to the run's revision again */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the spec */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application"];
                    };
                };
                /** @description no or unknown bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the token's role or namespaces do not allow it, or the platform policy denies host access the spec asks for (PolicyDenied: every field, with its rule) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such run */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Terminate at once, without cleanup */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description terminated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RunAction"];
                    };
                };
                /** @description no or unknown bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the token's role or namespaces do not allow it, or the platform policy denies host access the spec asks for (PolicyDenied: every field, with its rule) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no such run */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the run is not in a state that allows it */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is larger than the limit, or its YAML expands past 500,000 nodes with its aliases (code SpecTooLarge) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The application JSON Schema */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description JSON Schema (draft 2020-12) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/schema+json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/step-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Step types (built-in and plugins) with the JSON Schema of their properties */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the registry */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Registry"];
                    };
                };
                /** @description no or unknown bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the token's role or namespaces do not allow it, or the platform policy denies host access the spec asks for (PolicyDenied: every field, with its rule) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/traits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Traits with the JSON Schema of their data */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the registry */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Registry"];
                    };
                };
                /** @description no or unknown bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the token's role or namespaces do not allow it, or the platform policy denies host access the spec asks for (PolicyDenied: every field, with its rule) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate and compile a spec; answers the plan and rendered manifests and touches nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Application"];
                    "application/yaml": components["schemas"]["Application"];
                };
            };
            responses: {
                /** @description valid: the plan and manifests */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ValidateResult"];
                    };
                };
                /** @description invalid input: every error, with its JSON path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description no or unknown bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the token's role or namespaces do not allow it, or the platform policy denies host access the spec asks for (PolicyDenied: every field, with its rule) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is larger than the limit, or its YAML expands past 500,000 nodes with its aliases (code SpecTooLarge) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** KubeMin application */
        Application: {
            components: components["schemas"]["Application___schema2"][];
            /** @enum {string} */
            concurrency?: "queue" | "replace" | "reject";
            description?: string;
            labels?: {
                [key: string]: string;
            };
            name: components["schemas"]["Application___schema0"];
            /** @default default */
            namespace: components["schemas"]["Application___schema0"];
            /**
             * @default keep
             * @enum {string}
             */
            onCancel: "keep" | "delete";
            /**
             * @default keep
             * @enum {string}
             */
            onFailure: "keep" | "rollback";
            /**
             * @default {
             *       "allowHostPath": false,
             *       "gpuResourceName": "nvidia.com/gpu",
             *       "external": {
             *         "configs": [],
             *         "secrets": []
             *       },
             *       "overrides": []
             *     }
             */
            policies: {
                /** @default false */
                allowHostPath: boolean;
                /**
                 * @default {
                 *       "configs": [],
                 *       "secrets": []
                 *     }
                 */
                external: {
                    /** @default [] */
                    configs: string[];
                    /** @default [] */
                    secrets: string[];
                };
                /** @default nvidia.com/gpu */
                gpuResourceName: string;
                /** @enum {string} */
                imagePullPolicy?: "Always" | "IfNotPresent" | "Never";
                /** @default [] */
                overrides: components["schemas"]["Application___schema80"][];
            };
            workflow?: {
                steps: components["schemas"]["Application___schema83"][];
            };
        };
        Application___schema0: string;
        Application___schema1: string;
        Application___schema2: {
            adopt?: components["schemas"]["Application___schema58"];
            annotations?: components["schemas"]["Application___schema13"];
            args?: components["schemas"]["Application___schema9"];
            command?: components["schemas"]["Application___schema8"];
            dependsOn?: components["schemas"]["Application___schema14"];
            env?: components["schemas"]["Application___schema10"];
            image?: components["schemas"]["Application___schema3"];
            name: components["schemas"]["Application___schema0"];
            port?: components["schemas"]["Application___schema5"];
            ports?: components["schemas"]["Application___schema7"];
            properties?: components["schemas"]["Application___schema16"];
            recreate?: components["schemas"]["Application___schema59"];
            replicas?: components["schemas"]["Application___schema4"];
            traits?: components["schemas"]["Application___schema17"];
            type: components["schemas"]["Application___schema60"];
        } | {
            adopt?: components["schemas"]["Application___schema58"];
            annotations?: components["schemas"]["Application___schema13"];
            args?: components["schemas"]["Application___schema9"];
            command?: components["schemas"]["Application___schema8"];
            componentType: components["schemas"]["Application___schema60"];
            dependsOn?: components["schemas"]["Application___schema14"];
            env?: components["schemas"]["Application___schema10"];
            image?: components["schemas"]["Application___schema3"];
            name: components["schemas"]["Application___schema0"];
            port?: components["schemas"]["Application___schema5"];
            ports?: components["schemas"]["Application___schema7"];
            properties?: components["schemas"]["Application___schema16"];
            recreate?: components["schemas"]["Application___schema59"];
            replicas?: components["schemas"]["Application___schema4"];
            traits?: components["schemas"]["Application___schema17"];
        } | {
            adopt?: components["schemas"]["Application___schema58"];
            annotations?: components["schemas"]["Application___schema13"];
            args?: components["schemas"]["Application___schema9"];
            command?: components["schemas"]["Application___schema8"];
            dependsOn?: components["schemas"]["Application___schema14"];
            env?: components["schemas"]["Application___schema10"];
            image?: components["schemas"]["Application___schema3"];
            name: components["schemas"]["Application___schema0"];
            port?: components["schemas"]["Application___schema5"];
            ports?: components["schemas"]["Application___schema7"];
            properties?: components["schemas"]["Application___schema61"];
            recreate?: components["schemas"]["Application___schema59"];
            replicas?: components["schemas"]["Application___schema4"];
            traits?: components["schemas"]["Application___schema62"];
            type: components["schemas"]["Application___schema63"];
        } | {
            adopt?: components["schemas"]["Application___schema58"];
            annotations?: components["schemas"]["Application___schema13"];
            args?: components["schemas"]["Application___schema9"];
            command?: components["schemas"]["Application___schema8"];
            componentType: components["schemas"]["Application___schema63"];
            dependsOn?: components["schemas"]["Application___schema14"];
            env?: components["schemas"]["Application___schema10"];
            image?: components["schemas"]["Application___schema3"];
            name: components["schemas"]["Application___schema0"];
            port?: components["schemas"]["Application___schema5"];
            ports?: components["schemas"]["Application___schema7"];
            properties?: components["schemas"]["Application___schema61"];
            recreate?: components["schemas"]["Application___schema59"];
            replicas?: components["schemas"]["Application___schema4"];
            traits?: components["schemas"]["Application___schema62"];
        } | {
            adopt?: components["schemas"]["Application___schema58"];
            annotations?: components["schemas"]["Application___schema13"];
            args?: components["schemas"]["Application___schema9"];
            command?: components["schemas"]["Application___schema8"];
            dependsOn?: components["schemas"]["Application___schema14"];
            env?: components["schemas"]["Application___schema10"];
            image?: components["schemas"]["Application___schema3"];
            name: components["schemas"]["Application___schema0"];
            port?: components["schemas"]["Application___schema5"];
            ports?: components["schemas"]["Application___schema7"];
            properties?: components["schemas"]["Application___schema64"];
            recreate?: components["schemas"]["Application___schema59"];
            replicas?: components["schemas"]["Application___schema4"];
            traits?: components["schemas"]["Application___schema65"];
            type: components["schemas"]["Application___schema66"];
        } | {
            adopt?: components["schemas"]["Application___schema58"];
            annotations?: components["schemas"]["Application___schema13"];
            args?: components["schemas"]["Application___schema9"];
            command?: components["schemas"]["Application___schema8"];
            componentType: components["schemas"]["Application___schema66"];
            dependsOn?: components["schemas"]["Application___schema14"];
            env?: components["schemas"]["Application___schema10"];
            image?: components["schemas"]["Application___schema3"];
            name: components["schemas"]["Application___schema0"];
            port?: components["schemas"]["Application___schema5"];
            ports?: components["schemas"]["Application___schema7"];
            properties?: components["schemas"]["Application___schema64"];
            recreate?: components["schemas"]["Application___schema59"];
            replicas?: components["schemas"]["Application___schema4"];
            traits?: components["schemas"]["Application___schema65"];
        } | {
            adopt?: components["schemas"]["Application___schema58"];
            annotations?: components["schemas"]["Application___schema13"];
            args?: components["schemas"]["Application___schema9"];
            command?: components["schemas"]["Application___schema8"];
            dependsOn?: components["schemas"]["Application___schema14"];
            env?: components["schemas"]["Application___schema10"];
            image?: components["schemas"]["Application___schema3"];
            name: components["schemas"]["Application___schema0"];
            port?: components["schemas"]["Application___schema5"];
            ports?: components["schemas"]["Application___schema7"];
            properties?: components["schemas"]["Application___schema67"];
            recreate?: components["schemas"]["Application___schema59"];
            replicas?: components["schemas"]["Application___schema4"];
            traits?: components["schemas"]["Application___schema68"];
            type: components["schemas"]["Application___schema69"];
        } | {
            adopt?: components["schemas"]["Application___schema58"];
            annotations?: components["schemas"]["Application___schema13"];
            args?: components["schemas"]["Application___schema9"];
            command?: components["schemas"]["Application___schema8"];
            componentType: components["schemas"]["Application___schema69"];
            dependsOn?: components["schemas"]["Application___schema14"];
            env?: components["schemas"]["Application___schema10"];
            image?: components["schemas"]["Application___schema3"];
            name: components["schemas"]["Application___schema0"];
            port?: components["schemas"]["Application___schema5"];
            ports?: components["schemas"]["Application___schema7"];
            properties?: components["schemas"]["Application___schema67"];
            recreate?: components["schemas"]["Application___schema59"];
            replicas?: components["schemas"]["Application___schema4"];
            traits?: components["schemas"]["Application___schema68"];
        } | {
            adopt?: components["schemas"]["Application___schema58"];
            annotations?: components["schemas"]["Application___schema13"];
            args?: components["schemas"]["Application___schema9"];
            command?: components["schemas"]["Application___schema8"];
            dependsOn?: components["schemas"]["Application___schema14"];
            env?: components["schemas"]["Application___schema10"];
            image?: components["schemas"]["Application___schema3"];
            name: components["schemas"]["Application___schema0"];
            port?: components["schemas"]["Application___schema5"];
            ports?: components["schemas"]["Application___schema7"];
            properties?: components["schemas"]["Application___schema70"];
            recreate?: components["schemas"]["Application___schema59"];
            replicas?: components["schemas"]["Application___schema4"];
            traits?: components["schemas"]["Application___schema71"];
            type: components["schemas"]["Application___schema72"];
        } | {
            adopt?: components["schemas"]["Application___schema58"];
            annotations?: components["schemas"]["Application___schema13"];
            args?: components["schemas"]["Application___schema9"];
            command?: components["schemas"]["Application___schema8"];
            componentType: components["schemas"]["Application___schema72"];
            dependsOn?: components["schemas"]["Application___schema14"];
            env?: components["schemas"]["Application___schema10"];
            image?: components["schemas"]["Application___schema3"];
            name: components["schemas"]["Application___schema0"];
            port?: components["schemas"]["Application___schema5"];
            ports?: components["schemas"]["Application___schema7"];
            properties?: components["schemas"]["Application___schema70"];
            recreate?: components["schemas"]["Application___schema59"];
            replicas?: components["schemas"]["Application___schema4"];
            traits?: components["schemas"]["Application___schema71"];
        } | {
            adopt?: components["schemas"]["Application___schema58"];
            annotations?: components["schemas"]["Application___schema13"];
            args?: components["schemas"]["Application___schema9"];
            command?: components["schemas"]["Application___schema8"];
            dependsOn?: components["schemas"]["Application___schema14"];
            env?: components["schemas"]["Application___schema10"];
            image?: components["schemas"]["Application___schema3"];
            name: components["schemas"]["Application___schema0"];
            port?: components["schemas"]["Application___schema5"];
            ports?: components["schemas"]["Application___schema7"];
            properties?: components["schemas"]["Application___schema73"];
            recreate?: components["schemas"]["Application___schema59"];
            replicas?: components["schemas"]["Application___schema4"];
            traits?: components["schemas"]["Application___schema74"];
            type: components["schemas"]["Application___schema75"];
        } | {
            adopt?: components["schemas"]["Application___schema58"];
            annotations?: components["schemas"]["Application___schema13"];
            args?: components["schemas"]["Application___schema9"];
            command?: components["schemas"]["Application___schema8"];
            componentType: components["schemas"]["Application___schema75"];
            dependsOn?: components["schemas"]["Application___schema14"];
            env?: components["schemas"]["Application___schema10"];
            image?: components["schemas"]["Application___schema3"];
            name: components["schemas"]["Application___schema0"];
            port?: components["schemas"]["Application___schema5"];
            ports?: components["schemas"]["Application___schema7"];
            properties?: components["schemas"]["Application___schema73"];
            recreate?: components["schemas"]["Application___schema59"];
            replicas?: components["schemas"]["Application___schema4"];
            traits?: components["schemas"]["Application___schema74"];
        } | {
            adopt?: components["schemas"]["Application___schema58"];
            annotations?: components["schemas"]["Application___schema13"];
            args?: components["schemas"]["Application___schema9"];
            command?: components["schemas"]["Application___schema8"];
            dependsOn?: components["schemas"]["Application___schema14"];
            env?: components["schemas"]["Application___schema10"];
            image?: components["schemas"]["Application___schema3"];
            name: components["schemas"]["Application___schema0"];
            port?: components["schemas"]["Application___schema5"];
            ports?: components["schemas"]["Application___schema7"];
            properties?: components["schemas"]["Application___schema76"];
            recreate?: components["schemas"]["Application___schema59"];
            replicas?: components["schemas"]["Application___schema4"];
            traits?: components["schemas"]["Application___schema78"];
            type: components["schemas"]["Application___schema79"];
        } | {
            adopt?: components["schemas"]["Application___schema58"];
            annotations?: components["schemas"]["Application___schema13"];
            args?: components["schemas"]["Application___schema9"];
            command?: components["schemas"]["Application___schema8"];
            componentType: components["schemas"]["Application___schema79"];
            dependsOn?: components["schemas"]["Application___schema14"];
            env?: components["schemas"]["Application___schema10"];
            image?: components["schemas"]["Application___schema3"];
            name: components["schemas"]["Application___schema0"];
            port?: components["schemas"]["Application___schema5"];
            ports?: components["schemas"]["Application___schema7"];
            properties?: components["schemas"]["Application___schema76"];
            recreate?: components["schemas"]["Application___schema59"];
            replicas?: components["schemas"]["Application___schema4"];
            traits?: components["schemas"]["Application___schema78"];
        };
        Application___schema3: string;
        Application___schema4: number;
        Application___schema5: components["schemas"]["Application___schema6"];
        Application___schema6: number;
        Application___schema7: {
            name?: string;
            port: components["schemas"]["Application___schema6"];
            /**
             * @default TCP
             * @enum {string}
             */
            protocol: "TCP" | "UDP";
        }[];
        Application___schema8: string[];
        Application___schema9: string[];
        Application___schema10: {
            [key: string]: components["schemas"]["Application___schema12"];
        };
        Application___schema11: string;
        Application___schema12: string;
        Application___schema13: {
            [key: string]: string;
        };
        /** @default [] */
        Application___schema14: components["schemas"]["Application___schema15"][];
        Application___schema15: string;
        Application___schema16: Record<string, never>;
        Application___schema17: components["schemas"]["Application___schema18"];
        Application___schema18: {
            /** @description Inject all keys of a ConfigMap (type config) or Secret (type secret) as environment variables. */
            envFrom?: components["schemas"]["Application___schema32"];
            /** @description Environment variables: literal values, or references to Secret keys, ConfigMap keys and Pod fields. */
            envs?: components["schemas"]["Application___schema33"];
            /** @description An Ingress routing a host and path to this component's Service, optionally with TLS. */
            ingress?: components["schemas"]["Application___schema47"];
            /** @description Init containers, run in order to completion before the main container starts. */
            init?: components["schemas"]["Application___schema30"];
            /** @description Liveness, readiness and startup probes (exec, httpGet or tcpSocket) of the main container. */
            probes?: components["schemas"]["Application___schema40"];
            /** @description Run as an own ServiceAccount, with an optional namespaced Role and RoleBinding for the rules given. */
            rbac?: components["schemas"]["Application___schema55"];
            /** @description CPU and memory requests and limits, and GPUs (an extended resource, policies.gpuResourceName). */
            resources?: components["schemas"]["Application___schema39"];
            /** @description Run as an own ServiceAccount, with an optional namespaced Role and RoleBinding for the rules given. */
            serviceAccount?: components["schemas"]["Application___schema55"];
            /** @description Extra containers running beside the main one (log shippers, proxies). */
            sidecar?: components["schemas"]["Application___schema30"];
            /** @description Volumes for the main container: persistent (PVC), ephemeral (emptyDir), host-mounted (hostPath), config (ConfigMap) and secret (Secret) files. */
            storage?: components["schemas"]["Application___schema19"];
        };
        Application___schema19: components["schemas"]["Application___schema20"][];
        Application___schema20: {
            /**
             * @default [
             *       "ReadWriteOnce"
             *     ]
             */
            accessModes: components["schemas"]["Application___schema27"][];
            mountPath: components["schemas"]["Application___schema22"];
            name?: components["schemas"]["Application___schema21"];
            /** @default false */
            readOnly: boolean;
            size: components["schemas"]["Application___schema24"] | components["schemas"]["Application___schema25"];
            storageClass?: components["schemas"]["Application___schema26"];
            subPath?: components["schemas"]["Application___schema23"];
            /** @constant */
            type: "persistent";
        } | {
            /** @enum {string} */
            medium?: "Memory";
            mountPath: components["schemas"]["Application___schema22"];
            name?: components["schemas"]["Application___schema21"];
            /** @default false */
            readOnly: boolean;
            sizeLimit?: components["schemas"]["Application___schema28"];
            subPath?: components["schemas"]["Application___schema23"];
            /** @constant */
            type: "ephemeral";
        } | {
            hostPath: components["schemas"]["Application___schema22"];
            mountPath: components["schemas"]["Application___schema22"];
            name?: components["schemas"]["Application___schema21"];
            /** @default false */
            readOnly: boolean;
            subPath?: components["schemas"]["Application___schema23"];
            /** @constant */
            type: "host-mounted";
        } | {
            /** @default 420 */
            defaultMode: number;
            mountPath: components["schemas"]["Application___schema22"];
            name?: components["schemas"]["Application___schema21"];
            /** @default true */
            readOnly: boolean;
            sourceName: components["schemas"]["Application___schema26"];
            subPath?: components["schemas"]["Application___schema23"];
            /** @constant */
            type: "config";
        } | {
            /** @default 420 */
            defaultMode: number;
            mountPath: components["schemas"]["Application___schema22"];
            name?: components["schemas"]["Application___schema21"];
            /** @default true */
            readOnly: boolean;
            sourceName: components["schemas"]["Application___schema26"];
            subPath?: components["schemas"]["Application___schema23"];
            /** @constant */
            type: "secret";
        };
        Application___schema21: components["schemas"]["Application___schema0"];
        Application___schema22: string;
        Application___schema23: string;
        Application___schema24: string;
        Application___schema25: number;
        Application___schema26: string;
        /** @enum {string} */
        Application___schema27: "ReadWriteOnce" | "ReadOnlyMany" | "ReadWriteMany" | "ReadWriteOncePod";
        Application___schema28: components["schemas"]["Application___schema29"];
        Application___schema29: string | number;
        Application___schema30: components["schemas"]["Application___schema31"][];
        Application___schema31: {
            args?: string[];
            command?: string[];
            env?: {
                [key: string]: string;
            };
            image: string;
            /** @default [] */
            mounts: {
                mountPath: string;
                readOnly?: boolean;
                volume: components["schemas"]["Application___schema0"];
            }[];
            name: components["schemas"]["Application___schema0"];
        };
        Application___schema32: {
            prefix?: components["schemas"]["Application___schema11"];
            sourceName: components["schemas"]["Application___schema26"];
            /** @enum {string} */
            type: "config" | "secret";
        }[];
        Application___schema33: components["schemas"]["Application___schema34"][];
        Application___schema34: {
            name: components["schemas"]["Application___schema11"];
            value?: components["schemas"]["Application___schema35"];
            valueFrom?: components["schemas"]["Application___schema36"];
        };
        Application___schema35: string;
        Application___schema36: {
            secret: components["schemas"]["Application___schema37"];
        } | {
            config: components["schemas"]["Application___schema37"];
        } | {
            /** @enum {string} */
            field: "metadata.name" | "metadata.namespace" | "metadata.uid" | "spec.nodeName" | "spec.serviceAccountName" | "status.hostIP" | "status.podIP" | "status.podIPs";
        };
        Application___schema37: {
            key: components["schemas"]["Application___schema38"];
            name: components["schemas"]["Application___schema26"];
        };
        Application___schema38: string;
        Application___schema39: {
            cpu?: components["schemas"]["Application___schema28"];
            gpu?: number;
            limits?: {
                cpu?: components["schemas"]["Application___schema28"];
                memory?: components["schemas"]["Application___schema28"];
            };
            memory?: components["schemas"]["Application___schema28"];
        };
        Application___schema40: {
            liveness?: components["schemas"]["Application___schema41"];
            readiness?: components["schemas"]["Application___schema45"];
            startup?: components["schemas"]["Application___schema46"];
        };
        Application___schema41: components["schemas"]["Application___schema42"];
        Application___schema42: {
            exec: {
                command: components["schemas"]["Application___schema43"][];
            };
            failureThreshold?: number;
            initialDelaySeconds?: number;
            periodSeconds?: number;
            successThreshold?: number;
            timeoutSeconds?: number;
        } | {
            failureThreshold?: number;
            httpGet: {
                /** @default / */
                path: string;
                port: components["schemas"]["Application___schema44"];
                /** @enum {string} */
                scheme?: "HTTP" | "HTTPS";
            };
            initialDelaySeconds?: number;
            periodSeconds?: number;
            successThreshold?: number;
            timeoutSeconds?: number;
        } | {
            failureThreshold?: number;
            initialDelaySeconds?: number;
            periodSeconds?: number;
            successThreshold?: number;
            tcpSocket: {
                port: components["schemas"]["Application___schema44"];
            };
            timeoutSeconds?: number;
        };
        Application___schema43: string;
        Application___schema44: components["schemas"]["Application___schema6"] | string;
        Application___schema45: components["schemas"]["Application___schema42"];
        Application___schema46: components["schemas"]["Application___schema42"];
        Application___schema47: {
            className?: components["schemas"]["Application___schema53"];
            host?: components["schemas"]["Application___schema48"];
            path?: components["schemas"]["Application___schema50"];
            pathType?: components["schemas"]["Application___schema51"];
            port?: components["schemas"]["Application___schema52"];
            tls?: components["schemas"]["Application___schema54"];
        };
        Application___schema48: components["schemas"]["Application___schema49"];
        Application___schema49: string;
        /** @default / */
        Application___schema50: string;
        /**
         * @default Prefix
         * @enum {string}
         */
        Application___schema51: "Prefix" | "Exact";
        Application___schema52: components["schemas"]["Application___schema6"] | string;
        Application___schema53: string;
        Application___schema54: {
            secretName: components["schemas"]["Application___schema26"];
        };
        Application___schema55: {
            /** @default true */
            automountToken: boolean;
            name?: components["schemas"]["Application___schema26"];
            /** @default [] */
            rules: {
                /**
                 * @default [
                 *       ""
                 *     ]
                 */
                apiGroups: string[];
                resourceNames?: string[];
                resources: components["schemas"]["Application___schema56"][];
                verbs: components["schemas"]["Application___schema57"][];
            }[];
        };
        Application___schema56: string;
        /** @enum {string} */
        Application___schema57: "get" | "list" | "watch" | "create" | "update" | "patch" | "delete" | "deletecollection" | "*";
        Application___schema58: boolean;
        Application___schema59: boolean;
        /**
         * @description A long-running network service: a Deployment and, when it has ports, a ClusterIP Service.
         * @constant
         */
        Application___schema60: "webservice";
        Application___schema61: Record<string, never>;
        Application___schema62: components["schemas"]["Application___schema18"];
        /**
         * @description A long-running background process: a Deployment, no Service.
         * @constant
         */
        Application___schema63: "worker";
        Application___schema64: {
            /**
             * @default OrderedReady
             * @enum {string}
             */
            podManagementPolicy: "OrderedReady" | "Parallel";
        };
        Application___schema65: components["schemas"]["Application___schema18"];
        /**
         * @description A stateful service: a StatefulSet (persistent storage as volumeClaimTemplates) and a headless Service.
         * @constant
         */
        Application___schema66: "store";
        Application___schema67: {
            activeDeadlineSeconds?: number;
            /** @default 0 */
            backoffLimit: number;
            ttlSecondsAfterFinished?: number;
        };
        Application___schema68: components["schemas"]["Application___schema18"];
        /**
         * @description A one-off task (e.g. a migration): a Job named per spec revision that must complete.
         * @constant
         */
        Application___schema69: "job";
        Application___schema70: {
            /** @default {} */
            data: {
                [key: string]: string;
            };
        };
        Application___schema71: components["schemas"]["Application___schema18"];
        /**
         * @description Configuration as a ConfigMap (properties.data); mount it with the storage trait or inject it with envFrom.
         * @constant
         */
        Application___schema72: "config";
        Application___schema73: {
            /** @default {} */
            data: {
                [key: string]: string;
            };
            /** @default {} */
            stringData: {
                [key: string]: string;
            };
        };
        Application___schema74: components["schemas"]["Application___schema18"];
        /**
         * @description Credentials as an Opaque Secret (properties.stringData or base64 properties.data).
         * @constant
         */
        Application___schema75: "secret";
        Application___schema76: {
            className?: string;
            routes: components["schemas"]["Application___schema77"][];
            /** @default [] */
            tls: {
                hosts: components["schemas"]["Application___schema49"][];
                secretName: components["schemas"]["Application___schema26"];
            }[];
        };
        Application___schema77: {
            component: components["schemas"]["Application___schema0"];
            host?: components["schemas"]["Application___schema48"];
            path?: components["schemas"]["Application___schema50"];
            pathType?: components["schemas"]["Application___schema51"];
            port?: components["schemas"]["Application___schema52"];
        };
        Application___schema78: components["schemas"]["Application___schema18"];
        /**
         * @description The unified entry: an Ingress routing hosts and paths to components by name, with TLS.
         * @constant
         */
        Application___schema79: "gateway";
        Application___schema80: {
            /** @enum {string} */
            imagePullPolicy?: "Always" | "IfNotPresent" | "Never";
            /** @default {} */
            match: {
                components?: string[];
                types?: string[];
            };
            probes?: components["schemas"]["Application___schema40"];
            /** @enum {string} */
            restartPolicy?: "Never" | "OnFailure";
            steps?: {
                retry?: components["schemas"]["Application___schema82"];
                timeout?: components["schemas"]["Application___schema81"];
            };
        };
        Application___schema81: string;
        Application___schema82: {
            /** @default 2 */
            backoff: number;
            /** @default 1s */
            initialInterval: components["schemas"]["Application___schema81"];
            maxAttempts: number;
        };
        Application___schema83: {
            dependsOn?: components["schemas"]["Application___schema84"];
            if?: components["schemas"]["Application___schema86"];
            /**
             * @default parallel
             * @enum {string}
             */
            mode: "serial" | "parallel";
            name: components["schemas"]["Application___schema0"];
            steps: components["schemas"]["Application___schema87"][];
        } | components["schemas"]["Application___schema87"];
        Application___schema84: components["schemas"]["Application___schema85"][];
        Application___schema85: string;
        /**
         * @default succeeded
         * @enum {string}
         */
        Application___schema86: "succeeded" | "failed" | "always";
        Application___schema87: {
            components?: components["schemas"]["Application___schema88"];
            dependsOn?: components["schemas"]["Application___schema84"];
            if?: components["schemas"]["Application___schema86"];
            name: components["schemas"]["Application___schema0"];
            properties?: components["schemas"]["Application___schema92"];
            retry?: components["schemas"]["Application___schema91"];
            timeout?: components["schemas"]["Application___schema90"];
            /**
             * @description Apply the components and wait until each is ready (Deployments available, StatefulSets rolled out, Jobs complete).
             * @constant
             */
            type: "deploy";
        } | {
            components?: components["schemas"]["Application___schema88"];
            dependsOn?: components["schemas"]["Application___schema84"];
            if?: components["schemas"]["Application___schema86"];
            name: components["schemas"]["Application___schema0"];
            properties?: components["schemas"]["Application___schema92"];
            retry?: components["schemas"]["Application___schema91"];
            timeout?: components["schemas"]["Application___schema90"];
            /**
             * @description Run job components (e.g. a migration) to completion.
             * @constant
             */
            type: "job";
        } | {
            components?: components["schemas"]["Application___schema88"];
            dependsOn?: components["schemas"]["Application___schema84"];
            if?: components["schemas"]["Application___schema86"];
            name: components["schemas"]["Application___schema0"];
            properties?: {
                gpusPerPod: number;
                /** @default 1 */
                pods: number;
                wait?: components["schemas"]["Application___schema81"];
            };
            retry?: components["schemas"]["Application___schema91"];
            timeout?: components["schemas"]["Application___schema90"];
            /**
             * @description Check that the cluster has the free GPUs a later step needs: fail fast, or wait up to `wait`.
             * @constant
             */
            type: "gpu-check";
        } | {
            components?: components["schemas"]["Application___schema88"];
            dependsOn?: components["schemas"]["Application___schema84"];
            if?: components["schemas"]["Application___schema86"];
            name: components["schemas"]["Application___schema0"];
            properties?: {
                message?: string;
            };
            retry?: components["schemas"]["Application___schema91"];
            timeout?: components["schemas"]["Application___schema90"];
            /**
             * @description Wait until a person approves (or rejects) the run, through the approve update.
             * @constant
             */
            type: "approval";
        } | {
            components?: components["schemas"]["Application___schema88"];
            dependsOn?: components["schemas"]["Application___schema84"];
            if?: components["schemas"]["Application___schema86"];
            name: components["schemas"]["Application___schema0"];
            properties?: {
                manifests: components["schemas"]["Application___schema93"][];
            };
            retry?: components["schemas"]["Application___schema91"];
            timeout?: components["schemas"]["Application___schema90"];
            /**
             * @description Apply raw Kubernetes manifests (properties.manifests) in the application namespace.
             * @constant
             */
            type: "apply";
        } | {
            components?: components["schemas"]["Application___schema88"];
            dependsOn?: components["schemas"]["Application___schema84"];
            if?: components["schemas"]["Application___schema86"];
            name: components["schemas"]["Application___schema0"];
            properties?: {
                /** @default [] */
                objects: {
                    apiVersion: string;
                    kind: string;
                    name: components["schemas"]["Application___schema0"];
                }[];
            };
            retry?: components["schemas"]["Application___schema91"];
            timeout?: components["schemas"]["Application___schema90"];
            /**
             * @description Delete the objects of the components named, and/or the objects listed in properties.objects.
             * @constant
             */
            type: "delete";
        } | {
            components?: components["schemas"]["Application___schema88"];
            dependsOn?: components["schemas"]["Application___schema84"];
            if?: components["schemas"]["Application___schema86"];
            name: components["schemas"]["Application___schema0"];
            properties?: {
                body?: unknown;
                /** @default {} */
                headers: {
                    [key: string]: components["schemas"]["Application___schema95"];
                };
                /**
                 * @default POST
                 * @enum {string}
                 */
                method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
                /** Format: uri */
                url: string;
            };
            retry?: components["schemas"]["Application___schema91"];
            timeout?: components["schemas"]["Application___schema90"];
            /**
             * @description Call an HTTP endpoint; a 2xx answer succeeds, 4xx fails for good, 5xx is retried.
             * @constant
             */
            type: "webhook";
        } | {
            components?: components["schemas"]["Application___schema88"];
            dependsOn?: components["schemas"]["Application___schema84"];
            if?: components["schemas"]["Application___schema86"];
            name: components["schemas"]["Application___schema0"];
            properties?: Record<string, never>;
            retry?: components["schemas"]["Application___schema91"];
            timeout?: components["schemas"]["Application___schema90"];
            /**
             * @description Do nothing: succeed once the steps it depends on have (generated plans put one between stages instead of N x M dependencies).
             * @constant
             */
            type: "barrier";
        };
        /** @default [] */
        Application___schema88: components["schemas"]["Application___schema89"][];
        Application___schema89: string;
        Application___schema90: components["schemas"]["Application___schema81"];
        Application___schema91: components["schemas"]["Application___schema82"];
        Application___schema92: {
            maxPending?: components["schemas"]["Application___schema81"];
        };
        Application___schema93: {
            apiVersion: string;
            kind: string;
            metadata: {
                name: components["schemas"]["Application___schema0"];
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        Application___schema94: string;
        Application___schema95: string;
        ApprovalDecision: {
            approved: boolean;
            by: string;
            comment?: string;
            step: string;
        };
        Decision: {
            id: string;
            links: components["schemas"]["RunLinks"];
            step: components["schemas"]["StepStatus"];
        };
        DiffResult: {
            application: string;
            changes: {
                /** @enum {string} */
                action: "create" | "change" | "unchanged" | "prune";
                apiVersion: string;
                fields?: {
                    from?: unknown;
                    /** @description e.g. spec.template.spec.containers[web].image */
                    path: string;
                    to?: unknown;
                }[];
                kind: string;
                name: string;
                namespace?: string;
                note?: string;
            }[];
            namespace: string;
            summary: {
                change: number;
                create: number;
                prune: number;
                unchanged: number;
            };
        };
        Health: {
            ok: boolean;
        };
        Problem: {
            code?: string;
            detail: string;
            errors?: {
                hint?: string;
                line?: number;
                message: string;
                path: string;
                /** @description PolicyDenied: the rule that denies the field (allow.<kind> of the platform policy, or policies.allowHostPath) */
                rule?: string;
            }[];
            hint?: string;
            status: number;
            title: string;
            type: string;
        };
        Readiness: {
            checks: {
                [key: string]: {
                    detail: string;
                    ok: boolean;
                };
            };
            ok: boolean;
        };
        Registry: {
            componentTypes?: Record<string, never>[];
            stepTypes?: Record<string, never>[];
            traits?: Record<string, never>[];
        };
        RetryStarted: {
            id: string;
            links: components["schemas"]["RunLinks"];
            /** @enum {string} */
            phase: "Queued" | "Running" | "Succeeded" | "Failed" | "Cancelled";
            retryOf: string;
            skipped: string[];
        };
        Run: {
            application?: string;
            cleanedUp?: string[];
            closeTime?: string;
            finishedAt?: string;
            id: string;
            links: components["schemas"]["RunLinks"];
            message?: string;
            namespace?: string;
            /** @enum {string} */
            phase: "Queued" | "Running" | "Succeeded" | "Failed" | "Cancelled";
            pruned?: string[];
            queuedBehind?: string;
            revision?: string;
            rollbackError?: string;
            rolledBackTo?: string;
            startedAt?: string;
            startTime: string;
            steps?: components["schemas"]["StepStatus"][];
            temporalStatus: string;
            undeployed?: string[];
        };
        RunAction: {
            id: string;
            links: components["schemas"]["RunLinks"];
            message: string;
            phase: string;
            temporalStatus?: string;
        };
        RunEvent: {
            at?: string;
            final?: boolean;
            message?: string;
            phase: ("Pending" | "Running" | "Succeeded" | "Failed" | "Skipped" | "Cancelled") | ("Queued" | "Running" | "Succeeded" | "Failed" | "Cancelled");
            seq?: number;
            step?: string;
            temporalStatus?: string;
        };
        RunHistory: {
            closeTime?: string;
            events: number;
            id: string;
            links: components["schemas"]["RunLinks"];
            /** @enum {string} */
            phase: "Queued" | "Running" | "Succeeded" | "Failed" | "Cancelled";
            seconds?: number;
            startTime: string;
            steps: {
                activities: {
                    activity?: string;
                    activityId?: string;
                    attempts?: number;
                    failure?: string;
                    outcome?: string;
                    scheduledAt?: string;
                    seconds?: number;
                }[];
                attempts: number;
                failures: string[];
                seconds?: number;
                step: string;
            }[];
            temporalStatus: string;
            updates: {
                approved?: boolean;
                at?: string;
                by?: string;
                step?: string;
            }[];
        };
        RunLinks: {
            events: string;
            history: string;
            self: string;
            temporalUi: string;
        };
        RunList: {
            /** @description the next page: GET it */
            next?: string;
            runs: components["schemas"]["RunSummary"][];
        };
        RunSummary: {
            application?: string;
            closeTime?: string;
            id: string;
            links: components["schemas"]["RunLinks"];
            namespace?: string;
            /** @enum {string} */
            phase: "Queued" | "Running" | "Succeeded" | "Failed" | "Cancelled";
            revision?: string;
            startTime?: string;
        };
        StartedRun: {
            application: string;
            id: string;
            links: components["schemas"]["RunLinks"];
            namespace: string;
            /** @enum {string} */
            phase: "Queued" | "Running" | "Succeeded" | "Failed" | "Cancelled";
            revision: string;
        };
        StepStatus: {
            attempts: number;
            awaitingApproval?: boolean;
            components: string[];
            decision?: components["schemas"]["ApprovalDecision"];
            /** @description the steps this one waits for (from the run's plan) */
            dependsOn?: string[];
            events?: string[];
            finishedAt?: string;
            /** @description the workflow group the step belongs to (from the run's plan) */
            group?: string;
            logs?: {
                container: string;
                pod: string;
                tail: string;
            }[];
            message?: string;
            name: string;
            /** @enum {string} */
            phase: "Pending" | "Running" | "Succeeded" | "Failed" | "Skipped" | "Cancelled";
            reason?: string;
            /** @enum {string} */
            skipped?: "condition" | "failure";
            startedAt?: string;
            type: string;
            waiting?: {
                desired?: number;
                message?: string;
                ready?: number;
                state?: string;
                target?: string;
                waitingForCapacity?: boolean;
            }[];
            waitingForCapacity?: boolean;
        };
        ValidateResult: {
            application: string;
            manifests: {
                [key: string]: Record<string, never>[];
            };
            namespace: string;
            plan: {
                steps: Record<string, never>[];
            };
            revision: string;
            /** @constant */
            valid: true;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
