/**
 * What an apply would change: the fields in which the object the API server would make (a
 * server-side apply with dryRun=All) differs from the live one. Pure: the activity
 * (activities/diff-manifests.ts) reads and dry-runs, this compares. Fields the API server or
 * KubeMin set on their own (managedFields, resourceVersion, generation, uid, timestamps, status,
 * the revision label, a Deployment's revision annotation) are left out, and a Secret's values
 * never leave: they read `(secret)`.
 */
import { LABELS } from '../render/labels.js';

export type DiffAction = 'create' | 'change' | 'unchanged' | 'prune';

export interface FieldChange {
  /** JSON-path-like: `spec.template.spec.containers[web].image`; list items with a name by name, else by index. */
  path: string;
  /** Absent: the field is added. */
  from?: unknown;
  /** Absent: the field is removed. */
  to?: unknown;
}

export interface ObjectChange {
  action: DiffAction;
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  fields?: FieldChange[];
  /** Why the fields are not known (the API server refused the change in place: an apply re-creates the object). */
  note?: string;
}

export interface DiffSummary {
  create: number;
  change: number;
  prune: number;
  unchanged: number;
}

export interface DiffResult {
  application: string;
  namespace: string;
  changes: ObjectChange[];
  summary: DiffSummary;
}

export const SECRET_VALUE = '(secret)';

/** Metadata fields the API server sets. */
const IGNORED_METADATA: ReadonlySet<string> = new Set(['managedFields', 'resourceVersion', 'generation', 'uid', 'creationTimestamp', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds']);
/** Annotations controllers and tools set on their own. */
const IGNORED_ANNOTATIONS: ReadonlySet<string> = new Set(['deployment.kubernetes.io/revision', 'kubectl.kubernetes.io/last-applied-configuration', 'kubectl.kubernetes.io/restartedAt']);
/** Labels KubeMin sets on its own: the revision changes with every spec change. */
const IGNORED_LABELS: ReadonlySet<string> = new Set([LABELS.revision]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An object without what the comparison ignores (see the header). */
export function comparable(obj: Obj): Obj {
  const { status: _status, metadata, ...rest } = obj;
  void _status;
  if (!isObj(metadata)) return rest;
  const meta: Obj = {};
  for (const [k, v] of Object.entries(metadata)) {
    if (IGNORED_METADATA.has(k)) continue;
    if (k === 'annotations' && isObj(v)) {
      const kept = Object.fromEntries(Object.entries(v).filter(([a]) => !IGNORED_ANNOTATIONS.has(a)));
      if (Object.keys(kept).length) meta[k] = kept;
      continue;
    }
    if (k === 'labels' && isObj(v)) {
      const kept = Object.fromEntries(Object.entries(v).filter(([a]) => !IGNORED_LABELS.has(a)));
      if (Object.keys(kept).length) meta[k] = kept;
      continue;
    }
    meta[k] = v;
  }
  return { metadata: meta, ...rest };
}

const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const join = (path: string, key: string): string => (SIMPLE_KEY.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`);

/** Items matched by `name` when every item on both sides has a distinct one. */
function namesOf(list: readonly unknown[]): string[] | undefined {
  const names = list.map((x) => (isObj(x) && typeof x.name === 'string' ? x.name : undefined));
  if (names.some((n) => n === undefined) || new Set(names).size !== names.length) return undefined;
  return names as string[];
}

function compare(from: unknown, to: unknown, path: string, out: FieldChange[]): void {
  if (isObj(from) && isObj(to)) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
    for (const k of keys) {
      const p = join(path, k);
      if (!(k in to)) out.push({ path: p, from: from[k] });
      else if (!(k in from)) out.push({ path: p, to: to[k] });
      else compare(from[k], to[k], p, out);
    }
    return;
  }
  if (Array.isArray(from) && Array.isArray(to)) {
    const fromNames = namesOf(from);
    const toNames = namesOf(to);
    if (fromNames && toNames && (from.length || to.length)) {
      const order = [...new Set([...fromNames, ...toNames])];
      for (const n of order) {
        const p = `${path}[${n}]`;
        const i = fromNames.indexOf(n);
        const j = toNames.indexOf(n);
        if (j < 0) out.push({ path: p, from: from[i] });
        else if (i < 0) out.push({ path: p, to: to[j] });
        else compare(from[i], to[j], p, out);
      }
      return;
    }
    for (let i = 0; i < Math.max(from.length, to.length); i++) {
      const p = `${path}[${i}]`;
      if (i >= to.length) out.push({ path: p, from: from[i] });
      else if (i >= from.length) out.push({ path: p, to: to[i] });
      else compare(from[i], to[i], p, out);
    }
    return;
  }
  if (!Object.is(from, to)) out.push({ path, from, to });
}

/** A Secret's values as `(secret)`, key by key; other objects as they are. */
function redactField(kind: string, f: FieldChange): FieldChange {
  if (kind !== 'Secret' || !/^(data|stringData)(\.|\[|$)/.test(f.path)) return f;
  const blank = (v: unknown): unknown => (isObj(v) ? Object.fromEntries(Object.keys(v).map((k) => [k, SECRET_VALUE])) : SECRET_VALUE);
  return { path: f.path, ...('from' in f ? { from: blank(f.from) } : {}), ...('to' in f ? { to: blank(f.to) } : {}) };
}

/** The fields in which `desired` (a dry-run apply's result) differs from `live`; empty when an apply changes nothing. */
export function diffObjects(live: Obj, desired: Obj): FieldChange[] {
  const out: FieldChange[] = [];
  compare(comparable(live), comparable(desired), '', out);
  const kind = typeof desired.kind === 'string' ? desired.kind : typeof live.kind === 'string' ? live.kind : '';
  return out.map((f) => redactField(kind, f));
}

/** Counts of each action. */
export function summarize(changes: readonly ObjectChange[]): DiffSummary {
  const summary: DiffSummary = { create: 0, change: 0, prune: 0, unchanged: 0 };
  for (const c of changes) summary[c.action]++;
  return summary;
}
