/**
 * `init` and `sidecar`: extra containers in the pod. Init containers run to completion, in
 * order, before the main container starts (e.g. wait for a database, fetch assets); sidecars
 * run beside it (log shippers, proxies). Each has its own image, command, env, and mounts of the
 * volumes the component's `storage` trait declares.
 */
import { z } from 'zod';
import type { Component } from '../model/application.js';
import { dnsLabel, envName } from '../model/common.js';
import { basicContainer, type Container } from '../render/workloads.js';
import { defineTrait, type TraitIssue } from './trait.js';

const ContainerSpec = z.strictObject({
  name: dnsLabel,
  image: z.string().trim().min(1, { message: 'an image is required' }),
  command: z.array(z.string()).optional(),
  args: z.array(z.string()).optional(),
  env: z.record(envName, z.string()).optional(),
  /** Mounts of volumes declared by the component's storage trait, by volume name. */
  mounts: z.array(z.strictObject({ volume: dnsLabel, mountPath: z.string().regex(/^\//, { message: 'must be an absolute path' }), readOnly: z.boolean().optional() })).default([]),
});

type ContainerData = z.output<typeof ContainerSpec>[];

const Containers = z.array(ContainerSpec).min(1);

function toContainer(c: ContainerData[number]): Container {
  return {
    ...basicContainer(c),
    ...(c.mounts.length ? { volumeMounts: c.mounts.map((m) => ({ name: m.volume, mountPath: m.mountPath, ...(m.readOnly ? { readOnly: true } : {}) })) } : {}),
  };
}

const namesOf = (containers: unknown): string[] => ((containers as { name: string }[] | undefined) ?? []).map((c) => c.name);

/**
 * Names must not clash with the main container, each other, or (for sidecars) the init
 * containers: Kubernetes wants every container of a pod named apart. Mounts must name declared
 * volumes, each on its own path.
 */
function checkContainers(data: ContainerData, component: Component, also: readonly string[]): TraitIssue[] {
  const volumes = new Set(namesOf(component.traits.storage));
  const issues: TraitIssue[] = [];
  const names = new Set([component.name, ...also]);
  data.forEach((c, i) => {
    if (names.has(c.name)) issues.push({ path: [i, 'name'], message: `container name "${c.name}" is already used in this pod`, hint: 'give each container its own name' });
    names.add(c.name);
    c.mounts.forEach((m, k) => {
      const first = c.mounts.findIndex((x) => x.mountPath === m.mountPath);
      if (first < k) issues.push({ path: [i, 'mounts', k, 'mountPath'], message: `mount path "${m.mountPath}" is already used by mounts[${first}]` });
      if (!volumes.has(m.volume))
        issues.push({ path: [i, 'mounts', k, 'volume'], message: `no volume "${m.volume}" in this component's storage trait`, hint: volumes.size ? `declared volumes: ${[...volumes].join(', ')}` : 'declare it under traits.storage' });
    });
  });
  return issues;
}

/** One definition for both kinds of extra container; only where they go in the pod differs. */
const containerTrait = (name: string, description: string, where: 'initContainers' | 'containers') =>
  defineTrait<ContainerData>({
    name,
    description,
    schema: Containers,
    appliesTo: ['Deployment', 'StatefulSet', 'Job'],
    process: ({ data }) => ({ [where]: data.map(toContainer) }),
    // a clash between an init container and a sidecar is reported once, on the sidecar
    check: (data, _app, component) => checkContainers(data, component, where === 'containers' ? namesOf(component.traits.init) : []),
  });

export const init = containerTrait('init', 'Init containers, run in order to completion before the main container starts.', 'initContainers');
export const sidecar = containerTrait('sidecar', 'Extra containers running beside the main one (log shippers, proxies).', 'containers');
