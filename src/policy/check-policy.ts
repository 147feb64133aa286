/**
 * Compares what a spec would put on the cluster with what the platform allows: the objects its
 * components render to and the raw manifests of its `apply` steps, each searched for host access
 * (host-access.ts). Every violation names the spec's field by JSON path and the rule that denies
 * it: `allow.<access>` of the platform policy, or the spec's own `policies.allowHostPath`, which
 * can only narrow what the platform allows.
 */
import type { Application, Component, StepSpec } from '../model/application.js';
import { jsonPath } from '../model/json-path.js';
import type { KubeObject } from '../render/kube-object.js';
import { renderComponent } from '../render/render-component.js';
import { findHostAccess, type HostAccess, type HostAccessFinding } from './host-access.js';
import type { Allowed } from './platform-policy.js';

export interface PolicyViolation {
  /** JSON path of the spec's field. */
  path: string;
  message: string;
  /** The rule that denies it: `allow.hostPath` (platform policy) or `policies.allowHostPath` (the spec's own). */
  rule: string;
}

/** Who asks and where, for messages. */
export interface PolicySubject {
  caller: string;
  namespace: string;
}

type Path = (string | number)[];

/** The spec's own narrowing: false there denies what the platform would allow. */
const NARROWED_BY_SPEC: Partial<Record<HostAccess, { rule: string; denies: (app: Application) => boolean }>> = {
  hostPath: { rule: 'policies.allowHostPath', denies: (app) => app.policies.allowHostPath !== true },
};

/** The rule that denies a kind of access, or undefined when it is allowed. */
function denyingRule(access: HostAccess, app: Application, allowed: Allowed): string | undefined {
  if (!allowed.allow[access]) return `allow.${access}`;
  const narrowed = NARROWED_BY_SPEC[access];
  return narrowed?.denies(app) ? narrowed.rule : undefined;
}

function describeDenial(rule: string, access: HostAccess, allowed: Allowed, who: PolicySubject): string {
  if (rule.startsWith('policies.')) return `the spec's ${rule} is not true`;
  const matched = allowed.rules.length ? `the matching rules (${allowed.rules.join(', ')}) do not allow ${access}` : 'no rule of the platform policy matches';
  return `denied for ${who.caller} in namespace "${who.namespace}": ${matched}`;
}

/** Where in a component the storage entry of a hostPath volume is (the storage trait names volumes `<type>-<index>` by default). */
function storagePath(component: Component, volume: string | undefined): Path | undefined {
  const entries = component.traits.storage;
  if (!Array.isArray(entries) || volume === undefined) return undefined;
  const i = entries.findIndex((e: { name?: unknown; type?: unknown }, j) => (e?.name ?? `${String(e?.type)}-${j}`) === volume);
  return i < 0 ? undefined : ['traits', 'storage', i, 'hostPath'];
}

const objectField = (o: KubeObject, f: HostAccessFinding): string => `${o.kind} ${o.metadata.name}: ${jsonPath(f.path).slice(2)}`;

function violationsOf(objects: readonly { object: KubeObject; specPath: (f: HostAccessFinding) => Path; named: boolean }[], app: Application, allowed: Allowed, who: PolicySubject): PolicyViolation[] {
  return objects.flatMap(({ object, specPath, named }) =>
    findHostAccess(object).flatMap((f) => {
      const rule = denyingRule(f.access, app, allowed);
      if (!rule) return [];
      const what = named ? f.message : `${objectField(object, f)}: ${f.message}`;
      return [{ path: jsonPath(specPath(f)), message: `${what}; ${describeDenial(rule, f.access, allowed, who)}`, rule }];
    }),
  );
}

/**
 * The worker's check of objects about to be applied (defence in depth behind the API's): what in
 * them is denied, as `Kind name: field: why (rule)`. `spec` narrows hostPath when known.
 */
export function deniedInObjects(objects: readonly KubeObject[], allowed: Allowed, spec?: Application): string[] {
  return objects.flatMap((o) =>
    findHostAccess(o).flatMap((f) => {
      const rule = allowed.allow[f.access] ? (spec ? denyingRule(f.access, spec, allowed) : undefined) : `allow.${f.access}`;
      return rule ? [`${objectField(o, f)}: ${f.message} (${rule})`] : [];
    }),
  );
}

/** The objects of the spec's components, rendered as the activities will render them. */
export function renderAll(app: Application): Map<string, KubeObject[]> {
  return new Map(app.components.map((c) => [c.name, renderComponent(app, c.name).objects]));
}

function componentObjects(app: Application, rendered: ReadonlyMap<string, readonly KubeObject[]>) {
  return app.components.flatMap((c, i) =>
    (rendered.get(c.name) ?? []).map((object) => ({
      object,
      specPath: (f: HostAccessFinding) => ['components', i, ...(f.access === 'hostPath' ? (storagePath(c, f.volume) ?? []) : [])],
      named: false,
    })),
  );
}

function stepObjects(app: Application) {
  const steps: { step: StepSpec; at: Path }[] = (app.workflow?.steps ?? []).flatMap((e, i) =>
    'steps' in e ? e.steps.map((s, j) => ({ step: s, at: ['workflow', 'steps', i, 'steps', j] as Path })) : [{ step: e, at: ['workflow', 'steps', i] as Path }],
  );
  return steps
    .filter(({ step }) => step.type === 'apply')
    .flatMap(({ step, at }) =>
      ((step.properties.manifests as KubeObject[] | undefined) ?? []).map((object, m) => ({ object, specPath: (f: HostAccessFinding) => [...at, 'properties', 'manifests', m, ...f.path], named: true })),
    );
}

/**
 * Every violation of the spec against what is allowed, at once; empty when it asks for nothing
 * denied. `rendered` (renderAll) is reused when the caller has rendered the components already.
 */
export function checkPolicy(app: Application, allowed: Allowed, who: PolicySubject, rendered: ReadonlyMap<string, readonly KubeObject[]> = renderAll(app)): PolicyViolation[] {
  return [...violationsOf(componentObjects(app, rendered), app, allowed, who), ...violationsOf(stepObjects(app), app, allowed, who)];
}
