/**
 * The policies that apply to one component: the application-wide ones, then every override whose
 * match names the component or its type (an empty match applies to all), later ones winning.
 */
import type { Application, Component, OverrideSpec } from './application.js';
import { setOf } from './component-index.js';

export type EffectivePolicy = Omit<OverrideSpec, 'match'>;

export const matches = (o: OverrideSpec, c: Pick<Component, 'name' | 'type'>): boolean =>
  (!o.match.components || setOf(o.match.components).has(c.name)) && (!o.match.types || setOf(o.match.types).has(c.type));

export function effectivePolicy(app: Pick<Application, 'policies'>, c: Pick<Component, 'name' | 'type'>): EffectivePolicy {
  const base: EffectivePolicy = app.policies.imagePullPolicy ? { imagePullPolicy: app.policies.imagePullPolicy } : {};
  const chosen = app.policies.overrides.filter((o) => matches(o, c));
  // only what an override sets replaces what came before
  const set = (o: OverrideSpec): EffectivePolicy =>
    Object.fromEntries(Object.entries({ imagePullPolicy: o.imagePullPolicy, restartPolicy: o.restartPolicy, probes: o.probes, steps: o.steps }).filter(([, v]) => v !== undefined));
  return chosen.reduce<EffectivePolicy>((acc, o) => ({ ...acc, ...set(o) }), base);
}
