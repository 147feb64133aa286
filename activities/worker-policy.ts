/**
 * The platform policy inside the worker, behind the API's check: before objects are applied,
 * the host access they ask for is checked against what any token may do in the namespace (the
 * worker does not know who started the run), and the Pod Security level of a namespace the
 * activity creates is bounded by what the namespace's rules allow. Without a policy in the
 * activities' dependencies (tests wiring a bare worker) nothing is checked here.
 */
import { ApplicationFailure } from '@temporalio/activity';
import { allowedInNamespace, DEFAULT_POD_SECURITY, deniedInObjects, stricterLevel, type Application, type KubeObject, type PodSecurityLevel } from '../src/index.js';
import type { ActivityDeps } from './deps.js';

/** Throws a permanent PolicyDenied failure naming every denied field; returns the namespace's Pod Security level. */
export function enforceWorkerPolicy(deps: ActivityDeps, namespace: string, objects: readonly KubeObject[], opts: { spec?: Application; podSecurity?: PodSecurityLevel | undefined }): PodSecurityLevel {
  const asked = opts.podSecurity ?? DEFAULT_POD_SECURITY;
  if (!deps.policy) return asked;
  const allowed = allowedInNamespace(deps.policy, namespace);
  const denied = deniedInObjects(objects, allowed, opts.spec);
  if (denied.length) throw ApplicationFailure.nonRetryable(`the platform policy denies in namespace ${namespace}: ${denied.join('; ')}`, 'PolicyDenied');
  return stricterLevel(asked, allowed.podSecurity);
}
