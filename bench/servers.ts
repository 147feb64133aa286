/**
 * The real servers a bench section runs against: the local cluster (left as found) and an
 * in-memory Temporal dev server, plus a client. A server that cannot start fails the bench.
 */
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { clusterStop, clusterUp } from '../dev/cluster.js';
import { startDevTemporal, type DevTemporal } from '../dev/temporal.js';

export interface BenchServers {
  kubeconfig: string;
  temporal: DevTemporal;
  client: Client;
  connection: Connection;
  kubeConfig(): KubeConfig;
  /** Deletes a namespace the bench made (and everything in it); one already gone is fine. */
  deleteNamespace(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startBenchServers(): Promise<BenchServers> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const cluster = await clusterUp({ say: (l) => process.stderr.write(`[bench] ${l}\n`) });
  const temporal = await startDevTemporal();
  const connection = await Connection.connect({ address: temporal.address });
  const kubeConfig = (): KubeConfig => {
    const kc = new KubeConfig();
    kc.loadFromFile(cluster.kubeconfig);
    return kc;
  };
  return {
    kubeconfig: cluster.kubeconfig,
    temporal,
    connection,
    client: new Client({ connection }),
    kubeConfig,
    deleteNamespace: async (name) => {
      await kubeConfig().makeApiClient(CoreV1Api).deleteNamespace({ name }).catch(() => undefined);
    },
    stop: async () => {
      await connection.close();
      await temporal.stop();
      if (cluster.started && process.env.KUBEMIN_KEEP_CLUSTER !== '1') await clusterStop();
    },
  };
}

/** Counts the requests a KubeConfig's clients send to the API server (calls, list+watch). */
export function countRequests(kc: KubeConfig): { total(): number; reset(): void; byVerb(): Record<string, number> } {
  const verbs = new Map<string, number>();
  const add = (verb: string) => verbs.set(verb, (verbs.get(verb) ?? 0) + 1);
  const apply = kc.applySecurityAuthentication.bind(kc);
  const fetchOptions = kc.applyToFetchOptions.bind(kc);
  kc.applySecurityAuthentication = (context) => {
    add(context.getHttpMethod().toString());
    if (process.env.KUBEMIN_BENCH_DEBUG) process.stderr.write(`${context.getHttpMethod()} ${context.getUrl()}\n`);
    return apply(context);
  };
  kc.applyToFetchOptions = (opts) => {
    add('WATCH');
    return fetchOptions(opts);
  };
  return {
    total: () => [...verbs.values()].reduce((a, b) => a + b, 0),
    reset: () => verbs.clear(),
    byVerb: () => Object.fromEntries(verbs),
  };
}
