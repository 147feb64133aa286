/** The Kubernetes clients the activities use, built once per worker from one KubeConfig. */
import type { KubeConfig} from '@kubernetes/client-node';
import { AppsV1Api, BatchV1Api, CoreV1Api, KubernetesObjectApi } from '@kubernetes/client-node';

export interface KubeClients {
  readonly kc: KubeConfig;
  readonly objects: KubernetesObjectApi;
  readonly core: CoreV1Api;
  readonly apps: AppsV1Api;
  readonly batch: BatchV1Api;
}

export function createKubeClients(kc: KubeConfig): KubeClients {
  return {
    kc,
    objects: KubernetesObjectApi.makeApiClient(kc),
    core: kc.makeApiClient(CoreV1Api),
    apps: kc.makeApiClient(AppsV1Api),
    batch: kc.makeApiClient(BatchV1Api),
  };
}
