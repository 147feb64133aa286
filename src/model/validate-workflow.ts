/**
 * Validation of an explicit workflow: unique step and group names, known step types with valid
 * properties, components that exist, suit the step and appear in it once, dependsOn that names
 * steps or groups, and no dependency cycle. Errors carry JSON paths like every other spec error.
 * Fields that failed the shape (`broken`, see salvage.ts) are not checked again.
 */
import type { ErrorDetail } from '../errors.js';
import { findStepType, stepTypeNames } from '../steps/registry.js';
import type { Application, StepSpec } from './application.js';
import { findCycle } from './cycle.js';
import { checkDetails, issueDetails, under, type Path } from './issues.js';
import { componentNamed } from './component-index.js';
import { jsonPath } from './json-path.js';
import { LIMITS, lazyNameList, limitMessage } from './limits.js';
import { nothingBroken, type IsBroken } from './salvage.js';

interface Located {
  step: StepSpec;
  at: Path;
}

const article = (word: string): string => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;

/** Each component once: the same component twice in a step would make the run wait for it forever. */
function duplicateComponents(step: StepSpec, at: Path, first: ReadonlyMap<string, number>): ErrorDetail[] {
  return step.components.flatMap((name, k) => {
    const firstAt = first.get(name) ?? k;
    return firstAt < k ? [{ path: jsonPath([...at, 'components', k]), message: `component "${name}" is already in this step (components[${firstAt}])`, hint: 'list each component once' }] : [];
  });
}

function checkStep({ step, at }: Located, app: Application, broken: IsBroken): ErrorDetail[] {
  if (broken(step, 'type')) return [];
  const errors: ErrorDetail[] = [];
  const type = findStepType(step.type);
  if (!type) return [{ path: jsonPath([...at, 'type']), message: `unknown step type "${step.type}"`, hint: `known step types: ${stepTypeNames().join(', ')}` }];
  const props = broken(step, 'properties') ? undefined : type.properties.safeParse(step.properties);
  // the parsed properties (defaults filled in) replace the raw ones in the validated spec
  if (props?.success) step.properties = props.data as Record<string, unknown>;
  else if (props) errors.push(...issueDetails(props.error, [...at, 'properties']));
  if (type.components === 'required' && step.components.length === 0 && !broken(step, 'components')) errors.push({ path: jsonPath([...at, 'components']), message: `${article(step.type)} step needs at least one component` });
  if (type.components === 'none' && step.components.length > 0) errors.push({ path: jsonPath([...at, 'components']), message: `${article(step.type)} step takes no components`, hint: 'remove components' });
  const first = new Map<string, number>();
  step.components.forEach((name, k) => first.has(name) || first.set(name, k));
  errors.push(...duplicateComponents(step, at, first));
  const known = lazyNameList(() => app.components.map((x) => x.name));
  step.components.forEach((name, k) => {
    if ((first.get(name) ?? k) < k) return; // reported as a duplicate
    const c = componentNamed(app, name);
    if (!c) errors.push({ path: jsonPath([...at, 'components', k]), message: `unknown component "${name}"`, hint: `components of this application: ${known()}` });
    else if (type.componentTypes && !type.componentTypes.includes(c.type)) errors.push({ path: jsonPath([...at, 'components', k]), message: `${article(step.type)} step runs ${type.componentTypes.join(' or ')} components; "${name}" is a ${c.type}` });
  });
  if (props?.success) errors.push(...checkDetails(under([...at, 'properties']), type.check?.(props.data, app)));
  return errors;
}

export function validateWorkflow(app: Application, broken: IsBroken = nothingBroken): ErrorDetail[] {
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
  if (steps.length > LIMITS.steps) errors.push({ path: jsonPath(['workflow', 'steps']), message: `${limitMessage('steps', 'steps')}, counting the steps in groups; this workflow has ${steps.length}` });
  const seen = new Map<string, Path>();
  for (const e of entries) {
    if (!e.name) continue; // a step whose name failed the shape
    const first = seen.get(e.name);
    if (first) errors.push({ path: jsonPath([...e.at, 'name']), message: `duplicate step name "${e.name}" (also ${jsonPath(first)})`, hint: 'step and group names must be unique' });
    else seen.set(e.name, e.at);
  }
  const stepNames = lazyNameList(() => [...seen.keys()]);
  for (const e of entries) {
    e.dependsOn.forEach((d, k) => {
      if (d === e.name) errors.push({ path: jsonPath([...e.at, 'dependsOn', k]), message: `step "${e.name}" depends on itself` });
      else if (!seen.has(d)) errors.push({ path: jsonPath([...e.at, 'dependsOn', k]), message: `unknown step "${d}"`, hint: `steps and groups: ${stepNames()}` });
    });
  }
  const cycle = findCycle(new Map(entries.map((e) => [e.name, e.dependsOn.filter((d) => d !== e.name)])));
  if (cycle) errors.push({ path: jsonPath([...(seen.get(cycle[0] as string) ?? ['workflow']), 'dependsOn']), message: `dependency cycle: ${cycle.join(' -> ')}`, hint: 'remove one of these dependsOn entries' });
  for (const s of steps) errors.push(...checkStep(s, app, broken));
  return errors;
}
