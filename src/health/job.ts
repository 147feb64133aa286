/** Job health: Complete is Healthy; Failed (BackoffLimitExceeded, DeadlineExceeded) is Degraded. */
import type { Health } from './deployment.js';

export interface JobLike {
  spec?: { suspend?: boolean; completions?: number };
  status?: { active?: number; succeeded?: number; failed?: number; conditions?: { type?: string; status?: string; reason?: string; message?: string }[] };
}

export function jobHealth(obj: JobLike): Health {
  const desired = obj.spec?.completions ?? 1;
  const ready = obj.status?.succeeded ?? 0;
  const cond = (type: string) => obj.status?.conditions?.find((c) => c.type === type && c.status === 'True');
  const failed = cond('Failed');
  if (failed) return { state: 'Degraded', message: `${failed.reason ?? 'Failed'}: ${failed.message ?? 'the Job failed'}`, ready, desired };
  if (cond('Complete')) return { state: 'Healthy', message: `${ready} of ${desired} completions`, ready, desired };
  if (obj.spec?.suspend) return { state: 'Suspended', message: 'the Job is suspended', ready, desired };
  return { state: 'Progressing', message: `${obj.status?.active ?? 0} running, ${ready} of ${desired} completed, ${obj.status?.failed ?? 0} failed`, ready, desired };
}
