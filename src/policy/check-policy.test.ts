/** checkPolicy: every denied field of a spec, by the spec's JSON path, with the rule that denies it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateApplication } from '../model/validate.js';
import { checkPolicy, deniedInObjects } from './check-policy.js';
import { allowedFor, DEFAULT_POLICY, parsePlatformPolicy } from './platform-policy.js';

const who = { caller: 'ci', namespace: 'staging-a' };
const hostLogs = { name: 'logs', type: 'worker', image: 'x', traits: { storage: [{ type: 'ephemeral', mountPath: '/tmp' }, { type: 'host-mounted', mountPath: '/h', hostPath: '/' }] } };
const privilegedPod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x', securityContext: { privileged: true } }] } };
const nodePort = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 80 }], externalIPs: ['1.2.3.4'] } };
const spec = (extra: Record<string, unknown> = {}) =>
  validateApplication({
    name: 'shop',
    namespace: 'staging-a',
    policies: { allowHostPath: true },
    components: [{ name: 'web', type: 'webservice', image: 'x', port: 80 }, hostLogs],
    workflow: {
      steps: [
        { name: 'deploy', type: 'deploy', components: ['web', 'logs'] },
        { name: 'raw', type: 'apply', properties: { manifests: [nodePort] } },
        { name: 'group', steps: [{ name: 'pods', type: 'apply', properties: { manifests: [privilegedPod] } }] },
      ],
    },
    ...extra,
  });

describe('checkPolicy', () => {
  it('lists every denied field at once when the platform allows nothing', () => {
    const found = checkPolicy(spec(), allowedFor(DEFAULT_POLICY, 'ci', 'staging-a'), who).map((v) => [v.path, v.rule]);
    assert.deepEqual(found, [
      ['$.components[1].traits.storage[1].hostPath', 'allow.hostPath'],
      ['$.workflow.steps[1].properties.manifests[0].spec.type', 'allow.nodePort'],
      ['$.workflow.steps[1].properties.manifests[0].spec.externalIPs', 'allow.externalIPs'],
      ['$.workflow.steps[2].steps[0].properties.manifests[0].spec.containers[0].securityContext.privileged', 'allow.privileged'],
    ]);
  });

  it('says who was denied where, and which rules matched', () => {
    const policy = parsePlatformPolicy([{ name: 'staging', namespaces: ['staging-*'], allow: { nodePort: true, externalIPs: true, privileged: true } }], 'test');
    const [v] = checkPolicy(spec(), allowedFor(policy, 'ci', 'staging-a'), who);
    assert.deepEqual(v, {
      path: '$.components[1].traits.storage[1].hostPath',
      rule: 'allow.hostPath',
      message: "Deployment logs: spec.template.spec.volumes[1].hostPath: a hostPath volume mounts the node's /; denied for ci in namespace \"staging-a\": the matching rules (staging) do not allow hostPath",
    });
  });

  it('accepts what the platform allows', () => {
    const policy = parsePlatformPolicy([{ namespaces: ['staging-*'], allow: { hostPath: true, nodePort: true, externalIPs: true, privileged: true } }], 'test');
    assert.deepEqual(checkPolicy(spec(), allowedFor(policy, 'ci', 'staging-a'), who), []);
  });

  it("lets the spec's own allowHostPath only narrow: false denies a hostPath manifest the platform allows", () => {
    const policy = parsePlatformPolicy([{ allow: { hostPath: true } }], 'test');
    const app = validateApplication({
      name: 'shop',
      namespace: 'staging-a',
      components: [{ name: 'web', type: 'webservice', image: 'x', port: 80 }],
      workflow: { steps: [{ name: 'raw', type: 'apply', properties: { manifests: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }], volumes: [{ name: 'r', hostPath: { path: '/' } }] } }] } }] },
    });
    assert.deepEqual(checkPolicy(app, allowedFor(policy, 'ci', 'staging-a'), who).map((v) => [v.path, v.rule]), [['$.workflow.steps[0].properties.manifests[0].spec.volumes[0].hostPath', 'policies.allowHostPath']]);
  });

  it('reuses objects the caller rendered already', () => {
    assert.deepEqual(checkPolicy(spec(), allowedFor(DEFAULT_POLICY, 'ci', 'staging-a'), who, new Map()).map((v) => v.rule), ['allow.nodePort', 'allow.externalIPs', 'allow.privileged']);
  });

  it('tells the worker what in objects about to be applied is denied', () => {
    const pod = { ...privilegedPod, metadata: { name: 'p' } };
    assert.deepEqual(deniedInObjects([pod, nodePort], allowedFor(parsePlatformPolicy([{ allow: { nodePort: true } }], 't'), 'ci', 'x')), [
      'Pod p: spec.containers[0].securityContext.privileged: a privileged container has every device and capability of the node (allow.privileged)',
      'Service s: spec.externalIPs: externalIPs make the cluster route traffic for those addresses to this Service (CVE-2020-8554) (allow.externalIPs)',
    ]);
  });
});
