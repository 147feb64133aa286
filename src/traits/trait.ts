/**
 * The trait-processor contract of the seed design. A trait has a name, a zod schema for its
 * data, and a pure function from a context (the application, the component, the workload being
 * built, the trait's parsed data) to a result: pod-level additions and objects to create
 * alongside the workload. Processors never mutate the workload; the renderer merges results.
 */
import type { z } from 'zod';
import type { WorkloadKind } from '../components/component-type.js';
import type { Application, Component } from '../model/application.js';
import type { KubeObject } from '../render/kube-object.js';
import type { Container } from '../render/workloads.js';

export type K8sItem = Record<string, unknown>;

export interface TraitContext<D> {
  readonly app: Application;
  readonly component: Component;
  /** The workload object as built so far: read it, do not change it. */
  readonly workload: Readonly<KubeObject>;
  readonly workloadKind: WorkloadKind;
  readonly data: D;
  readonly revision: string;
}

export interface TraitResult {
  initContainers?: Container[];
  /** Extra containers (sidecars). */
  containers?: Container[];
  volumes?: K8sItem[];
  /** Volume mounts keyed by container name. */
  volumeMounts?: Record<string, K8sItem[]>;
  /** Environment variables keyed by container name. */
  env?: Record<string, K8sItem[]>;
  /** envFrom sources keyed by container name. */
  envFrom?: Record<string, K8sItem[]>;
  /** Fields set on a container (resources, probes), keyed by container name. */
  containerFields?: Record<string, K8sItem>;
  /** Fields set on the pod spec (serviceAccountName). */
  podFields?: K8sItem;
  /** Claims for a StatefulSet's volumeClaimTemplates. */
  volumeClaimTemplates?: K8sItem[];
  /** Cluster objects created alongside the workload (PVCs, Ingresses, RBAC). */
  additionalObjects?: KubeObject[];
}

export interface Trait<D = unknown> {
  readonly name: string;
  readonly description: string;
  readonly schema: z.ZodType<D>;
  /** Which workloads it can extend; a trait on another kind is a validation error. */
  readonly appliesTo: readonly WorkloadKind[];
  process(ctx: TraitContext<D>): TraitResult;
  /** Checks that need the whole application (policies, other components); paths are relative to the trait's data. */
  check?(data: D, app: Application, component: Component): TraitIssue[];
  /** The ConfigMaps and Secrets it reads, checked against the application's config and secret components. */
  references?(data: D): SourceRef[];
}

/** A ConfigMap or Secret a trait reads, with the path of the field that names it. */
export interface SourceRef {
  kind: 'config' | 'secret';
  name: string;
  path: (string | number)[];
}

export interface TraitIssue {
  path: (string | number)[];
  message: string;
  hint?: string;
}

export const defineTrait = <D>(t: Trait<D>): Trait<D> => t;
