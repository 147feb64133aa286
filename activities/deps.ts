/** What the activities close over: the only handles to the outside world they get. */
import type { Logger } from 'pino';
import type { KubeMinMetrics } from '../workers/metrics.js';
import type { KubeClients } from './kube-clients.js';
import type { WorkloadWatch } from './workload-watch.js';

export interface ActivityDeps {
  readonly kube: KubeClients;
  readonly watch: WorkloadWatch;
  readonly log: Logger;
  readonly metrics: KubeMinMetrics;
}
