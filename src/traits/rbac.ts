/**
 * `rbac` (the seed's name) and its alias `serviceAccount`: the pod runs as its own
 * ServiceAccount (named after the component unless said otherwise), and, when rules are given,
 * a Role with those rules bound to it by a RoleBinding. Namespaced only: KubeMin never grants
 * cluster-wide rights from an application spec.
 */
import { z } from 'zod';
import { dnsSubdomain } from '../model/common.js';
import type { KubeObject } from '../render/kube-object.js';
import { metadataFor } from '../render/workloads.js';
import { defineTrait, type Trait } from './trait.js';

const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', '*'] as const;

const Rule = z.strictObject({
  apiGroups: z.array(z.string()).default(['']),
  resources: z.array(z.string().min(1)).min(1, { message: 'name at least one resource, e.g. configmaps' }),
  verbs: z.array(z.enum(VERBS, { message: `must be one of ${VERBS.join(', ')}` })).min(1),
  resourceNames: z.array(z.string()).optional(),
});

const RbacSchema = z.strictObject({
  /** The ServiceAccount's name; default: the component's. */
  name: dnsSubdomain.optional(),
  automountToken: z.boolean().default(true),
  rules: z.array(Rule).default([]),
});

export type RbacData = z.output<typeof RbacSchema>;

const rbacTrait = (name: 'rbac' | 'serviceAccount'): Trait<RbacData> =>
  defineTrait<RbacData>({
    name,
    description: 'Run as an own ServiceAccount, with an optional namespaced Role and RoleBinding for the rules given.',
    schema: RbacSchema,
    appliesTo: ['Deployment', 'StatefulSet', 'Job'],
    process: ({ app, component, data, revision }) => {
      const account = data.name ?? component.name;
      const meta = (objectName: string) => metadataFor({ app, component, revision, properties: {} }, objectName);
      const role = `${component.name}-role`;
      const objects: KubeObject[] = [{ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(account), automountServiceAccountToken: data.automountToken }];
      if (data.rules.length) {
        objects.push(
          { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: meta(role), rules: data.rules },
          {
            apiVersion: 'rbac.authorization.k8s.io/v1',
            kind: 'RoleBinding',
            metadata: meta(`${component.name}-binding`),
            roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role },
            subjects: [{ kind: 'ServiceAccount', name: account, namespace: app.namespace }],
          },
        );
      }
      return { podFields: { serviceAccountName: account }, additionalObjects: objects };
    },
    // reported once, on the alias
    check: (_data, _app, component) =>
      name === 'serviceAccount' && 'rbac' in component.traits ? [{ path: [], message: 'rbac and serviceAccount are the same trait', hint: 'keep one of them' }] : [],
  });

export const rbac = rbacTrait('rbac');
export const serviceAccount = rbacTrait('serviceAccount');
