/** What findHostAccess finds in pods, workload templates and Services, and what it leaves alone. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonPath } from '../model/json-path.js';
import { findHostAccess } from './host-access.js';

const found = (obj: unknown) => findHostAccess(obj).map((f) => [f.access, jsonPath(f.path)]);
const pod = (spec: Record<string, unknown>) => ({ containers: [{ name: 'c', image: 'x' }], ...spec });

describe('findHostAccess', () => {
  const cases: [string, unknown, [string, string][]][] = [
    ['a plain Deployment', { apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: { spec: pod({}) } } }, []],
    ['a privileged Pod', { apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'c', securityContext: { privileged: true } }] } }, [['privileged', '$.spec.containers[0].securityContext.privileged']]],
    ['privileged: false', { apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'c', securityContext: { privileged: false } }] } }, []],
    ['an added SYS_ADMIN (NET_BIND_SERVICE is baseline)', { kind: 'Pod', spec: { containers: [{ name: 'c', securityContext: { capabilities: { add: ['NET_BIND_SERVICE', 'SYS_ADMIN'] } } }] } }, [['privileged', '$.spec.containers[0].securityContext.capabilities.add[1]']]],
    ['host namespaces in a DaemonSet', { apiVersion: 'apps/v1', kind: 'DaemonSet', spec: { template: { spec: pod({ hostNetwork: true, hostPID: true, hostIPC: false }) } } }, [['hostNamespaces', '$.spec.template.spec.hostNetwork'], ['hostNamespaces', '$.spec.template.spec.hostPID']]],
    ['a hostPort in a StatefulSet init container', { kind: 'StatefulSet', spec: { template: { spec: pod({ initContainers: [{ name: 'i', ports: [{ containerPort: 80, hostPort: 8080 }] }] }) } } }, [['hostPorts', '$.spec.template.spec.initContainers[0].ports[0].hostPort']]],
    ['a hostPath in a CronJob', { apiVersion: 'batch/v1', kind: 'CronJob', spec: { jobTemplate: { spec: { template: { spec: pod({ volumes: [{ name: 'root', hostPath: { path: '/' } }] }) } } } } }, [['hostPath', '$.spec.jobTemplate.spec.template.spec.volumes[0].hostPath']]],
    ['a pod template inside a custom resource', { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', spec: { template: { spec: pod({ hostNetwork: true }) } } }, [['hostNamespaces', '$.spec.template.spec.hostNetwork']]],
    ['a NodePort Service with its port', { apiVersion: 'v1', kind: 'Service', spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] } }, [['nodePort', '$.spec.type'], ['nodePort', '$.spec.ports[0].nodePort']]],
    ['a LoadBalancer Service', { apiVersion: 'v1', kind: 'Service', spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } }, [['nodePort', '$.spec.type']]],
    ['a Service with externalIPs', { apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80 }], externalIPs: ['10.0.0.1'] } }, [['externalIPs', '$.spec.externalIPs']]],
    ['a ClusterIP Service', { apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80 }], externalIPs: [] } }, []],
    ['a ConfigMap whose text looks like a pod', { apiVersion: 'v1', kind: 'ConfigMap', data: { containers: '[]', hostNetwork: 'true' } }, []],
  ];
  for (const [what, obj, expected] of cases) {
    it(`finds ${expected.length ? expected.map(([a]) => a).join(', ') : 'nothing'} in ${what}`, () => assert.deepEqual(found(obj), expected));
  }

  it('names the volume of a hostPath, to find the storage entry it came from', () => {
    const [f] = findHostAccess({ kind: 'Pod', spec: pod({ volumes: [{ name: 'logs', hostPath: { path: '/var/log' } }] }) });
    assert.equal(f?.volume, 'logs');
    assert.match(f?.message ?? '', /\/var\/log/);
  });
});
