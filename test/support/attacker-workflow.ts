/**
 * A workflow of an attacker's own, run by their own worker (no codec): it schedules KubeMin's
 * applyObjects activity on KubeMin's task queue with an input it wrote itself, once.
 */
import { proxyActivities } from '@temporalio/workflow';

export async function scheduleKubeMinApply(taskQueue: string, input: unknown): Promise<void> {
  const { applyObjects } = proxyActivities<{ applyObjects(input: unknown): Promise<unknown> }>({ taskQueue, startToCloseTimeout: '30s', retry: { maximumAttempts: 1 } });
  await applyObjects(input);
}
