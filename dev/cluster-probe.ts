/**
 * Proof that the local cluster really starts pods the way an application's pods start: a
 * Deployment per node, so the controller manager makes its ReplicaSet and pod, the real
 * scheduler places the pod (a nodeSelector, not a nodeName, so a tainted node holds it back) and
 * kwok starts it. An API server that answers /readyz is not enough: after a restart a controller
 * may not run yet, or kwok may not manage the nodes yet, and pods would sit Pending.
 */
import { randomBytes } from 'node:crypto';

/** Runs kubectl against the cluster with these arguments (and this stdin), returning stdout. */
export type Kubectl = (args: string[], input?: string) => Promise<string>;

const NAMESPACE = 'default';
const LABEL = 'kubemin.io/probe';

/** The probe for one node; it is deleted again (with its ReplicaSet and pod) once its pod ran. */
export function probeDeployment(node: string, nonce: string): Record<string, unknown> {
  const labels = { [LABEL]: nonce, 'kubemin.io/probe-node': node };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `kubemin-probe-${nonce}-${node}`, namespace: NAMESPACE, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { nodeSelector: { 'kubernetes.io/hostname': node }, terminationGracePeriodSeconds: 0, containers: [{ name: 'probe', image: 'kubemin.local/probe:1' }] },
      },
    },
  };
}

interface ProbeState {
  name: string;
  phase: string;
  node: string;
  reason: string;
}

async function probeStates(kubectl: Kubectl, nonce: string): Promise<ProbeState[]> {
  const out = await kubectl([
    'get', 'pods', '-n', NAMESPACE, '-l', `${LABEL}=${nonce}`, '-o',
    'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\t"}{.spec.nodeName}{"\\t"}{.status.conditions[?(@.type=="PodScheduled")].message}{"\\n"}{end}',
  ]).catch(() => '');
  return out.split('\n').filter(Boolean).map((line) => {
    const [name = '', phase = '', node = '', reason = ''] = line.split('\t');
    return { name, phase, node, reason };
  });
}

const describe = (states: ProbeState[]): string =>
  states.map((s) => `${s.name}: ${s.phase}${s.node ? ` on ${s.node}` : ' (not scheduled)'}${s.reason ? ` (${s.reason})` : ''}`).join('; ') ||
  'no probe pod exists yet (is the controller manager running?)';

/**
 * Creates a probe Deployment for every node and waits until each one's pod runs; returns how
 * many nodes ran one and the seconds it took. The probes are deleted in every case (with those
 * an earlier, interrupted call left behind).
 */
export async function probePods(kubectl: Kubectl, opts: { timeoutMs: number; say: (line: string) => void }): Promise<{ nodes: number; seconds: number }> {
  const t0 = Date.now();
  const nodes = (await kubectl(['get', 'nodes', '-o', 'jsonpath={.items[*].metadata.name}'])).split(/\s+/).filter(Boolean);
  const nonce = randomBytes(3).toString('hex');
  try {
    await kubectl(['create', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: nodes.map((n) => probeDeployment(n, nonce)) }));
    let next = Date.now() + 10_000;
    for (;;) {
      const states = await probeStates(kubectl, nonce);
      if (states.length === nodes.length && states.every((s) => s.phase === 'Running')) break;
      if (Date.now() - t0 > opts.timeoutMs) throw new Error(`pods do not start: after ${opts.timeoutMs / 1000}s the probe pods are ${describe(states)}`);
      if (Date.now() > next) {
        opts.say(`still waiting for a probe pod to run on every node: ${describe(states.filter((s) => s.phase !== 'Running'))}`);
        next = Date.now() + 10_000;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    return { nodes: nodes.length, seconds: (Date.now() - t0) / 1000 };
  } finally {
    await kubectl(['delete', 'deployments', '-n', NAMESPACE, '-l', LABEL, '--wait=false', '--ignore-not-found']).catch(() => undefined);
  }
}
