/**
 * The canvas's model of an application spec, and the only place that changes it. The spec is
 * kept as the plain object it was imported as: the canvas edits a component's core fields, its
 * properties and traits, its dependsOn and the application's name and namespace, and leaves
 * every other field where it was, so exporting a spec gives back the same meaning (the same
 * revision). Pure: no React, no fetch; the browser and node:test run it alike.
 */
import { parse, stringify } from 'yaml';

/** A component as written in the spec (`componentType` read as `type`). */
export type ComponentSpec = Record<string, unknown> & { name: string; type: string };

/** A component on the canvas: `key` is its node id and stays when the component is renamed. */
export interface CanvasComponent {
  key: string;
  spec: ComponentSpec;
}

export interface CanvasModel {
  /** Every application field but `components` (whose slot keeps its place, for a stable export). */
  app: Record<string, unknown>;
  components: CanvasComponent[];
  /** The next node key's number. */
  next: number;
}

/** A spec the canvas cannot open: not an object, or `components` not a list of objects. */
export class SpecImportError extends Error {
  override name = 'SpecImportError';
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export const emptyModel = (): CanvasModel => ({ app: { name: 'my-app', namespace: 'default', components: [] }, components: [], next: 1 });

/** The seed's `componentType` becomes `type`, in the same place (the validator reads both; `type` wins). */
function normalizeComponent(raw: Record<string, unknown>): ComponentSpec {
  if (!('componentType' in raw)) return { ...raw } as ComponentSpec;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k === 'componentType') {
      if (!('type' in raw)) out.type = v;
    } else out[k] = v;
  }
  return out as ComponentSpec;
}

/** Opens a spec (YAML or JSON: JSON is YAML) as a model; throws SpecImportError when it is not an application's shape. */
export function modelFromText(text: string): CanvasModel {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new SpecImportError(`not YAML or JSON: ${(e as Error).message}`);
  }
  if (!isRecord(doc)) throw new SpecImportError('the spec must be an object with name, namespace and components');
  return modelFromSpec(doc);
}

export function modelFromSpec(doc: Record<string, unknown>): CanvasModel {
  const list = doc.components ?? [];
  if (!Array.isArray(list) || !list.every(isRecord)) throw new SpecImportError('components must be a list of objects');
  const components = list.map((c, i) => ({ key: `c${i + 1}`, spec: normalizeComponent(c) }));
  return { app: { ...doc, components: [] }, components, next: components.length + 1 };
}

/** The spec the model stands for, as a plain object (what POST /v1/validate, /v1/diff and /v1/runs take). */
export function specOf(model: CanvasModel): Record<string, unknown> {
  return { ...model.app, components: model.components.map((c) => c.spec) };
}

export const toYaml = (model: CanvasModel): string => stringify(specOf(model));
export const toJson = (model: CanvasModel): string => `${JSON.stringify(specOf(model), null, 2)}\n`;

export const dependsOnOf = (spec: ComponentSpec): string[] => (Array.isArray(spec.dependsOn) ? spec.dependsOn.filter((d): d is string => typeof d === 'string') : []);

export const componentByKey = (model: CanvasModel, key: string): CanvasComponent | undefined => model.components.find((c) => c.key === key);

const replaceComponent = (model: CanvasModel, key: string, f: (spec: ComponentSpec) => ComponentSpec): CanvasModel => ({
  ...model,
  components: model.components.map((c) => (c.key === key ? { key, spec: f(c.spec) } : c)),
});

/** A spec with `dependsOn` set to `list`; an empty list leaves the field out unless the spec had it. */
function withDependsOn(spec: ComponentSpec, list: string[]): ComponentSpec {
  if (list.length === 0 && !('dependsOn' in spec)) return spec;
  return { ...spec, dependsOn: list };
}

/** Whether `start` depends on `goal`, directly or through others (then `goal` depending on `start` would be a cycle). */
function reaches(model: CanvasModel, start: string, goal: string): boolean {
  const byName = new Map(model.components.map((c) => [c.spec.name, c.spec]));
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (name === goal) return true;
    if (seen.has(name)) continue;
    seen.add(name);
    const spec = byName.get(name);
    if (spec) stack.push(...dependsOnOf(spec));
  }
  return false;
}

/**
 * Why the dependent (`targetKey`) cannot depend on the dependency (`sourceKey`), or undefined
 * when it can: the same component, an existing dependency, or a cycle.
 */
export function connectRefusal(model: CanvasModel, sourceKey: string, targetKey: string): string | undefined {
  const source = componentByKey(model, sourceKey);
  const target = componentByKey(model, targetKey);
  if (!source || !target) return 'no such component';
  if (sourceKey === targetKey) return 'a component cannot depend on itself';
  if (dependsOnOf(target.spec).includes(source.spec.name)) return `${target.spec.name} already depends on ${source.spec.name}`;
  if (reaches(model, source.spec.name, target.spec.name)) return `${source.spec.name} already depends on ${target.spec.name}: that would be a cycle`;
  return undefined;
}

