/**
 * Spec -> plan: a pure, deterministic function. With no explicit workflow, KubeMin generates one
 * (KubeVela's default-step generator, made dependency-aware): one `deploy` step per component;
 * configuration (config, secret) first; workloads after the configuration and after the
 * components they `dependsOn`; entries (gateway) after every workload; independent steps in
 * parallel, and a barrier step between stages where it saves edges (gate). Steps are listed in
 * a stable topological order. An explicit `workflow` is
 * flattened instead (explicitSteps).
 */
import type { Stage } from '../components/component-type.js';
import { findComponentType } from '../components/registry.js';
import type { Application, Component, StepSpec } from '../model/application.js';
import { componentNamed } from '../model/component-index.js';
import { durationSeconds } from '../model/duration.js';
import { effectivePolicy } from '../model/policies.js';
import { findStepType } from '../steps/registry.js';
import { PLAN_VERSION, type Plan, type PlanStep } from './plan.js';
import { referencesOf } from './references.js';
import { revisionOf } from './revision.js';

const stepName = (component: string): string => `deploy-${component}`;

const stageOf = (c: Component): Stage => findComponentType(c.type)?.stage ?? 'workload';

/**
 * Kahn's algorithm with counts of unmet dependencies, in rounds: each round takes every step
 * whose dependencies are all done, in their original order, so the same spec gives the same
 * plan. Linear (plus sorting each round). Steps left over (a cycle, or a dependency on no step)
 * follow in their original order: validation reports them.
 */
function topological(steps: PlanStep[]): PlanStep[] {
  const unmet = steps.map((s) => s.dependsOn.length);
  const dependents = new Map<string, number[]>();
  steps.forEach((s, i) => s.dependsOn.forEach((d) => (dependents.get(d) ?? dependents.set(d, []).get(d))?.push(i)));
  // the steps that step i was the last unmet dependency of
  const released = (i: number): number[] =>
    (dependents.get(steps[i]?.name ?? '') ?? []).filter((j) => {
      unmet[j] = (unmet[j] ?? 0) - 1;
      return unmet[j] === 0;
    });
  const order: number[] = [];
  let round = steps.flatMap((s, i) => (unmet[i] === 0 ? [i] : []));
  while (round.length) {
    order.push(...round);
    round = round.flatMap(released).sort((a, b) => a - b);
  }
  const placed = new Set(order);
  return [...order.map((i) => steps[i] as PlanStep), ...steps.filter((_, i) => !placed.has(i))];
}

/** The barrier steps of generated plans (step type `barrier`); no generated deploy step has these names. */
export const BARRIER_STEPS = { configuration: 'configuration', workloads: 'workloads' } as const;

interface Gate {
  /** What a consumer depends on to come after the gated steps. */
  deps: string[];
  barrier?: PlanStep;
}

/**
 * How `consumers` steps come after `steps`: each depends on all of them, or, when that takes
 * more edges (|steps| x |consumers| > |steps| + |consumers|), on one barrier step that depends
 * on them. So small plans stay as they read, and 1,000 x 1,000 edges become 2,000.
 */
function gate(name: string, steps: string[], consumers: number): Gate {
  if (steps.length * consumers <= steps.length + consumers) return { deps: steps };
  return { deps: [name], barrier: { name, type: 'barrier', components: [], dependsOn: steps, if: 'succeeded', properties: {} } };
}

export function defaultSteps(app: Application): PlanStep[] {
  const namesIn = (stage: Stage) => app.components.filter((c) => stageOf(c) === stage).map((c) => stepName(c.name));
  const [configs, workloads, entries] = [namesIn('configuration'), namesIn('workload'), namesIn('entry')];
  // workloads come after every configuration step; entries after every workload (and so after
  // the configuration too), or after the configuration when there is no workload
  const configured = gate(BARRIER_STEPS.configuration, configs, workloads.length || entries.length);
  const deployed = workloads.length ? gate(BARRIER_STEPS.workloads, workloads, entries.length) : configured;
  const before: Record<Stage, { deps: string[]; covered: ReadonlySet<string> }> = {
    configuration: { deps: [], covered: new Set() },
    workload: { deps: configured.deps, covered: new Set(configs) },
    entry: { deps: deployed.deps, covered: new Set([...configs, ...workloads]) },
  };
  const steps = app.components.map((c): PlanStep => {
    const { deps, covered } = before[stageOf(c)];
    const own = c.dependsOn.map(stepName).filter((d) => !covered.has(d));
    return planStep(withStepPolicy(app, { name: stepName(c.name), type: 'deploy', components: [c.name], if: 'succeeded', properties: {} }), [...new Set([...deps, ...own])]);
  });
  // without workloads, `deployed` is `configured`: its barrier is listed once
  const barriers = [...new Set([configured.barrier, deployed.barrier])].filter((b): b is PlanStep => b !== undefined);
  return topological([...steps, ...barriers]);
}

/** A step's timeout and retry: its own, else the step policy of the first component it acts on. */
function withStepPolicy(app: Application, s: StepSpec): StepSpec {
  const policy = s.components.map((name) => componentNamed(app, name)).map((c) => (c ? effectivePolicy(app, c).steps : undefined)).find(Boolean);
  const timeout = s.timeout ?? policy?.timeout;
  const retry = s.retry ?? policy?.retry;
  return { ...s, ...(timeout ? { timeout } : {}), ...(retry ? { retry } : {}) };
}

function planStep(s: StepSpec, dependsOn: string[], group?: string): PlanStep {
  const activity = findStepType(s.type)?.activity;
  return {
    name: s.name,
    type: s.type,
    components: s.components,
    dependsOn,
    if: s.if,
    properties: s.properties,
    ...(s.timeout ? { timeoutSeconds: durationSeconds(s.timeout) } : {}),
    ...(s.retry ? { retry: { maxAttempts: s.retry.maxAttempts, initialIntervalSeconds: durationSeconds(s.retry.initialInterval), backoff: s.retry.backoff } } : {}),
    ...(activity ? { activity } : {}),
    ...(group ? { group } : {}),
  };
}

/**
 * An explicit workflow, flattened to plan steps. Top-level entries run one after another unless
 * they say what they depend on; a parallel group's steps all start together, a serial group's
 * one after another; depending on a group means depending on all of its steps.
 */
export function explicitSteps(app: Application, workflow: NonNullable<Application['workflow']>): PlanStep[] {
  const members = new Map(workflow.steps.map((e) => [e.name, 'steps' in e ? e.steps.map((s) => s.name) : [e.name]]));
  const expand = (names: string[]) => [...new Set(names.flatMap((n) => members.get(n) ?? [n]))];
  let previous: string[] = [];
  return workflow.steps.flatMap((entry) => {
    const deps = entry.dependsOn ? expand(entry.dependsOn) : previous;
    previous = members.get(entry.name) ?? [];
    if (!('steps' in entry)) return [planStep(withStepPolicy(app, entry), deps)];
    return entry.steps.map((s, i) => {
      const own = s.dependsOn ? expand(s.dependsOn) : [];
      const before = entry.mode === 'serial' && i > 0 ? [entry.steps[i - 1]?.name as string] : deps;
      return planStep(withStepPolicy(app, { ...s, if: s.if === 'succeeded' ? entry.if : s.if }), [...new Set([...before, ...own])], entry.name);
    });
  });
}

export function compile(app: Application): Plan {
  const steps = app.workflow ? explicitSteps(app, app.workflow) : defaultSteps(app);
  return { version: PLAN_VERSION, application: app.name, namespace: app.namespace, revision: revisionOf(app), spec: app, references: referencesOf(app), steps };
}
