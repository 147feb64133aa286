/**
 * `storage`: volumes mounted into the main container, by the seed's types:
 * - `persistent`: a PersistentVolumeClaim (`<component>-<name>`), or for a StatefulSet a
 *   volumeClaimTemplate so each replica gets its own;
 * - `ephemeral`: an emptyDir;
 * - `host-mounted`: a hostPath, only where `policies.allowHostPath` is true (and the platform policy allows it, src/policy);
 * - `config` / `secret`: a ConfigMap / Secret as files, read-only unless said otherwise.
 * Names are generated as `<type>-<index>` when omitted; duplicate names or mount paths are errors.
 */
import { z } from 'zod';
import { dnsLabel, dnsSubdomain, evenWithElementErrors, fieldsOf, quantity, storageSize } from '../model/common.js';
import { metadataFor } from '../render/workloads.js';
import { defineTrait, type K8sItem, type TraitContext, type TraitResult } from './trait.js';

const mountPath = z.string().regex(/^\//, { message: 'must be an absolute path, e.g. /data' });
const base = { name: dnsLabel.optional(), mountPath, subPath: z.string().optional() };

const Persistent = z.strictObject({
  ...base,
  type: z.literal('persistent'),
  size: storageSize,
  storageClass: dnsSubdomain.optional(),
  accessModes: z.array(z.enum(['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'])).min(1).default(['ReadWriteOnce']),
  readOnly: z.boolean().default(false),
});
const Ephemeral = z.strictObject({ ...base, type: z.literal('ephemeral'), medium: z.enum(['Memory']).optional(), sizeLimit: quantity.optional(), readOnly: z.boolean().default(false) });
const HostMounted = z.strictObject({ ...base, type: z.literal('host-mounted'), hostPath: mountPath, readOnly: z.boolean().default(false) });
const Config = z.strictObject({ ...base, type: z.literal('config'), sourceName: dnsSubdomain, readOnly: z.boolean().default(true), defaultMode: z.number().int().min(0).max(0o777).default(0o644) });
const Secret = z.strictObject({ ...base, type: z.literal('secret'), sourceName: dnsSubdomain, readOnly: z.boolean().default(true), defaultMode: z.number().int().min(0).max(0o777).default(0o644) });

const Volume = z.discriminatedUnion('type', [Persistent, Ephemeral, HostMounted, Config, Secret], {
  message: 'type must be one of persistent, ephemeral, host-mounted, config, secret',
});
type VolumeSpec = z.output<typeof Volume>;
export type StorageData = (VolumeSpec & { name: string })[];

const defaultName = (type: unknown, i: number): string => `${String(type)}-${i}`;

/** Duplicate names and mount paths, also among volumes of which others are invalid (so it sees them as given). */
function checkDuplicates(list: unknown[], ctx: z.RefinementCtx): void {
  const names = new Map<string, number>();
  const paths = new Map<string, number>();
  list.forEach((element, i) => {
    const v = fieldsOf(element);
    const name = v.name ?? defaultName(v.type, i);
    if (typeof name === 'string' && names.has(name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `volume name "${name}" is already used by storage[${names.get(name)}]` });
    if (typeof v.mountPath === 'string' && paths.has(v.mountPath)) ctx.addIssue({ code: 'custom', path: [i, 'mountPath'], message: `mount path "${v.mountPath}" is already used by storage[${paths.get(v.mountPath)}]` });
    if (typeof name === 'string' && !names.has(name)) names.set(name, i);
    if (typeof v.mountPath === 'string' && !paths.has(v.mountPath)) paths.set(v.mountPath, i);
  });
}

const StorageSchema = z
  .array(Volume)
  .superRefine(checkDuplicates, evenWithElementErrors)
  .transform((list) => list.map((v, i) => ({ ...v, name: v.name ?? defaultName(v.type, i) })));

type Source = (v: VolumeSpec & { name: string }, ctx: TraitContext<StorageData>) => { volume?: K8sItem; claim?: K8sItem; object?: TraitResult['additionalObjects'] };

function claimSpec(v: z.output<typeof Persistent>): K8sItem {
  return { accessModes: v.accessModes, resources: { requests: { storage: v.size } }, ...(v.storageClass ? { storageClassName: v.storageClass } : {}) };
}

/** How each storage type becomes a pod volume (and maybe a claim). Keyed by type, no branching. */
const SOURCES: { [T in VolumeSpec['type']]: Source } = {
  persistent: (v, ctx) => {
    const p = v as z.output<typeof Persistent> & { name: string };
    if (ctx.workloadKind === 'StatefulSet') return { claim: { metadata: { name: p.name }, spec: claimSpec(p) } };
    const claimName = `${ctx.component.name}-${p.name}`;
    return {
      volume: { name: p.name, persistentVolumeClaim: { claimName } },
      object: [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: metadataFor({ ...ctx, properties: {} }, claimName), spec: claimSpec(p) }],
    };
  },
  ephemeral: (v) => {
    const e = v as z.output<typeof Ephemeral>;
    return { volume: { name: v.name, emptyDir: { ...(e.medium ? { medium: e.medium } : {}), ...(e.sizeLimit ? { sizeLimit: e.sizeLimit } : {}) } } };
  },
  'host-mounted': (v) => ({ volume: { name: v.name, hostPath: { path: (v as z.output<typeof HostMounted>).hostPath } } }),
  config: (v) => {
    const c = v as z.output<typeof Config>;
    return { volume: { name: v.name, configMap: { name: c.sourceName, defaultMode: c.defaultMode } } };
  },
  secret: (v) => {
    const s = v as z.output<typeof Secret>;
    return { volume: { name: v.name, secret: { secretName: s.sourceName, defaultMode: s.defaultMode } } };
  },
};

export const storage = defineTrait<StorageData>({
  name: 'storage',
  description: 'Volumes for the main container: persistent (PVC), ephemeral (emptyDir), host-mounted (hostPath), config (ConfigMap) and secret (Secret) files.',
  schema: StorageSchema as unknown as z.ZodType<StorageData>,
  appliesTo: ['Deployment', 'StatefulSet', 'Job'],
  process: (ctx) => {
    const result: Required<Pick<TraitResult, 'volumes' | 'volumeClaimTemplates' | 'additionalObjects'>> = { volumes: [], volumeClaimTemplates: [], additionalObjects: [] };
    const mounts = ctx.data.map((v) => ({ name: v.name, mountPath: v.mountPath, ...(v.subPath ? { subPath: v.subPath } : {}), ...(v.readOnly ? { readOnly: true } : {}) }));
    for (const v of ctx.data) {
      const { volume, claim, object } = SOURCES[v.type](v, ctx);
      if (volume) result.volumes.push(volume);
      if (claim) result.volumeClaimTemplates.push(claim);
      if (object) result.additionalObjects.push(...object);
    }
    return { ...result, volumeMounts: { [ctx.component.name]: mounts } };
  },
  references: (data) =>
    data.flatMap((v, i) => (v.type === 'config' || v.type === 'secret' ? [{ kind: v.type, name: (v as { sourceName: string }).sourceName, path: [i, 'sourceName'] }] : [])),
  check: (data, app) =>
    app.policies.allowHostPath
      ? []
      : data.flatMap((v, i) =>
          v.type === 'host-mounted'
            ? [{ path: [i, 'type'], message: 'host-mounted storage gives the pod the node\'s files and is denied by default', hint: 'set policies.allowHostPath: true if this application really needs it (the platform policy must allow hostPath for its namespace too)' }]
            : [],
        ),
});
