/**
 * `kubemin init --yes`: the application from flags, for scripts. A component is one
 * `--component` of comma-separated `key=value` pairs, e.g.
 * `name=web,type=webservice,image=nginx:1.27,replicas=2,port=80+443,dependsOn=db+cfg,data.K=V`;
 * each key is an entry of COMPONENT_KEYS (an unknown key is refused, naming the known ones).
 * Lists are joined with `+`; `env.K=@SOURCE/KEY` reads a key of a config or secret component. What the flags cannot check (a dependsOn naming no component) is
 * left to the API's validator, which names it.
 */
import { CliError, EXIT } from '../output.js';
import { DATA_FIELD } from './component-questions.js';
import { type AppDraft, type ComponentDraft, envEntry, parsePair, parsePorts, withPorts } from './draft.js';
import { type Gates, gpuNeed, withGates } from './workflow.js';

export interface InitFlags {
  name?: string;
  namespace?: string;
  component?: string[];
  approval?: boolean;
  gpuCheck?: boolean;
}

interface KeyContext {
  /** The type of every component the flags give, by name (envFrom reads a config or a secret). */
  types: ReadonlyMap<string, string>;
  /** What follows the key's prefix (`data.K`: K). */
  sub: string;
}

type Apply = (c: ComponentDraft, value: string, ctx: KeyContext) => ComponentDraft;

const usage = (message: string) => new CliError(message, EXIT.usage, 'see `kubemin init --help`');
const list = (value: string) => value.split('+').map((s) => s.trim()).filter(Boolean);
const integer = (key: string, value: string): number => {
  if (!/^\d+$/.test(value)) throw usage(`${key}=${value}: must be a whole number`);
  return Number(value);
};
const withTrait = (c: ComponentDraft, trait: string, data: Record<string, unknown>): ComponentDraft => ({
  ...c,
  traits: { ...c.traits, [trait]: { ...(c.traits?.[trait] as Record<string, unknown> | undefined), ...data } },
});
const withProperty = (c: ComponentDraft, field: string, key: string, value: string): ComponentDraft => ({
  ...c,
  properties: { ...c.properties, [field]: { ...(c.properties?.[field] as Record<string, string> | undefined), [key]: value } },
});

/** The keys of a --component; a key ending in `.` takes a suffix (`data.K=V`). */
const COMPONENT_KEYS: Readonly<Record<string, Apply>> = {
  name: (c, v) => ({ ...c, name: v }),
  type: (c, v) => ({ ...c, type: v }),
  image: (c, v) => ({ ...c, image: v }),
  replicas: (c, v) => ({ ...c, replicas: integer('replicas', v) }),
  port: (c, v) => {
    const ports = parsePorts(v);
    if (!ports) throw usage(`port=${v}: ports from 1 to 65535, joined with +`);
    return withPorts(c, ports);
  },
  dependsOn: (c, v) => ({ ...c, dependsOn: list(v) }),
  'data.': (c, v, { sub }) => withProperty(c, DATA_FIELD[c.type] ?? 'data', sub, v),
  'env.': (c, v, { sub, types }) => ({ ...c, traits: { ...c.traits, envs: [...((c.traits?.envs as unknown[] | undefined) ?? []), envEntry(sub, v, types)] } }),
  envFrom: (c, v, { types }) => ({ ...c, traits: { ...c.traits, envFrom: list(v).map((sourceName) => ({ type: types.get(sourceName) ?? 'config', sourceName })) } }),
  cpu: (c, v) => withTrait(c, 'resources', { cpu: v }),
  memory: (c, v) => withTrait(c, 'resources', { memory: v }),
  gpu: (c, v) => withTrait(c, 'resources', { gpu: integer('gpu', v) }),
  readiness: (c, v) => {
    const port = c.port ?? c.ports?.[0]?.port;
    if (!port) throw usage(`readiness=${v}: give the component a port first`);
    const probe = v === 'tcp' ? { tcpSocket: { port } } : v.startsWith('/') ? { httpGet: { path: v, port } } : undefined;
    if (!probe) throw usage(`readiness=${v}: write a path (an HTTP GET on the first port, e.g. /healthz) or tcp`);
    return { ...c, traits: { ...c.traits, probes: { readiness: probe } } };
  },
  volume: (c, v) => {
    const [mountPath, size] = v.split(':');
    if (!mountPath?.startsWith('/') || !size) throw usage(`volume=${v}: write MOUNTPATH:SIZE, e.g. /data:1Gi`);
    return { ...c, traits: { ...c.traits, storage: [...((c.traits?.storage as unknown[] | undefined) ?? []), { type: 'persistent', mountPath, size }] } };
  },
};

/** Documented in --help. */
export const COMPONENT_KEY_NAMES = Object.keys(COMPONENT_KEYS).map((k) => (k.endsWith('.') ? `${k}KEY` : k));

function pairsOf(spec: string): [string, string][] {
  return spec.split(',').filter((s) => s.trim()).map((part) => {
    const pair = parsePair(part);
    if (!pair) throw usage(`--component ${spec}: "${part}" is not key=value`);
    return pair;
  });
}

function applyKey(c: ComponentDraft, [key, value]: [string, string], types: ReadonlyMap<string, string>): ComponentDraft {
  const prefix = Object.keys(COMPONENT_KEYS).find((k) => k.endsWith('.') && key.startsWith(k) && key.length > k.length);
  const apply = COMPONENT_KEYS[prefix ?? key];
  if (!apply || (key.endsWith('.') && !prefix)) throw usage(`--component: unknown key "${key}" (known: ${COMPONENT_KEY_NAMES.join(', ')})`);
  return apply(c, value, { types, sub: prefix ? key.slice(prefix.length) : '' });
}

/** The application the flags describe. */
export function draftFromFlags(flags: InitFlags): AppDraft {
  if (!flags.name) throw usage('--yes needs --name');
  const specs = (flags.component ?? []).map(pairsOf);
  if (specs.length === 0) throw usage('--yes needs at least one --component name=...,type=...');
  const named = specs.map((pairs) => new Map(pairs));
  const types = new Map(named.map((m) => [m.get('name') ?? '', m.get('type') ?? 'webservice']));
  const components = specs.map((pairs, i) => {
    if (!named[i]?.get('name')) throw usage(`--component ${flags.component?.[i] ?? ''}: needs name=...`);
    // name and type first (data.K goes where the type keeps its data), readiness last (it probes the first port)
    const rank = ([k]: [string, string]) => (k === 'name' || k === 'type' ? 0 : k === 'readiness' ? 2 : 1);
    return [...pairs].sort((a, b) => rank(a) - rank(b)).reduce((c, pair) => applyKey(c, pair, types), { name: '', type: 'webservice' } as ComponentDraft);
  });
  const app: AppDraft = { name: flags.name, namespace: flags.namespace ?? 'default', components };
  if (flags.gpuCheck && !gpuNeed(app)) throw usage('--gpu-check: no component asks for GPUs (give one gpu=N)');
  const gates: Gates = { approval: flags.approval ?? false, gpuCheck: flags.gpuCheck ?? false };
  return withGates(app, gates);
}
