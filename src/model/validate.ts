/**
 * Validation past the shape: each component on its own and against the others (see
 * validate-component.ts), the references between components (duplicate names, unknown or
 * circular dependsOn, ConfigMaps and Secrets read), policy overrides and the workflow. When the
 * shape itself is invalid, all of this still runs on the parts that parsed (salvage.ts), so every
 * problem is reported at once, each with its JSON path and a hint.
 */
import { componentTypeNames, findComponentType } from '../components/registry.js';
import { SpecInvalidError, type ErrorDetail } from '../errors.js';
import { ApplicationSchema, type Application, type Component } from './application.js';
import { findCycle } from './cycle.js';
import { issueDetails } from './issues.js';
import { componentsByName, setOf } from './component-index.js';
import { jsonPath } from './json-path.js';
import { lazyNameList, nameList } from './limits.js';
import { tooDeep } from './nesting.js';
import { matches } from './policies.js';
import { nothingBroken, salvageApplication, type IsBroken } from './salvage.js';
import { checkComponent, parseComponent, type ParsedComponent } from './validate-component.js';
import { validateWorkflow } from './validate-workflow.js';

export { issueDetails } from './issues.js';

function checkReferences(components: readonly Component[], broken: IsBroken, errors: ErrorDetail[]): void {
  const firstIndex = new Map<string, number>();
  components.forEach((c, i) => {
    if (broken(c, 'name') && !c.name) return;
    const seen = firstIndex.get(c.name);
    if (seen !== undefined) errors.push({ path: jsonPath(['components', i, 'name']), message: `duplicate component name "${c.name}" (also $.components[${seen}])`, hint: 'component names must be unique within an application' });
    else firstIndex.set(c.name, i);
  });
  const names = nameList([...firstIndex.keys()]);
  components.forEach((c, i) =>
    c.dependsOn.forEach((d, k) => {
      const at = jsonPath(['components', i, 'dependsOn', k]);
      if (d === c.name) errors.push({ path: at, message: `component "${c.name}" depends on itself` });
      else if (!firstIndex.has(d)) errors.push({ path: at, message: `unknown component "${d}"`, hint: `components of this application: ${names}` });
    }),
  );
  const cycle = findCycle(new Map(components.map((c) => [c.name, c.dependsOn.filter((d) => d !== c.name)])));
  if (cycle) {
    const i = firstIndex.get(cycle[0] as string) ?? 0;
    errors.push({ path: jsonPath(['components', i, 'dependsOn']), message: `dependency cycle: ${cycle.join(' -> ')}`, hint: 'remove one of these dependsOn entries' });
  }
}

/**
 * Every ConfigMap or Secret a trait reads must be a config or secret component of this
 * application, or be declared under policies.external as existing outside it.
 */
function checkSources(parsed: readonly ParsedComponent[], app: Application, errors: ErrorDetail[]): void {
  const typeOf = new Map(app.components.map((c) => [c.name, c.type]));
  const external = { config: setOf(app.policies.external.configs), secret: setOf(app.policies.external.secrets) };
  const refs = parsed.flatMap(({ parts }) => parts.flatMap((part) => (part.trait.references?.(part.data) ?? []).map((ref) => ({ ...ref, path: jsonPath(part.at(ref.path)) }))));
  for (const { kind, name, path } of refs) {
    const type = typeOf.get(name);
    if (type === kind || external[kind].has(name)) continue;
    if (type) errors.push({ path, message: `"${name}" is a ${type} component, not a ${kind}` });
    else errors.push({ path, message: `unknown ${kind} "${name}"`, hint: `add a ${kind} component named ${name}, or list it under policies.external.${kind}s if it exists outside this application` });
  }
}

/** Overrides must match components and types that exist, and set only what their matches can take. */
function checkOverrides(app: Application, broken: IsBroken, errors: ErrorDetail[]): void {
  const names = componentsByName(app.components);
  const known = lazyNameList(() => [...names.keys()]);
  app.policies.overrides.forEach((o, i) => {
    if (broken(o, 'match')) return;
    const at = ['policies', 'overrides', i];
    o.match.components?.forEach((n, k) => {
      if (!names.has(n)) errors.push({ path: jsonPath([...at, 'match', 'components', k]), message: `unknown component "${n}"`, hint: `components of this application: ${known()}` });
    });
    o.match.types?.forEach((t, k) => {
      if (!findComponentType(t)) errors.push({ path: jsonPath([...at, 'match', 'types', k]), message: `unknown component type "${t}"`, hint: `known types: ${componentTypeNames().join(', ')}` });
    });
    if (!o.restartPolicy) return;
    const longRunning = app.components.filter((c) => matches(o, c) && findComponentType(c.type)?.workload !== 'Job' && findComponentType(c.type)?.workload !== 'none');
    if (longRunning.length) {
      errors.push({ path: jsonPath([...at, 'restartPolicy']), message: `${nameList(longRunning.map((c) => c.name))} must restart Always: only job components take restartPolicy ${o.restartPolicy}`, hint: 'match only job components (match.types: [job])' });
    }
  });
}

/** Validates an already-parsed spec: throws SpecInvalidError listing every problem. */
export function validateApplication(input: unknown): Application {
  // before anything recursive reads it
  const deep = tooDeep(input);
  if (deep) throw new SpecInvalidError([deep]);
  const shape = ApplicationSchema.safeParse(input);
  const errors: ErrorDetail[] = shape.success ? [] : issueDetails(shape.error);
  // an invalid shape: check what parsed too, so every problem is reported at once
  const { app, broken } = shape.success ? { app: shape.data, broken: nothingBroken } : salvageApplication(input);
  const parsed = app.components.map((c, i) => parseComponent(c, ['components', i], broken, errors));
  const checked: Application = { ...app, components: parsed.map((p) => p.component) };
  for (const p of parsed) checkComponent(p, checked, errors);
  checkReferences(checked.components, broken, errors);
  checkSources(parsed, checked, errors);
  checkOverrides(checked, broken, errors);
  errors.push(...validateWorkflow(checked, broken));
  if (errors.length) throw new SpecInvalidError(errors);
  return checked;
}
