/** What the activities close over: the only handles to the outside world they get. */
import type { Logger } from 'pino';
import type { PlatformPolicy } from '../src/index.js';
import type { KubeMinMetrics } from '../workers/metrics.js';
import type { KubeClients } from './kube-clients.js';
import type { EgressConfig } from './webhook-egress.js';
import type { WorkloadWatch } from './workload-watch.js';

export interface ActivityDeps {
  readonly kube: KubeClients;
  readonly watch: WorkloadWatch;
  readonly log: Logger;
  readonly metrics: KubeMinMetrics;
  /** The platform policy, checked again before objects are applied (activities/worker-policy.ts); absent: not checked here. */
  readonly policy?: PlatformPolicy;
  /** Where webhooks may connect beyond public addresses (KUBEMIN_WEBHOOK_ALLOW, KUBEMIN_SERVICE_CIDRS); default: public only. */
  readonly webhookEgress?: EgressConfig;
}
