/**
 * The platform policy at the API's door: before a run starts (POST /v1/runs, retry) or a spec is
 * dry-run (POST /v1/validate), the spec's rendered components and `apply` manifests are checked
 * against what the policy allows the caller's token in the spec's namespace. Every violation is
 * answered at once, as 403 PolicyDenied naming the field (and its line when the spec was text).
 */
import { allowedFor, checkPolicy, PolicyDeniedError, withLines, type Application, type KubeObject, type PlatformPolicy, type PodSecurityLevel } from '../src/index.js';
import type { Caller } from './auth.js';

export interface PolicyCheck {
  caller: Caller;
  spec: Application;
  /** The spec as submitted, for the lines of the violations. */
  text?: string;
  /** The components' objects when the route rendered them already (renderAll). */
  rendered?: ReadonlyMap<string, readonly KubeObject[]>;
}

/** Throws PolicyDeniedError listing every denied field; otherwise the Pod Security level for the namespace. */
export function enforcePolicy(policy: PlatformPolicy, { caller, spec, text, rendered }: PolicyCheck): PodSecurityLevel {
  const allowed = allowedFor(policy, caller.name, spec.namespace);
  const violations = checkPolicy(spec, allowed, { caller: caller.name, namespace: spec.namespace }, ...(rendered ? [rendered] : []));
  if (violations.length) throw new PolicyDeniedError(text === undefined ? violations : withLines(text, violations));
  return allowed.podSecurity;
}
