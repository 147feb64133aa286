/**
 * Bearer-token auth. Tokens come from configuration (KUBEMIN_API_TOKENS, JSON), each with a role
 * and the namespaces it may deploy to:
 *   [{ "name": "ci", "token": "...", "role": "operator", "namespaces": ["shop", "staging-*"] }]
 * Roles grow: viewer reads; operator also starts, approves, rejects, cancels and retries runs;
 * admin also terminates. No token: 401; a weaker role: 403; a namespace outside the token's
 * list: 403, before anything starts. Without tokens the API is open (dev mode, said loudly).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { TypedSearchAttributes } from '@temporalio/common';
import { namespaceAllowed } from '../src/policy/namespace-pattern.js';
import { SEARCH_ATTRIBUTES } from '../workflows/contract.js';
import { ForbiddenError, UnauthorizedError } from './errors.js';

export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const TokenSchema = z.object({
  name: z.string().min(1),
  token: z.string().min(16, 'use at least 16 characters (e.g. `openssl rand -hex 24`)'),
  role: z.enum(ROLES),
  namespaces: z.array(z.string().min(1)).default(['*']),
});
export type ApiToken = z.output<typeof TokenSchema>;

/** Who made a request: a token's name, role and namespaces, or the open dev-mode caller. */
export interface Caller {
  name: string;
  role: Role;
  namespaces: string[];
}

export function parseTokens(text: string): ApiToken[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`KUBEMIN_API_TOKENS is not JSON: ${(e as Error).message}`);
  }
  const parsed = z.array(TokenSchema).min(1).safeParse(raw);
  if (!parsed.success) throw new Error(`KUBEMIN_API_TOKENS: ${parsed.error.issues.map((i) => `$[${i.path.join('].')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Whether a namespace matches one of a token's patterns (`*` and a trailing `*` wildcard). */
export { namespaceAllowed } from '../src/policy/namespace-pattern.js';

export interface Auth {
  /** Middleware: finds the caller (401 without a valid token) and checks the role (403). */
  require(role: Role): MiddlewareHandler;
  /** Throws 403 when the caller may not act on a namespace. */
  checkNamespace(c: Context, namespace: string): void;
  /** Throws 403 when the caller may not see or act on a run (by its KubeMinNamespace search attribute). */
  checkRun(c: Context, run: { typedSearchAttributes: TypedSearchAttributes }): void;
  /** The caller of a request that passed `require`. */
  caller(c: Context): Caller;
  readonly open: boolean;
}

const OPEN: Caller = { name: 'anonymous (dev mode)', role: 'admin', namespaces: ['*'] };

export function createAuth(tokens: readonly ApiToken[] | undefined): Auth {
  const known = (tokens ?? []).map((t) => ({ ...t, hash: digest(t.token) }));
  const callerOf = (c: Context): Caller => {
    if (!tokens) return OPEN;
    const [scheme, value] = (c.req.header('authorization') ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !value) throw new UnauthorizedError('this route needs a bearer token');
    const hash = digest(value);
    const found = known.find((t) => timingSafeEqual(t.hash, hash));
    if (!found) throw new UnauthorizedError('the bearer token is not one KubeMin knows');
    return { name: found.name, role: found.role, namespaces: found.namespaces };
  };
  return {
    open: !tokens,
    require: (role) => async (c, next) => {
      const caller = callerOf(c);
      if (ROLES.indexOf(caller.role) < ROLES.indexOf(role)) {
        throw new ForbiddenError(`${caller.name} has the role ${caller.role}; ${c.req.method} ${c.req.routePath} needs ${role}`, `ask for a token with the ${role} role`);
      }
      c.set('caller' as never, caller as never);
      await next();
    },
    checkNamespace: (c, namespace) => {
      const caller = (c.get('caller' as never) as Caller | undefined) ?? callerOf(c);
      if (!namespaceAllowed(caller.namespaces, namespace)) {
        throw new ForbiddenError(`${caller.name} may not deploy to namespace "${namespace}" (allowed: ${caller.namespaces.join(', ')})`, 'use a namespace the token lists, or a token that lists this one');
      }
    },
    caller: (c) => (c.get('caller' as never) as Caller | undefined) ?? callerOf(c),
    checkRun(c, run) {
      const namespace = run.typedSearchAttributes.get(SEARCH_ATTRIBUTES.namespace);
      // a run without the attribute (not started by KubeMin's API) is for tokens of every namespace only
      this.checkNamespace(c, namespace ?? '*');
    },
  };
}
