/**
 * One watch per (kind, namespace), shared by every activity in the worker process. Activities
 * subscribe to the object they wait for and are called on every change; nothing polls. A watch
 * with no subscriber left is stopped.
 */
import { makeInformer, type Informer, type KubernetesObject, type ObjectCache } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import type { KubeClients } from './kube-clients.js';

type Watched = Informer<KubernetesObject> & ObjectCache<KubernetesObject>;

interface KindSpec {
  path(namespace: string): string;
  list(kube: KubeClients, namespace: string): Promise<{ items: KubernetesObject[] }>;
}

/** The kinds that can be watched. Adding one is a line here. */
const KINDS = {
  Deployment: {
    path: (ns) => `/apis/apps/v1/namespaces/${ns}/deployments`,
    list: (kube, namespace) => kube.apps.listNamespacedDeployment({ namespace }),
  },
  StatefulSet: {
    path: (ns) => `/apis/apps/v1/namespaces/${ns}/statefulsets`,
    list: (kube, namespace) => kube.apps.listNamespacedStatefulSet({ namespace }),
  },
  Job: {
    path: (ns) => `/apis/batch/v1/namespaces/${ns}/jobs`,
    list: (kube, namespace) => kube.batch.listNamespacedJob({ namespace }),
  },
  Pod: {
    path: (ns) => `/api/v1/namespaces/${ns}/pods`,
    list: (kube, namespace) => kube.core.listNamespacedPod({ namespace }),
  },
} satisfies Record<string, KindSpec>;

export type WatchedKind = keyof typeof KINDS;

export interface WatchTarget {
  kind: WatchedKind;
  namespace: string;
  name: string;
}

/** Called with the object (or undefined once deleted); a defined return value ends the wait. */
export type Evaluate<R> = (obj: KubernetesObject | undefined) => R | undefined;

interface Entry {
  informer: Watched;
  started: Promise<void>;
  listeners: Set<(obj: KubernetesObject | undefined, name: string, raw: KubernetesObject) => void>;
}

export interface WaitOptions {
  /** Evaluate again on every event of this kind in the namespace too (e.g. the workload's Pods)... */
  alsoOn?: WatchedKind;
  /** ...that concerns this wait (e.g. its pods by their labels): a namespace with a thousand waits does not evaluate them all on every pod event. */
  alsoOnConcerns?: (obj: KubernetesObject) => boolean;
  /** Evaluate again at these times (ms since the epoch), for deadlines no event announces. */
  recheckAt?: () => number | undefined;
}

export interface WorkloadWatch {
  /** Resolves with the first non-undefined value of `evaluate`; rejects when `signal` aborts. */
  waitFor<R>(target: WatchTarget, evaluate: Evaluate<R>, signal: AbortSignal, opts?: WaitOptions): Promise<R>;
  /** The cached objects of a kind in a namespace, while some wait watches them. */
  snapshot(kind: WatchedKind, namespace: string): readonly KubernetesObject[];
  /** How many watches are open now (one per kind and namespace). */
  openWatches(): number;
  close(): Promise<void>;
}

export function createWorkloadWatch(kube: KubeClients, log: Logger): WorkloadWatch {
  const entries = new Map<string, Entry>();

  function open(kind: WatchedKind, namespace: string): Entry {
    const key = `${kind}/${namespace}`;
    const existing = entries.get(key);
    if (existing) return existing;
    const spec: KindSpec = KINDS[kind];
    const informer = makeInformer(kube.kc, spec.path(namespace), () => spec.list(kube, namespace)) as Watched;
    const entry: Entry = { informer, started: Promise.resolve(), listeners: new Set() };
    const emit = (obj: KubernetesObject | undefined, raw: KubernetesObject) => entry.listeners.forEach((l) => l(obj, raw.metadata?.name ?? '', raw));
    informer.on('add', (o) => emit(o, o));
    informer.on('update', (o) => emit(o, o));
    informer.on('delete', (o) => emit(undefined, o));
    informer.on('error', (err: unknown) => {
      if (entries.get(key) !== entry) return; // stopped on purpose
      log.warn({ err, watch: key }, 'watch failed; restarting in 2s');
      setTimeout(() => {
        if (entries.get(key) === entry) informer.start().catch((e: unknown) => log.warn({ err: e, watch: key }, 'watch restart failed'));
      }, 2000).unref();
    });
    entry.started = informer.start();
    entries.set(key, entry);
    return entry;
  }

  function release(kind: WatchedKind, namespace: string, entry: Entry): void {
    if (entry.listeners.size > 0) return;
    entries.delete(`${kind}/${namespace}`);
    // stopping while the first list is still in flight would let it open a watch afterwards
    void entry.started.catch(() => undefined).then(() => entry.informer.stop().catch(() => undefined));
  }

  return {
    waitFor({ kind, namespace, name }, evaluate, signal, opts = {}) {
      const entry = open(kind, namespace);
      const extra = opts.alsoOn ? open(opts.alsoOn, namespace) : undefined;
      return new Promise((resolve, reject) => {
        let timer: NodeJS.Timeout | undefined;
        const finish = (settle: () => void) => {
          entry.listeners.delete(listener);
          extra?.listeners.delete(anyChange);
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          release(kind, namespace, entry);
          if (extra && opts.alsoOn) release(opts.alsoOn, namespace, extra);
          settle();
        };
        const check = (obj: KubernetesObject | undefined) => {
          try {
            const r = evaluate(obj);
            if (r !== undefined) return finish(() => resolve(r));
          } catch (e) {
            return finish(() => reject(e));
          }
          const at = opts.recheckAt?.();
          clearTimeout(timer);
          if (at !== undefined) timer = setTimeout(() => check(entry.informer.get(name, namespace)), Math.max(0, at - Date.now()) + 50);
        };
        const listener = (obj: KubernetesObject | undefined, objName: string) => objName === name && check(obj);
        const anyChange = (_obj: KubernetesObject | undefined, _name: string, raw: KubernetesObject) =>
          (!opts.alsoOnConcerns || opts.alsoOnConcerns(raw)) && check(entry.informer.get(name, namespace));
        const onAbort = () => finish(() => reject(signal.reason));
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort);
        entry.listeners.add(listener);
        extra?.listeners.add(anyChange);
        Promise.all([entry.started, extra?.started]).then(
          () => entry.listeners.has(listener) && check(entry.informer.get(name, namespace)),
          (e: unknown) => finish(() => reject(e)),
        );
      });
    },
    snapshot: (kind, namespace) => entries.get(`${kind}/${namespace}`)?.informer.list(namespace) ?? [],
    openWatches: () => entries.size,
    async close() {
      const all = [...entries.values()];
      entries.clear();
      await Promise.all(all.map((e) => e.started.catch(() => undefined).then(() => e.informer.stop().catch(() => undefined))));
    },
  };
}
