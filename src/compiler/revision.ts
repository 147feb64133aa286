/** A short, stable hash of a normalized spec: the same spec always gets the same revision. */
import { createHash } from 'node:crypto';
import type { Application, Component } from '../model/application.js';

/** JSON with object keys sorted at every level, so key order never changes the hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function revisionOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 12);
}

/**
 * The revision of one component: a hash of everything it renders from (its own spec and the
 * application-wide fields every component uses). It labels the component's objects and names
 * its Jobs, so changing one component leaves the others' objects untouched.
 */
export function componentRevision(app: Pick<Application, 'name' | 'namespace' | 'labels' | 'policies'>, component: Component): string {
  return revisionOf({ app: app.name, namespace: app.namespace, labels: app.labels, policies: app.policies, component });
}
