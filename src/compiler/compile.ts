/**
 * Spec -> plan: a pure, deterministic function. With no explicit workflow, KubeMin generates one
 * (KubeVela's default-step generator, made dependency-aware): one `deploy` step per component;
 * configuration (config, secret) first; workloads after the configuration and after the
 * components they `dependsOn`; entries (gateway) after every workload; independent steps in
 * parallel. Steps are listed in a stable topological order.
 */
import type { Stage } from '../components/component-type.js';
import { findComponentType } from '../components/registry.js';
import type { Application, Component } from '../model/application.js';
import { PLAN_VERSION, type Plan, type PlanStep } from './plan.js';
import { revisionOf } from './revision.js';

const stepName = (component: string): string => `deploy-${component}`;

const stageOf = (c: Component): Stage => findComponentType(c.type)?.stage ?? 'workload';

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
  const namesIn = (stage: Stage) => app.components.filter((c) => stageOf(c) === stage).map((c) => stepName(c.name));
  const before: Record<Stage, string[]> = {
    configuration: [],
    workload: namesIn('configuration'),
    entry: [...namesIn('configuration'), ...namesIn('workload')],
  };
  const steps = app.components.map((c): PlanStep => {
    const deps = [...new Set([...before[stageOf(c)], ...c.dependsOn.map(stepName)])];
    return { name: stepName(c.name), type: 'deploy', components: [c.name], dependsOn: deps };
  });
  return topological(steps);
}

export function compile(app: Application): Plan {
  return { version: PLAN_VERSION, application: app.name, namespace: app.namespace, revision: revisionOf(app), spec: app, steps: defaultSteps(app) };
}
