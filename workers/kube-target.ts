/**
 * Which Kubernetes cluster the embedded default talks to: KUBECONFIG or the current context of
 * ~/.kube/config when there is one, else the local kwok cluster (started, and provisioned on
 * first use). KUBEMIN_LOCAL_CLUSTER=1 forces the local cluster.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';

export type KubeTarget = { kind: 'configured'; kubeconfig?: string; context: string } | { kind: 'local' };

export function chooseKubeTarget(env: NodeJS.ProcessEnv = process.env): KubeTarget {
  if (env.KUBEMIN_LOCAL_CLUSTER === '1') return { kind: 'local' };
  const file = env.KUBECONFIG || join(homedir(), '.kube', 'config');
  if (!existsSync(file.split(':')[0] ?? file)) return { kind: 'local' };
  const kc = new KubeConfig();
  kc.loadFromDefault();
  const context = kc.getCurrentContext();
  return context ? { kind: 'configured', ...(env.KUBECONFIG ? { kubeconfig: env.KUBECONFIG } : {}), context } : { kind: 'local' };
}
