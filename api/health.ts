/**
 * /healthz (the process answers), /readyz (Temporal is reachable and a worker polls the task
 * queue: 503 saying which is not), /metrics (Prometheus text of this process's registry).
 */
import { Hono } from 'hono';
import type { Client } from '@temporalio/client';
import type { Registry } from 'prom-client';

const TIMEOUT_MS = 3_000;

const within = <T>(p: Promise<T>, what: string): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${TIMEOUT_MS / 1000}s`)), TIMEOUT_MS).unref())]);

export function createHealthRoutes(deps: { temporal: Client; taskQueue: string; registry?: Registry }) {
  const { temporal, taskQueue } = deps;
  return new Hono()
    .get('/healthz', (c) => c.json({ ok: true }))
    .get('/readyz', async (c) => {
      const checks: Record<string, { ok: boolean; detail: string }> = {};
      try {
        await within(temporal.workflowService.getSystemInfo({}), 'Temporal');
        checks.temporal = { ok: true, detail: `reachable (namespace ${temporal.options.namespace})` };
        const queue = await within(
          temporal.workflowService.describeTaskQueue({ namespace: temporal.options.namespace, taskQueue: { name: taskQueue }, taskQueueType: 1 }),
          'describeTaskQueue',
        );
        const pollers = queue.pollers?.length ?? 0;
        checks.worker = pollers > 0
          ? { ok: true, detail: `${pollers} poller(s) on task queue ${taskQueue}` }
          : { ok: false, detail: `no worker polls task queue ${taskQueue}: start one (npm run worker) with KUBEMIN_TASK_QUEUE=${taskQueue}` };
      } catch (e) {
        checks.temporal ??= { ok: false, detail: `unreachable: ${(e as Error).message}; check TEMPORAL_ADDRESS and its TLS settings` };
      }
      const ok = Object.values(checks).every((x) => x.ok) && 'worker' in checks;
      return c.json({ ok, checks }, ok ? 200 : 503);
    })
    .get('/metrics', async (c) => {
      if (!deps.registry) return c.text('# metrics are not enabled in this process\n', 200);
      return c.body(await deps.registry.metrics(), 200, { 'content-type': deps.registry.contentType });
    });
}
