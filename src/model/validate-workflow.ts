/**
 * Validation of an explicit workflow: unique step and group names, known step types with valid
 * properties, components that exist and suit the step, dependsOn that names steps or groups,
 * and no dependency cycle. Errors carry JSON paths like every other spec error.
 */
import type { z } from 'zod';
import type { ErrorDetail } from '../errors.js';
import { findStepType, stepTypeNames } from '../steps/registry.js';
import type { Application, StepSpec } from './application.js';
import { jsonPath } from './json-path.js';
import { findCycle } from './cycle.js';

type Path = (string | number)[];

interface Located {
  step: StepSpec;
  at: Path;
}

const article = (word: string): string => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;

function checkStep({ step, at }: Located, app: Application): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const type = findStepType(step.type);
  if (!type) return [{ path: jsonPath([...at, 'type']), message: `unknown step type "${step.type}"`, hint: `known step types: ${stepTypeNames().join(', ')}` }];
  const props = type.properties.safeParse(step.properties);
  // the parsed properties (defaults filled in) replace the raw ones in the validated spec
  if (props.success) step.properties = props.data as Record<string, unknown>;
  else errors.push(...props.error.issues.map((i: z.core.$ZodIssue) => ({ path: jsonPath([...at, 'properties', ...i.path]), message: i.message })));
  if (type.components === 'required' && step.components.length === 0) errors.push({ path: jsonPath([...at, 'components']), message: `${article(step.type)} step needs at least one component` });
  if (type.components === 'none' && step.components.length > 0) errors.push({ path: jsonPath([...at, 'components']), message: `${article(step.type)} step takes no components`, hint: 'remove components' });
  step.components.forEach((name, k) => {
    const c = app.components.find((x) => x.name === name);
    if (!c) errors.push({ path: jsonPath([...at, 'components', k]), message: `unknown component "${name}"`, hint: `components of this application: ${app.components.map((x) => x.name).join(', ')}` });
    else if (type.componentTypes && !type.componentTypes.includes(c.type)) errors.push({ path: jsonPath([...at, 'components', k]), message: `${article(step.type)} step runs ${type.componentTypes.join(' or ')} components; "${name}" is a ${c.type}` });
  });
  if (props.success) errors.push(...(type.check?.(props.data, app) ?? []).map((i) => ({ path: jsonPath([...at, 'properties', ...i.path]), message: i.message, ...(i.hint ? { hint: i.hint } : {}) })));
  return errors;
}

export function validateWorkflow(app: Application): ErrorDetail[] {
  if (!app.workflow) return [];
  const errors: ErrorDetail[] = [];
  const steps: Located[] = [];
  const entries: { name: string; dependsOn: string[]; at: Path }[] = [];
  app.workflow.steps.forEach((e, i) => {
    entries.push({ name: e.name, dependsOn: e.dependsOn ?? [], at: ['workflow', 'steps', i] });
    if ('steps' in e) {
      e.steps.forEach((s, j) => {
        const at = ['workflow', 'steps', i, 'steps', j];
        steps.push({ step: s, at });
        entries.push({ name: s.name, dependsOn: s.dependsOn ?? [], at });
      });
    } else steps.push({ step: e, at: ['workflow', 'steps', i] });
  });
  const seen = new Map<string, Path>();
  for (const e of entries) {
    const first = seen.get(e.name);
    if (first) errors.push({ path: jsonPath([...e.at, 'name']), message: `duplicate step name "${e.name}" (also ${jsonPath(first)})`, hint: 'step and group names must be unique' });
    else seen.set(e.name, e.at);
  }
  for (const e of entries) {
    e.dependsOn.forEach((d, k) => {
      if (d === e.name) errors.push({ path: jsonPath([...e.at, 'dependsOn', k]), message: `step "${e.name}" depends on itself` });
      else if (!seen.has(d)) errors.push({ path: jsonPath([...e.at, 'dependsOn', k]), message: `unknown step "${d}"`, hint: `steps and groups: ${[...seen.keys()].join(', ')}` });
    });
  }
  const cycle = findCycle(new Map(entries.map((e) => [e.name, e.dependsOn.filter((d) => d !== e.name)])));
  if (cycle) errors.push({ path: jsonPath([...(seen.get(cycle[0] as string) ?? ['workflow']), 'dependsOn']), message: `dependency cycle: ${cycle.join(' -> ')}`, hint: 'remove one of these dependsOn entries' });
  for (const s of steps) errors.push(...checkStep(s, app));
  return errors;
}
