/**
 * Apply and delete steps act inside the application's namespace only: a cluster-scoped kind
 * (Namespace, ClusterRole, ClusterRoleBinding, CRDs...) would escape the namespaces a token may
 * deploy to, so it fails the step for good. Whether a kind is namespaced comes from the API
 * server's discovery (cached by the client), so custom resources are covered too.
 */
import type { V1APIResource } from '@kubernetes/client-node';
import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityDeps } from './deps.js';

export async function requireNamespaced(deps: ActivityDeps, apiVersion: string, kind: string): Promise<void> {
  // KubernetesObjectApi.resource() is its discovery lookup (protected in the typings)
  const discovery = deps.kube.objects as unknown as { resource(apiVersion: string, kind: string): Promise<V1APIResource | undefined> };
  const found = await discovery.resource(apiVersion, kind).catch(() => undefined);
  if (found && !found.namespaced) {
    throw ApplicationFailure.nonRetryable(`${kind} (${apiVersion}) is cluster-scoped: apply and delete steps act only inside the application's namespace`, 'ClusterScopedDenied');
  }
}
