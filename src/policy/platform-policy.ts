/**
 * The platform's policy: what host access the platform team allows, per API token and/or
 * namespace pattern, and the Pod Security level of the namespaces KubeMin creates. It comes from
 * KubeMin's configuration (KUBEMIN_POLICY / KUBEMIN_POLICY_FILE, read in workers/config.ts),
 * never from a spec: a spec's own `policies` can only narrow what this allows.
 *
 *   { "podSecurity": "baseline",
 *     "rules": [{ "name": "staging", "namespaces": ["staging-*"], "tokens": ["ci"],
 *                 "allow": { "hostPath": true }, "podSecurity": "privileged" }] }
 *
 * Every rule that matches a (token, namespace) counts, and they combine to the most permissive of
 * them; with no matching rule (and with no policy at all) every kind of host access is denied.
 */
import { z } from 'zod';
import { jsonPath } from '../model/json-path.js';
import { HOST_ACCESS, type HostAccess } from './host-access.js';
import { namespaceAllowed } from './namespace-pattern.js';

/** Pod Security Standards levels, from the most permissive. */
export const POD_SECURITY_LEVELS = ['privileged', 'baseline', 'restricted'] as const;
export type PodSecurityLevel = (typeof POD_SECURITY_LEVELS)[number];
export const DEFAULT_POD_SECURITY: PodSecurityLevel = 'baseline';

/** What a pod-level permission needs of Pod Security: baseline refuses each of these pods. */
const POD_LEVEL_ACCESS: readonly HostAccess[] = ['hostPath', 'privileged', 'hostNamespaces', 'hostPorts'];

const AllowSchema = z.strictObject(Object.fromEntries(HOST_ACCESS.map((a) => [a, z.boolean().optional()])) as Record<HostAccess, z.ZodOptional<z.ZodBoolean>>);

const RuleSchema = z
  .strictObject({
    /** For messages: which rule allowed or did not. */
    name: z.string().min(1).optional(),
    /** Namespace patterns (`shop`, `staging-*`, `*`); absent: every namespace. */
    namespaces: z.array(z.string().min(1)).min(1).optional(),
    /** API token names; absent: every caller. */
    tokens: z.array(z.string().min(1)).min(1).optional(),
    allow: AllowSchema.default({}),
    /** The Pod Security level of the namespaces KubeMin creates under this rule. */
    podSecurity: z.enum(POD_SECURITY_LEVELS).optional(),
  })
  .superRefine((rule, ctx) => {
    const podLevel = POD_LEVEL_ACCESS.filter((a) => rule.allow[a]);
    if (podLevel.length && rule.podSecurity && rule.podSecurity !== 'privileged') {
      ctx.addIssue({ code: 'custom', path: ['podSecurity'], message: `allow.${podLevel.join(', allow.')} needs podSecurity "privileged": Pod Security "${rule.podSecurity}" refuses such pods in the namespaces KubeMin creates` });
    }
  });

const PolicySchema = z.strictObject({
  /** The level for a namespace whose matching rules name none. */
  podSecurity: z.enum(POD_SECURITY_LEVELS).optional(),
  rules: z.array(RuleSchema).default([]),
});

export type PolicyRule = z.output<typeof RuleSchema>;
export interface PlatformPolicy {
  podSecurity: PodSecurityLevel;
  rules: PolicyRule[];
}

/** No configuration: nothing dangerous is allowed, created namespaces are baseline. */
export const DEFAULT_POLICY: PlatformPolicy = { podSecurity: DEFAULT_POD_SECURITY, rules: [] };

/**
 * Validates a policy (an object with `rules`, or a bare list of rules); throws an Error naming
 * every wrong entry by JSON path, prefixed with `source` (the variable or file it came from).
 */
export function parsePlatformPolicy(raw: unknown, source: string, defaultLevel: PodSecurityLevel = DEFAULT_POD_SECURITY): PlatformPolicy {
  const parsed = PolicySchema.safeParse(Array.isArray(raw) ? { rules: raw } : raw);
  if (!parsed.success) throw new Error(`${source}: ${parsed.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`).join('; ')}`);
  // a pod-level permission without a level: the level that lets those pods run
  const rules = parsed.data.rules.map((r) => (r.podSecurity || !POD_LEVEL_ACCESS.some((a) => r.allow[a]) ? r : { ...r, podSecurity: 'privileged' as const }));
  return { podSecurity: parsed.data.podSecurity ?? defaultLevel, rules };
}

/** What the platform allows one caller in one namespace. */
export interface Allowed {
  allow: Record<HostAccess, boolean>;
  podSecurity: PodSecurityLevel;
  /** The rules that matched (by name, else `rules[i]`), for messages. */
  rules: string[];
}

const ruleMatches = (r: PolicyRule, token: string | undefined, namespace: string): boolean =>
  (!r.namespaces || namespaceAllowed(r.namespaces, namespace)) && (!r.tokens || (token !== undefined && r.tokens.includes(token)));

const mostPermissive = (levels: readonly PodSecurityLevel[]): PodSecurityLevel =>
  POD_SECURITY_LEVELS.find((l) => levels.includes(l)) ?? DEFAULT_POD_SECURITY;

/** The most permissive combination of the rules matching a token (by name) and a namespace. */
export function allowedFor(policy: PlatformPolicy, token: string | undefined, namespace: string): Allowed {
  return combine(policy, (r) => ruleMatches(r, token, namespace));
}

/**
 * What any token may do in a namespace: the worker's bound (it does not know who started a run),
 * so a plan that reached Temporal without the API's check still gets no more than that.
 */
export function allowedInNamespace(policy: PlatformPolicy, namespace: string): Allowed {
  return combine(policy, (r) => !r.namespaces || namespaceAllowed(r.namespaces, namespace));
}

/** The more restrictive of two levels. */
export const stricterLevel = (a: PodSecurityLevel, b: PodSecurityLevel): PodSecurityLevel => (POD_SECURITY_LEVELS.indexOf(a) > POD_SECURITY_LEVELS.indexOf(b) ? a : b);

function combine(policy: PlatformPolicy, matches: (r: PolicyRule) => boolean): Allowed {
  const matching = policy.rules.map((r, i) => ({ r, label: r.name ?? `rules[${i}]` })).filter(({ r }) => matches(r));
  const allow = Object.fromEntries(HOST_ACCESS.map((a) => [a, matching.some(({ r }) => r.allow[a] === true)])) as Record<HostAccess, boolean>;
  const podSecurity = matching.length ? mostPermissive(matching.map(({ r }) => r.podSecurity ?? policy.podSecurity)) : policy.podSecurity;
  return { allow, podSecurity, rules: matching.map(({ label }) => label) };
}
