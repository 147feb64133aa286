/**
 * Failure types that no retry can fix. Activities throw them as non-retryable failures and the
 * workflow lists them in every retry policy, so both sides agree on one list.
 */
export const PERMANENT_FAILURE_TYPES = [
  'KubeBadRequest',
  'KubeForbidden',
  'KubeNotFound',
  'KubeInvalid',
  'SpecInvalid',
  'RolloutDegraded',
  'UnknownComponentType',
  'NotFound',
  'InsufficientGpu',
  'Unschedulable',
  'WebhookRejected',
  'ApprovalRejected',
  'ApprovalTimedOut',
] as const;

export type PermanentFailureType = (typeof PERMANENT_FAILURE_TYPES)[number];
