/**
 * The plan: what the workflow interprets. Plain JSON that names components rather than carrying
 * rendered manifests, so that a change to a renderer never breaks the replay of a running run.
 */
import type { Application } from '../model/application.js';
import type { PodSecurityLevel } from '../policy/platform-policy.js';

export const PLAN_VERSION = 'kubemin.io/plan/v1';

export interface PlanRetry {
  maxAttempts: number;
  initialIntervalSeconds: number;
  backoff: number;
}

export interface PlanStep {
  name: string;
  /** A built-in step type (the workflow has a handler for each) or a plugin type. */
  type: string;
  /** Components this step acts on, by name. */
  components: string[];
  /** Steps that must finish before this one starts. */
  dependsOn: string[];
  /** Run when every dependency succeeded, when one failed, or always. */
  if: 'succeeded' | 'failed' | 'always';
  timeoutSeconds?: number;
  retry?: PlanRetry;
  /** The step type's properties, validated. */
  properties: Record<string, unknown>;
  /** Plugin step types: the activity that runs the step. */
  activity?: string;
  /** The group the step came from, if any. */
  group?: string;
}

export interface Plan {
  version: typeof PLAN_VERSION;
  application: string;
  namespace: string;
  revision: string;
  /** The normalized spec; activities render manifests from the part of it they need (specFor). */
  spec: Application;
  /**
   * Per component whose rendering reads other components (gateway routes, config and secret
   * sources), their names: with them the workflow gives each activity only the part of the spec
   * it renders from. Plans compiled before they existed lack them (activities get the whole spec).
   */
  references?: Record<string, string[]>;
  steps: PlanStep[];
  /** With `onFailure: rollback`: the last successful revision, to re-apply if this run fails. */
  previous?: PreviousRevision;
  /** A retry of a failed run: the steps that run already did, which this one does not redo. */
  resume?: ResumeFrom;
  /**
   * The Pod Security level (`pod-security.kubernetes.io/enforce`) of the namespace when a run
   * creates it, from the platform policy at start (absent in older plans: baseline).
   */
  podSecurity?: PodSecurityLevel;
}

export interface ResumeFrom {
  /** The failed run's workflow id. */
  run: string;
  /** Its steps that Succeeded. */
  succeeded: string[];
}

export interface PreviousRevision {
  revision: string;
  /** The run that deployed it. */
  run: string;
  spec: Application;
  /** The references of its plan (Plan.references), when it had them. */
  references?: Record<string, string[]>;
}
