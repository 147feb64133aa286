/**
 * KubeMin's Prometheus metrics (prom-client), one registry per process. Names follow the
 * conventions: `kubemin_` prefix, `_total` counters, `_seconds` durations. The worker also
 * exports the Temporal SDK's own metrics (task slots, pollers, schedule-to-start latency) on its
 * own port; see the README. deploy/ holds a Grafana dashboard and alert rules built on these.
 *
 * Platform signals: worker polling, queue time (schedule-to-start), Kubernetes API errors.
 * Job signals: runs finished by application and phase, step outcomes, capacity waits.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];
const QUEUE_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createMetrics(registry = new Registry()) {
  collectDefaultMetrics({ register: registry, prefix: 'kubemin_' });
  const registers = [registry];
  return {
    registry,
    runsStarted: new Counter({ name: 'kubemin_runs_started_total', help: 'Runs started, by application', labelNames: ['application'] as const, registers }),
    runsFinished: new Counter({
      name: 'kubemin_runs_finished_total',
      help: 'Runs ended, by application and phase (Succeeded, Failed, Cancelled)',
      labelNames: ['application', 'phase'] as const,
      registers,
    }),
    stepDuration: new Histogram({
      name: 'kubemin_step_duration_seconds',
      help: 'Time a step took from start to end, by step type and outcome (Succeeded, Failed, Cancelled)',
      labelNames: ['step_type', 'outcome'] as const,
      buckets: DURATION_BUCKETS,
      registers,
    }),
    capacityWait: new Histogram({
      name: 'kubemin_capacity_wait_seconds',
      help: 'Time pods waited for capacity (Unschedulable), by how the wait ended (scheduled, timed_out, cancelled)',
      labelNames: ['outcome'] as const,
      buckets: DURATION_BUCKETS,
      registers,
    }),
    waitingForCapacity: new Gauge({ name: 'kubemin_workloads_waiting_for_capacity', help: 'Workloads whose pods wait for capacity now', registers }),
    scheduleToStart: new Histogram({
      name: 'kubemin_activity_schedule_to_start_seconds',
      help: 'Queue time: from an activity attempt being scheduled to a worker starting it, by activity',
      labelNames: ['activity'] as const,
      buckets: QUEUE_BUCKETS,
      registers,
    }),
    activityFailures: new Counter({
      name: 'kubemin_activity_failures_total',
      help: 'Failed activity attempts, by activity and reason (the failure type)',
      labelNames: ['activity', 'reason'] as const,
      registers,
    }),
    kubeApiErrors: new Counter({
      name: 'kubemin_kubernetes_api_errors_total',
      help: 'Kubernetes API requests that failed, by reason (KubeInvalid, KubeHttp503, KubeUnreachable, ...)',
      labelNames: ['reason'] as const,
      registers,
    }),
    workerPolling: new Gauge({ name: 'kubemin_worker_polling', help: '1 while this worker polls its task queue', labelNames: ['task_queue'] as const, registers }),
    apiRequests: new Counter({ name: 'kubemin_api_requests_total', help: 'HTTP API requests, by method, route and status', labelNames: ['method', 'route', 'status'] as const, registers }),
    apiDuration: new Histogram({
      name: 'kubemin_api_request_duration_seconds',
      help: 'HTTP API request latency, by method and route',
      labelNames: ['method', 'route'] as const,
      buckets: QUEUE_BUCKETS,
      registers,
    }),
  };
}

export type KubeMinMetrics = ReturnType<typeof createMetrics>;

/**
 * How the worker's Temporal SDK exporter names its metrics: seconds, unit suffixes and `_total`
 * on counters, as Prometheus conventions want. deploy/ relies on these names (a test scrapes them).
 */
export const SDK_PROMETHEUS_NAMING = { useSecondsForDurations: true, unitSuffix: true, countersTotalSuffix: true } as const;
