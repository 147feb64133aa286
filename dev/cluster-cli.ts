/**
 * `npm run cluster:up` / `npm run cluster:down` (and `tsx dev/cluster-cli.ts stop`, which stops
 * the processes but keeps the data). `KUBEMIN_CLUSTER_NAME` picks the cluster (default `kubemin`).
 */
import { clusterDown, clusterStop, clusterUp } from './cluster.js';

const command = process.argv[2];
try {
  if (command === 'up') {
    const c = await clusterUp();
    process.stdout.write(`${c.kubeconfig}\n`);
  } else if (command === 'stop') {
    await clusterStop();
  } else if (command === 'down') {
    await clusterDown();
  } else {
    process.stderr.write('usage: cluster-cli up|stop|down\n');
    process.exitCode = 2;
  }
} catch (e) {
  process.stderr.write(`[cluster] ERROR: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
