/**
 * Deployment health, by the rules Argo CD users trust: the controller has observed the newest
 * generation, every desired replica is updated, no old replica is left, and every updated
 * replica is available. A passed progress deadline is Degraded, a paused rollout Suspended.
 */
export type HealthState = 'Healthy' | 'Progressing' | 'Degraded' | 'Suspended';

export interface Health {
  state: HealthState;
  message: string;
  ready: number;
  desired: number;
  /** A machine-readable cause where the state has one (e.g. ProgressDeadlineExceeded). */
  reason?: string;
}

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

/** The fields of a Deployment the rules read; any object from the API server fits. */
export interface DeploymentLike {
  metadata?: { generation?: number };
  spec?: { replicas?: number; paused?: boolean };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    readyReplicas?: number;
    conditions?: Condition[];
  };
}

/** The Deployment controller's reason when a rollout made no progress within progressDeadlineSeconds. */
export const PROGRESS_DEADLINE_EXCEEDED = 'ProgressDeadlineExceeded';

type Rule = (d: Required<Pick<Health, 'ready' | 'desired'>> & { obj: DeploymentLike }) => Omit<Health, 'ready' | 'desired'> | undefined;

/** Checked in order; the first that answers decides. */
const RULES: readonly Rule[] = [
  ({ obj }) => (obj.spec?.paused ? { state: 'Suspended', message: 'the rollout is paused' } : undefined),
  ({ obj }) =>
    (obj.status?.observedGeneration ?? 0) < (obj.metadata?.generation ?? 0)
      ? { state: 'Progressing', message: 'waiting for the Deployment controller to observe the new generation' }
      : undefined,
  ({ obj }) => {
    const c = obj.status?.conditions?.find((x) => x.type === 'Progressing');
    return c?.reason === 'ProgressDeadlineExceeded'
      ? { state: 'Degraded', reason: PROGRESS_DEADLINE_EXCEEDED, message: `${PROGRESS_DEADLINE_EXCEEDED}: ${c.message ?? 'the rollout made no progress in time'}` }
      : undefined;
  },
  ({ obj, desired }) => {
    const updated = obj.status?.updatedReplicas ?? 0;
    return updated < desired ? { state: 'Progressing', message: `${updated} of ${desired} replicas updated` } : undefined;
  },
  ({ obj }) => {
    const total = obj.status?.replicas ?? 0;
    const updated = obj.status?.updatedReplicas ?? 0;
    return total > updated ? { state: 'Progressing', message: `${total - updated} old replicas pending termination` } : undefined;
  },
  ({ obj }) => {
    const available = obj.status?.availableReplicas ?? 0;
    const updated = obj.status?.updatedReplicas ?? 0;
    return available < updated ? { state: 'Progressing', message: `${available} of ${updated} updated replicas available` } : undefined;
  },
];

export function deploymentHealth(obj: DeploymentLike): Health {
  const desired = obj.spec?.replicas ?? 1;
  const ready = obj.status?.availableReplicas ?? 0;
  for (const rule of RULES) {
    const verdict = rule({ obj, desired, ready });
    if (verdict) return { ...verdict, ready, desired };
  }
  return { state: 'Healthy', message: `${ready} of ${desired} replicas available`, ready, desired };
}
