/**
 * The plan: what the workflow interprets. Plain JSON that names components rather than carrying
 * rendered manifests, so that a change to a renderer never breaks the replay of a running run.
 */
import type { Application } from '../model/application.js';

export const PLAN_VERSION = 'kubemin.io/plan/v1';

/** Step types the engine knows. The workflow maps each one to a handler (a compile-time check). */
export const STEP_TYPES = ['deploy'] as const;
export type StepType = (typeof STEP_TYPES)[number];

export interface PlanStep {
  name: string;
  type: StepType;
  /** Components this step acts on, by name. */
  components: string[];
  /** Steps that must succeed before this one starts. */
  dependsOn: string[];
}

export interface Plan {
  version: typeof PLAN_VERSION;
  application: string;
  namespace: string;
  revision: string;
  /** The normalized spec; activities render manifests from it. */
  spec: Application;
  steps: PlanStep[];
}
