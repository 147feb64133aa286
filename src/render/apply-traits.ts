/**
 * Merges trait results into a workload's pod template, in registry order, and collects the
 * objects traits create alongside it. The workload is copied, never mutated in place.
 */
import type { ComponentType, RenderContext } from '../components/component-type.js';
import { effectivePolicy } from '../model/policies.js';
import { probes } from '../traits/probes.js';
import { TRAITS } from '../traits/registry.js';
import type { K8sItem, TraitResult } from '../traits/trait.js';
import type { KubeObject } from './kube-object.js';
import type { Container } from './workloads.js';

type PodSpec = { containers: Container[]; initContainers?: Container[]; volumes?: K8sItem[] } & K8sItem;

function podSpecOf(workload: KubeObject): PodSpec {
  return ((workload.spec as K8sItem).template as { spec: PodSpec }).spec;
}

function appendKeyed(containers: Container[], field: string, byName: Record<string, K8sItem[]> | undefined): void {
  for (const c of containers) {
    const add = byName?.[c.name];
    if (add?.length) c[field] = [...((c[field] as K8sItem[] | undefined) ?? []), ...add];
  }
}

function merge(workload: KubeObject, r: TraitResult): void {
  const pod = podSpecOf(workload);
  if (r.initContainers?.length) pod.initContainers = [...(pod.initContainers ?? []), ...r.initContainers];
  if (r.containers?.length) pod.containers = [...pod.containers, ...r.containers];
  if (r.volumes?.length) pod.volumes = [...(pod.volumes ?? []), ...r.volumes];
  if (r.podFields) Object.assign(pod, r.podFields);
  const all = [...pod.containers, ...(pod.initContainers ?? [])];
  appendKeyed(all, 'volumeMounts', r.volumeMounts);
  appendKeyed(all, 'env', r.env);
  appendKeyed(all, 'envFrom', r.envFrom);
  for (const c of all) Object.assign(c, r.containerFields?.[c.name] ?? {});
  if (r.volumeClaimTemplates?.length) {
    const spec = workload.spec as K8sItem;
    spec.volumeClaimTemplates = [...((spec.volumeClaimTemplates as K8sItem[] | undefined) ?? []), ...r.volumeClaimTemplates];
  }
}

/** The component's policies: image pull policy, restart policy, and probes when it has none. */
function applyPolicy(workload: KubeObject, type: ComponentType<unknown>, ctx: RenderContext): void {
  const policy = effectivePolicy(ctx.app, ctx.component);
  const pod = podSpecOf(workload);
  if (policy.imagePullPolicy) for (const c of [...pod.containers, ...(pod.initContainers ?? [])]) c.imagePullPolicy = policy.imagePullPolicy;
  if (policy.restartPolicy) pod.restartPolicy = policy.restartPolicy;
  if (policy.probes && !('probes' in ctx.component.traits)) {
    merge(workload, probes.process({ app: ctx.app, component: ctx.component, workload, workloadKind: type.workload, data: policy.probes, revision: ctx.revision }));
  }
}

/** Returns the workload with every trait of the component applied, and the extra objects. */
export function applyTraits(type: ComponentType<unknown>, ctx: RenderContext, workload: KubeObject): { workload: KubeObject; extra: KubeObject[] } {
  const built = structuredClone(workload);
  const extra: KubeObject[] = [];
  for (const trait of TRAITS) {
    if (!(trait.name in ctx.component.traits)) continue;
    const result = trait.process({ app: ctx.app, component: ctx.component, workload: built, workloadKind: type.workload, data: ctx.component.traits[trait.name], revision: ctx.revision });
    merge(built, result);
    extra.push(...(result.additionalObjects ?? []));
  }
  applyPolicy(built, type, ctx);
  return { workload: built, extra };
}
