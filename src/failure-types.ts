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
  /** The webhook's destination (or a redirect's) is loopback, link-local, private or a cluster Service, and not allowed (KUBEMIN_WEBHOOK_ALLOW). */
  'WebhookDestinationDenied',
  'ApprovalRejected',
  'ApprovalTimedOut',
  /** An object the component renders is labelled as another application's (`adopt: true` takes it over). */
  'OwnedByAnotherApplication',
  /** Kubernetes forbids the change in place and re-creating would interrupt service (`recreate: true` allows it). */
  'ImmutableFieldChange',
  /** The platform policy denies host access an object asks for (src/policy). */
  'PolicyDenied',
] as const;

export type PermanentFailureType = (typeof PERMANENT_FAILURE_TYPES)[number];
