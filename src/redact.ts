/**
 * Redaction of a run's own secret values (pure). The values come from the plan the run was
 * started with: its secret components, the Secrets among apply-step manifests, webhook header
 * values and the secret parts of webhook URLs (userinfo, query values). Whatever the API answers
 * about the run goes through the redactor, so a value a container's log or a webhook's answer
 * echoed is not shown. Values shorter than MIN_SECRET_LENGTH are not tracked (they would blank
 * ordinary words), as for the logger.
 */

export const MIN_SECRET_LENGTH = 6;
export const REDACTED = '[redacted]';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const stringsOf = (m: unknown): string[] => (isObject(m) ? Object.values(m).filter((v): v is string => typeof v === 'string') : []);
const fromBase64 = (v: string): string => Buffer.from(v, 'base64').toString('utf8');

/** A Secret-like map pair: plain values, and base64 ones (both the encoded and the decoded form). */
function secretMaps(stringData: unknown, data: unknown): string[] {
  const encoded = stringsOf(data);
  return [...stringsOf(stringData), ...encoded, ...encoded.map(fromBase64)];
}

/** The secret parts of a URL: userinfo and query values (paths are never shown, see urlOrigin). */
export function urlSecrets(url: string): string[] {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^@/?#]*)@/i.exec(url);
  const userinfo = m?.[1] ? m[1].split(':').map((p) => decodeURIComponentSafe(p)) : [];
  const query = /\?([^#]*)/.exec(url)?.[1] ?? '';
  const values = query.split('&').flatMap((pair) => {
    const v = pair.split('=').slice(1).join('=');
    return v ? [v, decodeURIComponentSafe(v.replace(/\+/g, ' '))] : [];
  });
  return [...userinfo, ...values];
}

/**
 * The path of a URL and its segments: a path may carry a token (https://hooks.example/services/T/B/<token>),
 * and an answer may echo it ("Cannot POST /services/..."). For excerpts of answers only: the
 * segments are ordinary words too often to blank them everywhere.
 */
export function urlPathParts(url: string): string[] {
  const path = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)?/i.exec(url)?.[1] ?? '';
  return path.length > 1 ? [path, ...path.split('/').filter(Boolean).flatMap((p) => [p, decodeURIComponentSafe(p)])] : [];
}

function decodeURIComponentSafe(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

function componentSecrets(spec: unknown): string[] {
  const components = isObject(spec) && Array.isArray(spec.components) ? (spec.components as unknown[]) : [];
  return components.filter(isObject).flatMap((c) => {
    const p = isObject(c.properties) ? c.properties : {};
    return c.type === 'secret' ? secretMaps(p.stringData, p.data) : [];
  });
}

function stepSecrets(step: unknown): string[] {
  if (!isObject(step) || !isObject(step.properties)) return [];
  const p = step.properties;
  const manifests = Array.isArray(p.manifests) ? (p.manifests as unknown[]).filter(isObject) : [];
  return [
    ...manifests.filter((m) => m.kind === 'Secret').flatMap((m) => secretMaps(m.stringData, m.data)),
    ...(step.type === 'webhook' ? [...stringsOf(p.headers), ...(typeof p.url === 'string' ? urlSecrets(p.url) : [])] : []),
  ];
}

function workflowSteps(spec: unknown): unknown[] {
  const wf = isObject(spec) && isObject(spec.workflow) ? spec.workflow : {};
  const steps = Array.isArray(wf.steps) ? (wf.steps as unknown[]) : [];
  // groups carry their steps inside
  return steps.flatMap((s) => (isObject(s) && Array.isArray(s.steps) ? [s, ...(s.steps as unknown[])] : [s]));
}

/**
 * The secret values a plan carries (its spec's, its steps', and those of the revision a rollback
 * would re-apply), longest first, without short ones.
 */
export function secretValuesOf(plan: unknown): string[] {
  if (!isObject(plan)) return [];
  const previous = isObject(plan.previous) ? plan.previous.spec : undefined;
  const steps = Array.isArray(plan.steps) ? (plan.steps as unknown[]) : [];
  const all = [
    ...componentSecrets(plan.spec),
    ...componentSecrets(previous),
    ...steps.flatMap(stepSecrets),
    ...workflowSteps(previous).flatMap(stepSecrets),
  ];
  return [...new Set(all.filter((v) => v.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
}

/** `text` with every one of `values` replaced, in their order. */
export function blankValues(text: string, values: Iterable<string>): string {
  let out = text;
  for (const v of values) if (out.includes(v)) out = out.split(v).join(REDACTED);
  return out;
}

/** A function that replaces every one of `values` in a string (longest first). */
export function createRedactor(values: readonly string[]): (text: string) => string {
  const known = [...new Set(values.filter((v) => v.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
  return (text) => blankValues(text, known);
}

/** `value` (any JSON) with `redact` applied to every string in it, keys included. */
export function redactJson<T>(value: T, redact: (text: string) => string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redact(v);
    if (Array.isArray(v)) return v.map(walk);
    if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [redact(k), walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/**
 * A URL's origin, `scheme://host[:port]`: never its userinfo, path or query (where tokens sit).
 * Pure string work, so the workflow can use it too.
 */
export function urlOrigin(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?([^/?#]*)/i.exec(url);
  return m ? `${(m[1] ?? '').toLowerCase()}://${(m[2] ?? '').toLowerCase()}` : '(not a URL)';
}
