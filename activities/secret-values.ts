/**
 * The secret values this process has handled (the data of Secrets it applied), so the logger can
 * blank them wherever they would appear in a line: in a failure message a container or the API
 * server echoed, not only in fields known to carry secrets. Values shorter than 6 characters are
 * not tracked (they would blank ordinary words).
 */
import type { KubeObject } from '../src/index.js';

const MIN_LENGTH = 6;
const values = new Set<string>();

/** Remembers the values of the Secrets among `objects`. */
export function rememberSecretValues(objects: readonly KubeObject[]): void {
  for (const o of objects) {
    if (o.kind !== 'Secret') continue;
    const { data, stringData } = o as KubeObject & { data?: Record<string, string>; stringData?: Record<string, string> };
    for (const v of Object.values(stringData ?? {})) if (v.length >= MIN_LENGTH) values.add(v);
    for (const v of Object.values(data ?? {})) {
      const decoded = Buffer.from(v, 'base64').toString('utf8');
      if (decoded.length >= MIN_LENGTH) values.add(decoded);
    }
  }
}

/** `text` with every remembered secret value replaced. */
export function blankSecretValues(text: string): string {
  let out = text;
  for (const v of values) if (out.includes(v)) out = out.split(v).join('[redacted]');
  return out;
}