/** The dependent (target) now depends on the dependency (source): it is deployed after it. Unchanged when refused. */
export function connect(model: CanvasModel, sourceKey: string, targetKey: string): CanvasModel {
  if (connectRefusal(model, sourceKey, targetKey)) return model;
  const source = componentByKey(model, sourceKey) as CanvasComponent;
  return replaceComponent(model, targetKey, (spec) => withDependsOn(spec, [...dependsOnOf(spec), source.spec.name]));
}

/** The dependent (target) no longer depends on the dependency (source). */
export function disconnect(model: CanvasModel, sourceKey: string, targetKey: string): CanvasModel {
  const source = componentByKey(model, sourceKey);
  if (!source) return model;
  return replaceComponent(model, targetKey, (spec) => ({ ...spec, dependsOn: dependsOnOf(spec).filter((d) => d !== source.spec.name) }));
}

/** A name of the form `base`, `base-2`, ... that no component has. */
function freeName(model: CanvasModel, base: string): string {
  const taken = new Set(model.components.map((c) => c.spec.name));
  if (!taken.has(base)) return base;
  let i = 2;
  while (taken.has(`${base}-${i}`)) i++;
  return `${base}-${i}`;
}

/** Adds a component of `type`, named after it; answers the model and the new node's key. */
export function addComponent(model: CanvasModel, type: string): { model: CanvasModel; key: string } {
  const key = `c${model.next}`;
  const spec: ComponentSpec = { name: freeName(model, type), type };
  return { model: { ...model, components: [...model.components, { key, spec }], next: model.next + 1 }, key };
}

/** Removes a component, and its name from the others' dependsOn. */
export function removeComponent(model: CanvasModel, key: string): CanvasModel {
  const gone = componentByKey(model, key);
  if (!gone) return model;
  const components = model.components
    .filter((c) => c.key !== key)
    .map((c) => (dependsOnOf(c.spec).includes(gone.spec.name) ? { key: c.key, spec: { ...c.spec, dependsOn: dependsOnOf(c.spec).filter((d) => d !== gone.spec.name) } } : c));
  return { ...model, components };
}

/** A workflow's steps (and groups' steps) with `from` renamed `to` in their `components`. */
function renameInWorkflow(workflow: unknown, from: string, to: string): unknown {
  if (!isRecord(workflow) || !Array.isArray(workflow.steps)) return workflow;
  const step = (s: unknown): unknown => {
    if (!isRecord(s)) return s;
    const renamed = Array.isArray(s.components) ? { ...s, components: s.components.map((c: unknown) => (c === from ? to : c)) } : s;
    return Array.isArray(renamed.steps) ? { ...renamed, steps: renamed.steps.map(step) } : renamed;
  };
  return { ...workflow, steps: workflow.steps.map(step) };
}

function rename(model: CanvasModel, key: string, from: string, to: string): CanvasModel {
  const components = model.components.map((c) => (c.key !== key && dependsOnOf(c.spec).includes(from) ? { key: c.key, spec: { ...c.spec, dependsOn: dependsOnOf(c.spec).map((d) => (d === from ? to : d)) } } : c));
  const app = 'workflow' in model.app ? { ...model.app, workflow: renameInWorkflow(model.app.workflow, from, to) } : model.app;
  return { ...model, app, components };
}

/**
 * Sets fields of a component (undefined removes the field). A new name is carried into the
 * others' dependsOn and the workflow's steps, so the edges and steps follow the component.
 */
export function updateComponent(model: CanvasModel, key: string, patch: Record<string, unknown>): CanvasModel {
  const before = componentByKey(model, key);
  if (!before) return model;
  const changed = replaceComponent(model, key, (spec) => {
    const out: Record<string, unknown> = { ...spec };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) delete out[k];
      else out[k] = v;
    }
    return out as ComponentSpec;
  });
  const name = patch.name;
  return typeof name === 'string' && name !== before.spec.name ? rename(changed, key, before.spec.name, name) : changed;
}

/** Sets an application field (name, namespace, ...); undefined removes it. */
export function updateApp(model: CanvasModel, field: string, value: unknown): CanvasModel {
  const app = { ...model.app };
  if (value === undefined) delete app[field];
  else app[field] = value;
  return { ...model, app };
}

/** Whether the spec lists its own workflow steps (otherwise KubeMin generates them from dependsOn). */
export const hasExplicitWorkflow = (model: CanvasModel): boolean => isRecord(model.app.workflow);

/** The explicit workflow's top-level steps as names (a group as `name (a, b)`); empty when the workflow is generated. */
export function explicitSteps(model: CanvasModel): string[] {
  const workflow = model.app.workflow;
  if (!isRecord(workflow) || !Array.isArray(workflow.steps)) return [];
  const nameOf = (s: unknown): string => (isRecord(s) && typeof s.name === 'string' ? s.name : '?');
  return workflow.steps.map((s) => (isRecord(s) && Array.isArray(s.steps) ? `${nameOf(s)} (${s.steps.map(nameOf).join(', ')})` : nameOf(s)));
}
