/**
 * The local Kubernetes cluster: the real kube-apiserver, etcd, kube-controller-manager and
 * kube-scheduler, with kwok simulating the nodes and their pods, all bound to 127.0.0.1 and run
 * as plain processes by kwokctl. `up` is idempotent; `down` leaves no process behind.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { probePods } from './cluster-probe.js';
import { ensureTools, toolPaths, type ToolPaths } from './tools.js';

const run = promisify(execFile);
const KWOK_DIR = fileURLToPath(new URL('./kwok/', import.meta.url));

export const DEFAULT_CLUSTER = 'kubemin';

/**
 * The cluster `up`, `stop` and `down` work on when not told: `KUBEMIN_CLUSTER_NAME`, else
 * `kubemin`. A second name gives a second cluster with its own ports and data, so a change to
 * the cluster's configuration can be tried without re-creating the one others use.
 */
export function clusterName(env: NodeJS.ProcessEnv = process.env): string {
  const name = env.KUBEMIN_CLUSTER_NAME?.trim() || DEFAULT_CLUSTER;
  // it names a folder and kwokctl's processes: a DNS label keeps it out of other paths
  if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name)) throw new Error(`KUBEMIN_CLUSTER_NAME="${name}" is not a valid cluster name (lower-case letters, digits and '-')`);
  return name;
}

export interface LocalCluster {
  name: string;
  kubeconfig: string;
  /** Seconds spent in `up`, including provisioning the tools. */
  upSeconds: number;
  /** Seconds from creating a probe Deployment for every node until all their pods ran (see cluster-probe.ts). */
  podsStartSeconds: number;
  /** Whether this call started it (false: it was already running). */
  started: boolean;
}

type Say = (line: string) => void;
const defaultSay: Say = (line) => process.stderr.write(`[cluster] ${line}\n`);

function workdir(tools: ToolPaths): string {
  return join(tools.cache, 'kwok');
}

/** kwokctl looks kubectl up on PATH for some waits: make it find the pinned one first. */
function kwokEnv(tools: ToolPaths): NodeJS.ProcessEnv {
  return { ...process.env, KWOK_WORKDIR: workdir(tools), PATH: `${dirname(tools.kubectl)}${delimiter}${process.env.PATH ?? ''}` };
}

export function kubeconfigPath(tools: ToolPaths, name = clusterName()): string {
  return join(workdir(tools), 'clusters', name, 'kubeconfig.yaml');
}

async function kubectl(tools: ToolPaths, kubeconfig: string, args: string[], opts: { timeoutMs?: number; input?: string } = {}): Promise<string> {
  const pending = run(tools.kubectl, ['--kubeconfig', kubeconfig, ...args], { timeout: opts.timeoutMs ?? 30_000, maxBuffer: 16 * 1024 * 1024 });
  pending.child.stdin?.end(opts.input);
  return (await pending).stdout;
}

