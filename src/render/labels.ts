/**
 * KubeMin's labels. Selectors use only app + component, so a Service never selects the pods of
 * another component, and the revision label sits on object metadata only: a new revision that
 * leaves a component unchanged must not restart its pods.
 */
export const LABELS = {
  managedBy: 'app.kubernetes.io/managed-by',
  app: 'kubemin.io/app',
  component: 'kubemin.io/component',
  revision: 'kubemin.io/revision',
} as const;

export const MANAGED_BY = 'kubemin';

/** The stable selector of one component's pods. */
export function selectorLabels(app: string, component: string): Record<string, string> {
  return { [LABELS.app]: app, [LABELS.component]: component };
}

/** Labels for an object KubeMin owns. */
export function objectLabels(app: string, component: string, revision: string): Record<string, string> {
  return { [LABELS.managedBy]: MANAGED_BY, ...selectorLabels(app, component), [LABELS.revision]: revision };
}

/** Labels for the pod template: no revision, see the header. */
export function podLabels(app: string, component: string): Record<string, string> {
  return { [LABELS.managedBy]: MANAGED_BY, ...selectorLabels(app, component) };
}
