/**
 * An activity interceptor that feeds the metrics every activity shares: queue time (from the
 * attempt being scheduled to this worker starting it) and failed attempts by reason, Kubernetes
 * API errors (failure types `Kube*`) counted apart.
 */
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import type { ActivityExecuteInput, ActivityInboundCallsInterceptor, Next } from '@temporalio/worker';
import type { Context } from '@temporalio/activity';
import type { KubeMinMetrics } from './metrics.js';

export function activityMetricsInterceptor(metrics: KubeMinMetrics) {
  return (ctx: Context): { inbound: ActivityInboundCallsInterceptor } => ({
    inbound: {
      async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
        const activity = ctx.info.activityType;
        metrics.scheduleToStart.observe({ activity }, Math.max(0, Date.now() - ctx.info.currentAttemptScheduledTimestampMs) / 1000);
        try {
          return await next(input);
        } catch (e) {
          if (!(e instanceof CancelledFailure)) {
            const reason = e instanceof ApplicationFailure ? (e.type ?? 'ApplicationFailure') : e instanceof Error ? e.name : 'Error';
            metrics.activityFailures.inc({ activity, reason });
            if (reason.startsWith('Kube')) metrics.kubeApiErrors.inc({ reason });
          }
          throw e;
        }
      },
    },
  });
}
