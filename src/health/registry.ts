/** Health rules by workload kind. Adding a kind is a line here (and one in the watch's kinds). */
import type { ReadinessTarget } from '../components/component-type.js';
import { deploymentHealth, type Health } from './deployment.js';
import { jobHealth } from './job.js';
import { statefulSetHealth } from './statefulset.js';

export const HEALTH_RULES: { [K in ReadinessTarget['kind']]: (obj: unknown) => Health } = {
  Deployment: (o) => deploymentHealth(o as never),
  StatefulSet: (o) => statefulSetHealth(o as never),
  Job: (o) => jobHealth(o as never),
};

export const healthOf = (kind: ReadinessTarget['kind'], obj: unknown): Health => HEALTH_RULES[kind](obj);
