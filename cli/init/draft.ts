/**
 * The application `kubemin init` builds, as plain data in the spec's own shape (the fields in the
 * order a person reads them), and the small parsers its answers and flags share.
 */
import type { z } from 'zod';
import { dnsLabel } from '../../src/index.js';

export interface ComponentDraft {
  name: string;
  type: string;
  image?: string;
  replicas?: number;
  port?: number;
  ports?: { port: number; name: string }[];
  dependsOn?: string[];
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
}

export interface StepDraft {
  name: string;
  type: string;
  components?: string[];
  properties?: Record<string, unknown>;
}

export interface AppDraft {
  name: string;
  namespace: string;
  components: ComponentDraft[];
  workflow?: { steps: StepDraft[] };
}

/** One port as the `port` shorthand; several as named `ports` (a Service with several ports needs names). */
export function withPorts(c: ComponentDraft, ports: readonly number[]): ComponentDraft {
  if (ports.length === 0) return c;
  if (ports.length === 1) return { ...c, port: ports[0]! };
  return { ...c, ports: ports.map((port) => ({ port, name: `port-${port}` })) };
}

/** `80 443`, `80,443` or `80+443` as port numbers; undefined when one is not a port. */
export function parsePorts(text: string): number[] | undefined {
  const parts = text.split(/[\s,+]+/).filter(Boolean);
  const ports = parts.map(Number);
  return ports.every((p) => Number.isInteger(p) && p >= 1 && p <= 65535) ? ports : undefined;
}

/** `KEY=value` split at the first `=`; undefined without one or with an empty key. */
export function parsePair(text: string): [string, string] | undefined {
  const at = text.indexOf('=');
  return at > 0 ? [text.slice(0, at).trim(), text.slice(at + 1)] : undefined;
}

/** A check of answers by one of the spec's schemas: what the validator would say, or undefined. */
export const problemOf = (schema: z.ZodType) => (answer: string): string | undefined => schema.safeParse(answer).error?.issues[0]?.message;

/** The validator's message when a name is no DNS-1123 label. */
export const labelProblem = problemOf(dnsLabel);

/** Components of the given types among `components`. */
export const ofTypes = (components: readonly ComponentDraft[], types: readonly string[]): ComponentDraft[] => components.filter((c) => types.includes(c.type));

/**
 * An `envs` entry from NAME and its answer: `@SOURCE/KEY` reads KEY of the config or secret
 * component SOURCE (one of `sources`, name to type); anything else is the literal value.
 */
export function envEntry(name: string, value: string, sources: ReadonlyMap<string, string>): Record<string, unknown> {
  const ref = /^@([^/]+)\/(.+)$/.exec(value);
  const type = ref ? sources.get(ref[1]!) : undefined;
  if (!ref || (type !== 'config' && type !== 'secret')) return { name, value };
  return { name, valueFrom: { [type]: { name: ref[1], key: ref[2] } } };
}
