/**
 * The secret values this process has handled (the data of Secrets it applied), so the logger can
 * blank them wherever they would appear in a line: in a failure message a container or the API
 * server echoed, not only in fields known to carry secrets. Values shorter than MIN_SECRET_LENGTH
 * are not tracked (they would blank ordinary words).
 */
import type { KubeObject } from '../src/index.js';
import { blankValues, MIN_SECRET_LENGTH } from '../src/redact.js';

const MAX_VALUES = 10_000;
const values = new Set<string>();

function remember(v: string): void {
  if (v.length < MIN_SECRET_LENGTH) return;
  if (values.size >= MAX_VALUES) values.delete(values.values().next().value as string); // the oldest goes
  values.add(v);
  // as it appears inside a JSON log line (quotes, backslashes, newlines of a PEM key escaped)
  const escaped = JSON.stringify(v).slice(1, -1);
  if (escaped !== v) values.add(escaped);
}

/** Remembers the values of the Secrets among `objects`. */
export function rememberSecretValues(objects: readonly KubeObject[]): void {
  for (const o of objects) {
    if (o.kind !== 'Secret') continue;
    const { data, stringData } = o as KubeObject & { data?: Record<string, string>; stringData?: Record<string, string> };
    for (const v of Object.values(stringData ?? {})) remember(v);
    for (const v of Object.values(data ?? {})) remember(Buffer.from(v, 'base64').toString('utf8'));
  }
}

/** `text` with every remembered secret value replaced. */
export function blankSecretValues(text: string): string {
  return blankValues(text, values);
}
