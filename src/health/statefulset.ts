/**
 * StatefulSet health, by Argo CD's rules: the newest generation observed, every replica ready,
 * and the rolling update finished (updateRevision == currentRevision), partition-aware.
 */
import type { Health } from './deployment.js';

export interface StatefulSetLike {
  metadata?: { generation?: number };
  spec?: { replicas?: number; updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } } };
  status?: { observedGeneration?: number; readyReplicas?: number; updatedReplicas?: number; currentRevision?: string; updateRevision?: string };
}

export function statefulSetHealth(obj: StatefulSetLike): Health {
  const desired = obj.spec?.replicas ?? 1;
  const ready = obj.status?.readyReplicas ?? 0;
  const at = (state: Health['state'], message: string): Health => ({ state, message, ready, desired });
  if ((obj.status?.observedGeneration ?? 0) < (obj.metadata?.generation ?? 0)) return at('Progressing', 'waiting for the StatefulSet controller to observe the new generation');
  if (ready < desired) return at('Progressing', `${ready} of ${desired} replicas ready`);
  const strategy = obj.spec?.updateStrategy;
  if (strategy?.type === 'OnDelete') return at('Healthy', `${ready} of ${desired} replicas ready (OnDelete updates)`);
  const partition = strategy?.rollingUpdate?.partition ?? 0;
  if (partition > 0) {
    const updated = obj.status?.updatedReplicas ?? 0;
    return updated < desired - partition ? at('Progressing', `${updated} of ${desired - partition} replicas above the partition updated`) : at('Healthy', `partitioned rollout done (${desired - partition} updated)`);
  }
  if (obj.status?.updateRevision && obj.status.updateRevision !== obj.status.currentRevision) return at('Progressing', `rolling update to revision ${obj.status.updateRevision} in progress`);
  return at('Healthy', `${ready} of ${desired} replicas ready`);
}