async function isReady(tools: ToolPaths, kubeconfig: string): Promise<boolean> {
  if (!existsSync(kubeconfig)) return false;
  try {
    return (await kubectl(tools, kubeconfig, ['get', '--raw', '/readyz'], { timeoutMs: 5_000 })).trim() === 'ok';
  } catch {
    return false;
  }
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, say: Say): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let next = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    if (Date.now() > next) {
      say(`still waiting for ${what}...`);
      next = Date.now() + 10_000;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Flags for the control plane: the API server advertises 127.0.0.1; the controller manager may
 * send more than its default 20 requests per second, so a thousand Deployments get their pods in
 * seconds, not minutes (the bench deploys that many), and runs its host-path provisioner, so a
 * PersistentVolumeClaim of the default StorageClass (dev/kwok/storage.yaml) is bound at once.
 * The controller manager and the scheduler run without leader election: each runs once, and a
 * restarted one would wait for the lease its previous process held (15 to 25 s, measured) before
 * it makes a ReplicaSet or places a pod.
 */
const EXTRA_ARGS = [
  'kube-apiserver=advertise-address=127.0.0.1',
  'kube-controller-manager=kube-api-qps=500',
  'kube-controller-manager=kube-api-burst=1000',
  'kube-controller-manager=enable-hostpath-provisioner=true',
  'kube-controller-manager=leader-elect=false',
  'kube-scheduler=leader-elect=false',
];

/**
 * Flags of `kwokctl create cluster`. kwok runs without node leases: kwokctl's default (40 s
 * times its heartbeat factor 5, so 200 s, renewed every 50 s) only serves several kwok
 * controllers sharing nodes, and each kwok process holds leases under a new random identity. A
 * cluster started again therefore had to wait, pods bound but Pending, until the leases its
 * previous kwok held expired, then for kwok's next try (50 s apart): 90 s to 4 min after a stop
(150 s measured here). Without leases
 * kwok manages every node from its first second; the node heartbeat stage (dev/kwok/stages.yaml)
 * keeps the nodes healthy for the controller manager.
 */
const CREATE_FLAGS = ['--node-lease-duration-seconds', '0'];

const configFile = (tools: ToolPaths, name: string): string => join(workdir(tools), 'config', `${name}.yaml`);

/** kwokctl's configuration: the pinned binaries and KubeMin's stages. */
async function configText(tools: ToolPaths): Promise<string> {
  const options = {
    runtime: 'binary',
    kubeVersion: `v${tools.kubeVersion}`,
    bindAddress: '127.0.0.1',
    kubeApiserverBinary: tools.kubeApiserver,
    kubeControllerManagerBinary: tools.kubeControllerManager,
    kubeSchedulerBinary: tools.kubeScheduler,
    kwokControllerBinary: tools.kwok,
    etcdBinary: tools.etcd,
    kubectlBinary: tools.kubectl,
  };
  const header = ['apiVersion: config.kwok.x-k8s.io/v1alpha1', 'kind: KwokctlConfiguration', 'options:', ...Object.entries(options).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`)].join('\n');
  const stages = await readFile(join(KWOK_DIR, 'stages.yaml'), 'utf8');
  return `# created with: ${[...CREATE_FLAGS, ...EXTRA_ARGS].join(' ')}\n${header}\n---\n${stages}`;
}

async function writeConfig(tools: ToolPaths, name: string): Promise<string> {
  const file = configFile(tools, name);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, await configText(tools));
  return file;
}

/**
 * kwok reads its stages when the cluster is created: a cluster made with other stages or
 * binaries would silently behave the old way, so it is made again.
 */
async function isOutdated(tools: ToolPaths, name: string): Promise<boolean> {
  if (!existsSync(join(workdir(tools), 'clusters', name))) return false;
  const used = await readFile(configFile(tools, name), 'utf8').catch(() => '');
  return used !== (await configText(tools));
}

async function create(tools: ToolPaths, name: string, say: Say): Promise<void> {
  const config = await writeConfig(tools, name);
  say(`starting kube-apiserver, etcd, kube-controller-manager, kube-scheduler and kwok (Kubernetes v${tools.kubeVersion})`);
  await run(
    tools.kwokctl,
    [
      '-c', config, '--name', name, 'create', 'cluster',
      // keep the user's ~/.kube/config untouched: kwokctl would add a context there
      '--kubeconfig', join(workdir(tools), 'clusters', `${name}.contexts.yaml`),
      ...CREATE_FLAGS,
      ...EXTRA_ARGS.flatMap((a) => ['--extra-args', a]),
      '--wait', '180s',
    ],
    { env: kwokEnv(tools), timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
  ).catch((e: Error & { stderr?: string }) => {
    throw new Error(`kwokctl could not create the cluster: ${e.stderr?.split('\n').slice(-5).join('\n') ?? e.message}\n(logs: ${join(workdir(tools), 'clusters', name, 'logs')})`);
  });
}

async function seed(tools: ToolPaths, kubeconfig: string, say: Say): Promise<void> {
  await waitFor('the default ServiceAccount', async () => kubectl(tools, kubeconfig, ['get', 'serviceaccount', 'default', '-n', 'default']).then(() => true, () => false), 120_000, say);
  await kubectl(tools, kubeconfig, ['apply', '-f', join(KWOK_DIR, 'nodes.yaml'), '-f', join(KWOK_DIR, 'storage.yaml')]);
  await waitFor(
    'the simulated nodes to be Ready',
    async () => {
      const out = await kubectl(tools, kubeconfig, ['get', 'nodes', '-o', 'jsonpath={range .items[*]}{.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}']).catch(() => '');
      const states = out.split('\n').filter(Boolean);
      return states.length >= 5 && states.every((s) => s === 'True');
    },
    120_000,
    say,
  );
}

/** Starts the local cluster if it is not running, provisioning the tools on first use. */
export async function clusterUp(opts: { name?: string; say?: Say } = {}): Promise<LocalCluster> {
  const name = opts.name ?? clusterName();
  const say = opts.say ?? defaultSay;
  const t0 = Date.now();
  const tools = await ensureTools('cluster');
  const kubeconfig = kubeconfigPath(tools, name);
  let started = false;
  if (await isOutdated(tools, name)) {
    say(`cluster "${name}" was made with other stages or binaries (dev/kwok/stages.yaml, tool pins); making it again`);
    await destroy(tools, name);
  }
  if (await isReady(tools, kubeconfig)) {
    say(`cluster "${name}" is already running`);
  } else {
    if (existsSync(join(workdir(tools), 'clusters', name)) && !(await restart(tools, name, kubeconfig, say))) {
      say(`cluster "${name}" exists but does not start; recreating it`);
      await destroy(tools, name);
    }
    if (!(await isReady(tools, kubeconfig))) {
      await create(tools, name, say);
      await waitFor('the API server to be ready', () => isReady(tools, kubeconfig), 180_000, say);
    }
    started = true;
  }
  await seed(tools, kubeconfig, say);
  const probed = Date.now();
  const probe = await probePods((args, input) => kubectl(tools, kubeconfig, args, { input }), { timeoutMs: 180_000, say });
  say(`pods start: a probe Deployment's pod ran on each of the ${probe.nodes} nodes ${probe.seconds.toFixed(1)}s after they were created (${((probed - t0) / 1000).toFixed(1)}s after \`up\` began)`);
  const upSeconds = (Date.now() - t0) / 1000;
  say(`cluster "${name}" is up in ${upSeconds.toFixed(1)}s; kubeconfig: ${kubeconfig}`);
  return { name, kubeconfig, upSeconds, podsStartSeconds: probe.seconds, started };
}

/** Whether a pid names a live process; a zombie (killed, not yet reaped) is not alive. */
async function isAlive(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * kwokctl skips a component whose pid file names a process that answers signals, and a killed
 * but unreaped process still does: drop the pid files of processes that are gone or zombies.
 */
async function forgetDeadProcesses(tools: ToolPaths, name: string): Promise<void> {
  const dir = join(workdir(tools), 'clusters', name, 'pids');
  const files = await readdir(dir).catch(() => [] as string[]);
  for (const f of files) {
    const pid = Number((await readFile(join(dir, f), 'utf8').catch(() => '')).trim());
    if (!pid || !(await isAlive(pid))) await rm(join(dir, f), { force: true });
  }
}

/** Starts a stopped cluster again with its etcd data, so what was deployed is still there. */
async function restart(tools: ToolPaths, name: string, kubeconfig: string, say: Say): Promise<boolean> {
  say(`starting the stopped cluster "${name}" again`);
  try {
    await forgetDeadProcesses(tools, name);
    await run(tools.kwokctl, ['--name', name, 'start', 'cluster'], { env: kwokEnv(tools), timeout: 180_000 });
    await waitFor('the API server to be ready', () => isReady(tools, kubeconfig), 60_000, say);
    return true;
  } catch {
    return false;
  }
}

/** Stops the cluster's processes but keeps its data; the next `up` starts it again. */
export async function clusterStop(opts: { name?: string; say?: Say } = {}): Promise<void> {
  const name = opts.name ?? clusterName();
  const tools = await toolPaths();
  await run(tools.kwokctl, ['--name', name, 'stop', 'cluster'], { env: kwokEnv(tools), timeout: 120_000 }).catch(() => undefined);
  (opts.say ?? defaultSay)(`cluster "${name}" stopped (its data is kept; \`npm run cluster:down\` deletes it)`);
}

/** Where the host-path provisioner makes the volumes' directories, on this machine. */
const HOSTPATH_DIR = '/tmp/hostpath_pv/';

/** The directories of the cluster's volumes (only a running cluster can tell). */
async function volumeDirs(tools: ToolPaths, name: string): Promise<string[]> {
  const kubeconfig = kubeconfigPath(tools, name);
  if (!(await isReady(tools, kubeconfig))) return [];
  const out = await kubectl(tools, kubeconfig, ['get', 'pv', '-o', 'jsonpath={range .items[*]}{.spec.hostPath.path}{"\\n"}{end}']).catch(() => '');
  // the provisioner names them by a UUID: anything else is not its to delete
  return out.split('\n').filter((p) => p.startsWith(HOSTPATH_DIR) && /^[0-9a-f-]{36}$/.test(p.slice(HOSTPATH_DIR.length)));
}

/** Deletes the cluster, with its volumes' directories and the kubeconfig kwokctl wrote contexts to. */
async function destroy(tools: ToolPaths, name: string): Promise<void> {
  const dirs = await volumeDirs(tools, name);
  const contexts = join(workdir(tools), 'clusters', `${name}.contexts.yaml`);
  await run(tools.kwokctl, ['--name', name, 'delete', 'cluster', '--kubeconfig', contexts], {
    env: kwokEnv(tools),
    timeout: 120_000,
  }).catch(() => undefined);
  await Promise.all([...dirs, contexts].map((p) => rm(p, { recursive: true, force: true })));
}

/** Stops and deletes the local cluster; succeeds when there is none. */
export async function clusterDown(opts: { name?: string; say?: Say } = {}): Promise<void> {
  const name = opts.name ?? clusterName();
  const say = opts.say ?? defaultSay;
  const tools = await toolPaths();
  if (!existsSync(join(workdir(tools), 'clusters', name))) {
    say(`cluster "${name}" is not there; nothing to do`);
    return;
  }
  await destroy(tools, name);
  say(`cluster "${name}" deleted`);
}
