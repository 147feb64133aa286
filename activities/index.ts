/**
 * The activities: the only code that touches Kubernetes. Built by a factory that closes over
 * the clients, so workers wire them and tests can build them against any cluster.
 */
import type { ActivityDeps } from './deps.js';
import { createApplyManifests, createApplyObjects } from './apply-manifests.js';
import { createCallWebhook } from './call-webhook.js';
import { createCheckGpuCapacity } from './check-gpu-capacity.js';
import { createDeleteResources } from './delete-resources.js';
import { createDiffManifests } from './diff-manifests.js';
import { createPruneResources } from './prune-resources.js';
import { createWaitForRollout } from './wait-for-rollout.js';

export function createActivities(deps: ActivityDeps) {
  return {
    applyManifests: createApplyManifests(deps),
    waitForRollout: createWaitForRollout(deps),
    pruneResources: createPruneResources(deps),
    applyObjects: createApplyObjects(deps),
    deleteResources: createDeleteResources(deps),
    callWebhook: createCallWebhook(deps.webhookEgress),
    checkGpuCapacity: createCheckGpuCapacity(deps),
    diffManifests: createDiffManifests(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { ActivityDeps } from './deps.js';
export type { ApplyManifestsInput, ApplyManifestsResult } from './apply-manifests.js';
export type { RolloutProgress, WaitForRolloutInput } from './wait-for-rollout.js';
export type { PruneResourcesInput, PruneResourcesResult } from './prune-resources.js';
export type { DiffManifestsInput } from './diff-manifests.js';
export { createKubeClients, type KubeClients } from './kube-clients.js';
export { createWaitForRollout } from './wait-for-rollout.js';
export { applyAll } from './apply-manifests.js';
export { createWorkloadWatch, type WorkloadWatch } from './workload-watch.js';
export { DEFAULT_SERVICE_CIDRS, type EgressConfig } from './webhook-egress.js';
export { fieldManagerFor, LEGACY_FIELD_MANAGER } from './field-owner.js';
