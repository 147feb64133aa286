/** `npm run cluster:up` / `npm run cluster:down`. */
import { clusterDown, clusterUp } from './cluster.js';

const command = process.argv[2];
try {
  if (command === 'up') {
    const c = await clusterUp();
    process.stdout.write(`${c.kubeconfig}\n`);
  } else if (command === 'down') {
    await clusterDown();
  } else {
    process.stderr.write('usage: cluster-cli up|down\n');
    process.exitCode = 2;
  }
} catch (e) {
  process.stderr.write(`[cluster] ERROR: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
