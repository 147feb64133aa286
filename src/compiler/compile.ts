/**
 * Spec -> plan: a pure, deterministic function. Today every component gets its own `deploy`
 * step and independent steps run in parallel.
 */
import type { Application } from '../model/application.js';
import { PLAN_VERSION, type Plan, type PlanStep } from './plan.js';
import { revisionOf } from './revision.js';

export function compile(app: Application): Plan {
  const steps: PlanStep[] = app.components.map((c) => ({
    name: `deploy-${c.name}`,
    type: 'deploy',
    components: [c.name],
    dependsOn: [],
  }));
  return { version: PLAN_VERSION, application: app.name, namespace: app.namespace, revision: revisionOf(app), spec: app, steps };
}
