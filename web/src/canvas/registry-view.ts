/** What the registries say about a component type: its info, and the traits its workload takes. Pure. */
export interface ComponentTypeInfo {
  name: string;
  description?: string;
  /** The workload kind it renders (Deployment, StatefulSet, Job) or `none`. */
  workload?: string;
  stage?: string;
  exposesService?: boolean;
}

export interface TraitInfo {
  name: string;
  description?: string;
  appliesTo?: string[];
}

/** The traits that apply to the type's workload (none for a type the registry does not list, or without a workload). */
export function traitsFor(types: readonly ComponentTypeInfo[], traits: readonly TraitInfo[], type: string): TraitInfo[] {
  const workload = types.find((t) => t.name === type)?.workload;
  if (!workload) return [];
  return traits.filter((t) => t.appliesTo?.includes(workload));
}
