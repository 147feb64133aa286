/**
 * The questions for each trait `kubemin init` offers: one entry per trait, keyed by the trait's
 * registered name. The dialogue offers the registry's traits (src/traits/registry.ts, in its
 * order) that apply to the component's workload and have questions here; each entry answers the
 * trait's data in the shape its schema takes. Adding one is an entry in QUESTIONS.
 */
import { envName, findComponentType, findTrait, quantity, storageSize, traitNames } from '../../src/index.js';
import { askOptional, askPairs } from './ask.js';
import { type ComponentDraft, envEntry, ofTypes, problemOf } from './draft.js';
import type { Choice, Prompter } from './prompts.js';

export interface TraitAskContext {
  p: Prompter;
  component: ComponentDraft;
  earlier: readonly ComponentDraft[];
}

export interface TraitQuestion {
  trait: string;
  /** Whether it makes sense here (envFrom needs a config or secret to read). */
  offered?(ctx: TraitAskContext): boolean;
  /** The trait's data. */
  ask(ctx: TraitAskContext): Promise<unknown>;
}

const SOURCE_TYPES = ['config', 'secret'];
const sources = (ctx: TraitAskContext): Choice[] => ofTypes(ctx.earlier, SOURCE_TYPES).map((c) => ({ value: c.name, label: c.name, hint: c.type }));
const typeOf = (ctx: TraitAskContext, name: string): string => ctx.earlier.find((c) => c.name === name)?.type ?? 'config';
// answers are checked by the spec's own schemas, so a refused answer reads as the validator would say it
const quantityProblem = problemOf(quantity);
const sizeProblem = problemOf(storageSize);
const envProblem = problemOf(envName);
const firstPort = (c: ComponentDraft): number | undefined => c.port ?? c.ports?.[0]?.port;

async function askVolume(ctx: TraitAskContext, index: number): Promise<Record<string, unknown>> {
  const { p } = ctx;
  const kinds: Choice[] = [
    { value: 'persistent', label: 'persistent', hint: 'a PersistentVolumeClaim' },
    { value: 'ephemeral', label: 'ephemeral', hint: 'an emptyDir' },
    ...(sources(ctx).length ? [{ value: 'source', label: 'config or secret as files' }] : []),
  ];
  const kind = await p.select(`Volume ${index + 1}`, kinds, 'persistent');
  const mountPath = await p.text('Mount path', { initial: '/data', check: (a) => (a.startsWith('/') ? undefined : 'an absolute path, e.g. /data') });
  if (kind === 'persistent') return { type: 'persistent', mountPath, size: await p.text('Size', { initial: '1Gi', check: sizeProblem }) };
  if (kind === 'ephemeral') return { type: 'ephemeral', mountPath };
  const sourceName = await p.select('Which one', sources(ctx));
  return { type: typeOf(ctx, sourceName), sourceName, mountPath };
}

async function askProbe(ctx: TraitAskContext): Promise<Record<string, unknown>> {
  const { p } = ctx;
  const port = firstPort(ctx.component);
  const how = await p.select('Readiness probe', [
    { value: 'httpGet', label: 'HTTP GET' },
    { value: 'tcpSocket', label: 'TCP connect' },
    { value: 'exec', label: 'a command' },
  ], port ? 'httpGet' : 'exec');
  const askPort = async () => Number(await p.text('Port', { initial: port ? String(port) : '', check: (a) => (/^\d+$/.test(a) && Number(a) >= 1 && Number(a) <= 65535 ? undefined : 'a port from 1 to 65535') }));
  if (how === 'httpGet') return { httpGet: { path: await p.text('Path', { initial: '/', check: (a) => (a.startsWith('/') ? undefined : 'must start with /') }), port: await askPort() } };
  if (how === 'tcpSocket') return { tcpSocket: { port: await askPort() } };
  return { exec: { command: (await p.text('Command', { placeholder: 'cat /tmp/ready', check: (a) => (a.trim() ? undefined : 'a command is required') })).split(/\s+/) } };
}

const QUESTIONS: readonly TraitQuestion[] = [
  {
    trait: 'storage',
    ask: async (ctx) => {
      const volumes = [await askVolume(ctx, 0)];
      while (await ctx.p.confirm('Another volume?', false)) volumes.push(await askVolume(ctx, volumes.length));
      return volumes;
    },
  },
  {
    trait: 'envFrom',
    offered: (ctx) => sources(ctx).length > 0,
    ask: async (ctx) => {
      const depended = sources(ctx).filter((s) => ctx.component.dependsOn?.includes(s.value)).map((s) => s.value);
      const chosen = await ctx.p.multiselect('Inject every key of', sources(ctx), depended);
      return chosen.map((sourceName) => ({ type: typeOf(ctx, sourceName), sourceName }));
    },
  },
  {
    trait: 'envs',
    ask: async (ctx) => {
      const known = new Map(ofTypes(ctx.earlier, SOURCE_TYPES).map((c) => [c.name, c.type]));
      const message = known.size ? `Environment variables (a value @${[...known.keys()][0]}/KEY reads a key of a config or secret)` : 'Environment variables';
      return Object.entries(await askPairs(ctx.p, message, envProblem)).map(([name, value]) => envEntry(name, value, known));
    },
  },
  {
    trait: 'resources',
    ask: async ({ p }) => {
      const cpu = await askOptional(p, 'CPU request', { placeholder: '250m', check: quantityProblem });
      const memory = await askOptional(p, 'Memory (request and limit)', { placeholder: '256Mi', check: quantityProblem });
      const gpu = await askOptional(p, 'GPUs per pod', { placeholder: '1', check: (a) => (/^[1-9]\d*$/.test(a) ? undefined : 'a whole number of GPUs, at least 1') });
      return { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}), ...(gpu ? { gpu: Number(gpu) } : {}) };
    },
  },
  { trait: 'probes', ask: async (ctx) => ({ readiness: await askProbe(ctx) }) },
];

const byTrait = new Map(QUESTIONS.map((q) => [q.trait, q]));

/** The traits to offer for a component: registered, applicable to its workload, with questions. */
export function offeredTraits(ctx: TraitAskContext): TraitQuestion[] {
  const workload = findComponentType(ctx.component.type)?.workload ?? 'none';
  return traitNames()
    .filter((name) => findTrait(name)?.appliesTo.includes(workload))
    .flatMap((name) => byTrait.get(name) ?? [])
    .filter((q) => q.offered?.(ctx) ?? true);
}

/** The names QUESTIONS answers for (each must be a registered trait). */
export const answeredTraits = (): string[] => QUESTIONS.map((q) => q.trait);

/** Asks which traits the component has, then each one's questions. */
export async function askTraits(ctx: TraitAskContext): Promise<Record<string, unknown> | undefined> {
  const offered = offeredTraits(ctx);
  if (offered.length === 0) return undefined;
  const chosen = await ctx.p.multiselect('Traits (space to choose, enter to go on)', offered.map((q) => ({ value: q.trait, label: q.trait, hint: findTrait(q.trait)?.description ?? '' })));
  const traits: Record<string, unknown> = {};
  for (const q of offered.filter((o) => chosen.includes(o.trait))) traits[q.trait] = await q.ask(ctx);
  return chosen.length ? traits : undefined;
}
