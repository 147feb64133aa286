/**
 * Spec -> plan: a pure, deterministic function. With no explicit workflow, KubeMin generates one
 * (KubeVela's default-step generator, made dependency-aware): one `deploy` step per component;
 * configuration (components with no workload: config, secret) first; every other component
 * after the configuration and after the components it `dependsOn`; independent steps in
 * parallel. Steps are listed in a stable topological order.
 */
import { findComponentType } from '../components/registry.js';
import type { Application, Component } from '../model/application.js';
import { PLAN_VERSION, type Plan, type PlanStep } from './plan.js';
import { revisionOf } from './revision.js';

const stepName = (component: string): string => `deploy-${component}`;

const isConfiguration = (c: Component): boolean => findComponentType(c.type)?.workload === 'none';

/** Kahn's algorithm, taking ready steps in their original order: the same spec, the same plan. */
function topological(steps: PlanStep[]): PlanStep[] {
  const done = new Set<string>();
  const out: PlanStep[] = [];
  let pending = steps;
  while (pending.length) {
    const ready = pending.filter((s) => s.dependsOn.every((d) => done.has(d)));
    if (ready.length === 0) return [...out, ...pending]; // a cycle: validation reports it
    ready.forEach((s) => done.add(s.name));
    out.push(...ready);
    pending = pending.filter((s) => !done.has(s.name));
  }
  return out;
}

export function defaultSteps(app: Application): PlanStep[] {
  const configuration = app.components.filter(isConfiguration).map((c) => stepName(c.name));
  const steps = app.components.map((c): PlanStep => {
    const after = isConfiguration(c) ? [] : configuration;
    const deps = [...new Set([...after, ...c.dependsOn.map(stepName)])];
    return { name: stepName(c.name), type: 'deploy', components: [c.name], dependsOn: deps };
  });
  return topological(steps);
}

export function compile(app: Application): Plan {
  return { version: PLAN_VERSION, application: app.name, namespace: app.namespace, revision: revisionOf(app), spec: app, steps: defaultSteps(app) };
}
