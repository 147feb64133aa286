/**
 * Finds what in a Kubernetes object reaches past its namespace onto the node or the node's
 * network: hostPath volumes, privileged containers (and capabilities beyond Pod Security's
 * baseline), host namespaces (network, PID, IPC), host ports, and Services that open node ports
 * or claim external IPs. Each finding carries its path inside the object, so callers can name
 * the field in the spec it came from.
 *
 * Pod specs are found by shape, not by kind: any object with a `containers` list (a Pod's spec, a
 * Deployment's template, a CronJob's job template, a custom resource embedding a pod template).
 */

/** The kinds of host access a platform policy allows or denies. */
export const HOST_ACCESS = ['hostPath', 'privileged', 'hostNamespaces', 'hostPorts', 'nodePort', 'externalIPs'] as const;
export type HostAccess = (typeof HOST_ACCESS)[number];

export interface HostAccessFinding {
  access: HostAccess;
  /** Path of the field inside the object, e.g. `['spec', 'template', 'spec', 'hostNetwork']`. */
  path: (string | number)[];
  /** What the field does, for messages. */
  message: string;
  /** For a hostPath volume: its name (to find the storage entry it was rendered from). */
  volume?: string;
}

type Json = Record<string, unknown>;
type Path = (string | number)[];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Capabilities Pod Security's baseline level allows containers to add. */
const BASELINE_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

const HOST_NAMESPACES = { hostNetwork: "the node's network", hostPID: "the node's processes", hostIPC: "the node's IPC" } as const;

function containerFindings(c: unknown, at: Path): HostAccessFinding[] {
  if (!isObject(c)) return [];
  const sc = isObject(c.securityContext) ? c.securityContext : {};
  const out: HostAccessFinding[] = [];
  if (sc.privileged === true) out.push({ access: 'privileged', path: [...at, 'securityContext', 'privileged'], message: 'a privileged container has every device and capability of the node' });
  const caps = isObject(sc.capabilities) ? list(sc.capabilities.add) : [];
  caps.forEach((cap, i) => {
    const name = String(cap).toUpperCase().replace(/^CAP_/, '');
    if (!BASELINE_CAPABILITIES.has(name)) out.push({ access: 'privileged', path: [...at, 'securityContext', 'capabilities', 'add', i], message: `the capability ${String(cap)} goes beyond Pod Security's baseline` });
  });
  list(c.ports).forEach((p, i) => {
    if (isObject(p) && typeof p.hostPort === 'number' && p.hostPort !== 0) out.push({ access: 'hostPorts', path: [...at, 'ports', i, 'hostPort'], message: `hostPort ${p.hostPort} listens on the node's own address` });
  });
  return out;
}

function podSpecFindings(spec: Json, at: Path): HostAccessFinding[] {
  const out: HostAccessFinding[] = [];
  list(spec.volumes).forEach((v, i) => {
    if (isObject(v) && v.hostPath !== undefined) {
      const path = isObject(v.hostPath) ? String(v.hostPath.path) : '?';
      out.push({ access: 'hostPath', path: [...at, 'volumes', i, 'hostPath'], message: `a hostPath volume mounts the node's ${path}`, ...(typeof v.name === 'string' ? { volume: v.name } : {}) });
    }
  });
  for (const [field, what] of Object.entries(HOST_NAMESPACES)) {
    if (spec[field] === true) out.push({ access: 'hostNamespaces', path: [...at, field], message: `${field} shares ${what} with the pod` });
  }
  for (const key of ['containers', 'initContainers', 'ephemeralContainers']) {
    list(spec[key]).forEach((c, i) => out.push(...containerFindings(c, [...at, key, i])));
  }
  return out;
}

function serviceFindings(obj: Json): HostAccessFinding[] {
  const spec = isObject(obj.spec) ? obj.spec : {};
  const out: HostAccessFinding[] = [];
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') out.push({ access: 'nodePort', path: ['spec', 'type'], message: `a ${spec.type} Service opens ports on every node` });
  list(spec.ports).forEach((p, i) => {
    if (isObject(p) && p.nodePort !== undefined) out.push({ access: 'nodePort', path: ['spec', 'ports', i, 'nodePort'], message: `nodePort ${String(p.nodePort)} opens a port on every node` });
  });
  if (list(spec.externalIPs).length > 0) out.push({ access: 'externalIPs', path: ['spec', 'externalIPs'], message: 'externalIPs make the cluster route traffic for those addresses to this Service (CVE-2020-8554)' });
  return out;
}

/**
 * Every pod spec inside a value (by shape: an object with a `containers` list), with its path.
 * `at` is one path pushed and popped along the walk, copied only where a pod spec is found.
 */
function podSpecsIn(value: unknown, at: Path, out: HostAccessFinding[]): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walkInto(value[i], i, at, out);
    return;
  }
  const obj = value as Json;
  if (Array.isArray(obj.containers)) out.push(...podSpecFindings(obj, [...at]));
  for (const k in obj) if (k !== 'containers') walkInto(obj[k], k, at, out);
}

function walkInto(v: unknown, key: string | number, at: Path, out: HostAccessFinding[]): void {
  if (typeof v !== 'object' || v === null) return;
  at.push(key);
  podSpecsIn(v, at, out);
  at.pop();
}

/** The host access an object asks for; empty when it asks for none. */
export function findHostAccess(obj: unknown): HostAccessFinding[] {
  if (!isObject(obj)) return [];
  const out: HostAccessFinding[] = obj.kind === 'Service' && (obj.apiVersion === 'v1' || obj.apiVersion === undefined) ? serviceFindings(obj) : [];
  // data of ConfigMaps and Secrets is text, never a pod
  if ((obj.kind === 'ConfigMap' || obj.kind === 'Secret') && obj.apiVersion === 'v1') return out;
  podSpecsIn(obj, [], out);
  return out;
}
