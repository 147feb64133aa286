/**
 * Golden tests of rendering: the exact objects each component type and each trait produces,
 * written out by hand and reviewed for sense (selectors scoped to the component, claims named
 * after it, references kept as references).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { componentRevision } from '../compiler/revision.js';
import type { Application, Component } from '../model/application.js';
import { validateApplication } from '../model/validate.js';
import { renderComponent } from './render-component.js';

/** Labels of the component `api` of the application `app`, whose revision is its own hash. */
const labelsOf = (app: Application) => ({
  'app.kubernetes.io/managed-by': 'kubemin',
  'kubemin.io/app': 'shop',
  'kubemin.io/component': 'api',
  'kubemin.io/revision': componentRevision(app, app.components.find((c) => c.name === 'api') as Component),
});
const POD_LABELS = { 'app.kubernetes.io/managed-by': 'kubemin', 'kubemin.io/app': 'shop', 'kubemin.io/component': 'api' };

const render = (component: Record<string, unknown>, policies: Record<string, unknown> = {}) => {
  const app = validateApplication({ name: 'shop', namespace: 'prod', policies, components: [{ name: 'api', ...component }] });
  return { ...renderComponent(app, 'api'), labels: labelsOf(app), revision: componentRevision(app, app.components[0] as Component) };
};

const byKind = (objects: { kind: string }[], kind: string) => objects.filter((o) => o.kind === kind) as any[];

describe('rendering with every trait', () => {
  const { objects, readiness, labels } = render(
    {
      type: 'webservice',
      image: 'shop/api:2',
      replicas: 3,
      ports: [{ port: 8080, name: 'http' }, { port: 9090, name: 'metrics' }],
      command: ['/api'],
      args: ['--verbose'],
      env: { MODE: 'prod' },
      traits: {
        storage: [
          { type: 'persistent', mountPath: '/data', size: '20Gi', storageClass: 'fast' },
          { name: 'scratch', type: 'ephemeral', mountPath: '/tmp', sizeLimit: '1Gi' },
          { type: 'config', mountPath: '/etc/shop', sourceName: 'shop-config' },
          { type: 'secret', mountPath: '/etc/tls', sourceName: 'shop-tls' },
        ],
        envFrom: [{ type: 'config', sourceName: 'shop-config' }, { type: 'secret', sourceName: 'shop-creds', prefix: 'DB_' }],
        envs: [
          { name: 'DATABASE_PASSWORD', valueFrom: { secret: { name: 'db-credentials', key: 'password' } } },
          { name: 'API_ENDPOINT', valueFrom: { config: { name: 'app-settings', key: 'api-url' } } },
          { name: 'POD_NAMESPACE', valueFrom: { field: 'metadata.namespace' } },
          { name: 'LOG_LEVEL', value: 'info' },
        ],
        resources: { cpu: '500m', memory: '1Gi', gpu: 2, limits: { cpu: '2' } },
      },
    },
    { imagePullPolicy: 'IfNotPresent', external: { configs: ['shop-config', 'app-settings'], secrets: ['shop-tls', 'shop-creds', 'db-credentials'] } },
  );

  it('renders the claim first, then the Deployment, then the Service', () => {
    assert.deepEqual(objects.map((o) => `${o.kind}/${o.metadata.name}`), ['PersistentVolumeClaim/api-persistent-0', 'Deployment/api', 'Service/api']);
    assert.deepEqual(readiness, [{ kind: 'Deployment', namespace: 'prod', name: 'api' }]);
  });

  it('names the PVC after the component and asks for the size and class given', () => {
    assert.deepEqual(byKind(objects, 'PersistentVolumeClaim')[0], {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'api-persistent-0', namespace: 'prod', labels },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Gi' } }, storageClassName: 'fast' },
    });
  });

  it('builds the pod template from the component and every trait', () => {
    const d = byKind(objects, 'Deployment')[0];
    assert.deepEqual(d.spec.selector, { matchLabels: { 'kubemin.io/app': 'shop', 'kubemin.io/component': 'api' } });
    assert.deepEqual(d.spec.template, {
      metadata: { labels: POD_LABELS },
      spec: {
        containers: [
          {
            name: 'api',
            image: 'shop/api:2',
            imagePullPolicy: 'IfNotPresent',
            command: ['/api'],
            args: ['--verbose'],
            ports: [
              { name: 'http', containerPort: 8080, protocol: 'TCP' },
              { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
            ],
            env: [
              { name: 'MODE', value: 'prod' },
              { name: 'DATABASE_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'password' } } },
              { name: 'API_ENDPOINT', valueFrom: { configMapKeyRef: { name: 'app-settings', key: 'api-url' } } },
              { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
              { name: 'LOG_LEVEL', value: 'info' },
            ],
            envFrom: [{ configMapRef: { name: 'shop-config' } }, { prefix: 'DB_', secretRef: { name: 'shop-creds' } }],
            volumeMounts: [
              { name: 'persistent-0', mountPath: '/data' },
              { name: 'scratch', mountPath: '/tmp' },
              { name: 'config-2', mountPath: '/etc/shop', readOnly: true },
              { name: 'secret-3', mountPath: '/etc/tls', readOnly: true },
            ],
            resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi', 'nvidia.com/gpu': '2' } },
          },
        ],
        volumes: [
          { name: 'persistent-0', persistentVolumeClaim: { claimName: 'api-persistent-0' } },
          { name: 'scratch', emptyDir: { sizeLimit: '1Gi' } },
          { name: 'config-2', configMap: { name: 'shop-config', defaultMode: 0o644 } },
          { name: 'secret-3', secret: { secretName: 'shop-tls', defaultMode: 0o644 } },
        ],
      },
    });
  });

  it('exposes every port through a Service that selects only this component', () => {
    assert.deepEqual(byKind(objects, 'Service')[0].spec, {
      type: 'ClusterIP',
      selector: { 'kubemin.io/app': 'shop', 'kubemin.io/component': 'api' },
      ports: [
        { name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' },
        { name: 'metrics', port: 9090, targetPort: 'metrics', protocol: 'TCP' },
      ],
    });
  });
});

describe('rendering each component type', () => {
  it('worker: a Deployment and no Service, even with a port', () => {
    const { objects } = render({ type: 'worker', image: 'shop/worker:1', port: 8080 });
    assert.deepEqual(objects.map((o) => o.kind), ['Deployment']);
    assert.equal((objects[0] as any).spec.replicas, 1);
  });

  it('config: a ConfigMap with the data given', () => {
    const { objects, readiness, labels } = render({ type: 'config', properties: { data: { 'app.properties': 'a=1' } } });
    assert.deepEqual(objects, [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'api', namespace: 'prod', labels }, data: { 'app.properties': 'a=1' } }]);
    assert.deepEqual(readiness, []);
  });

  it('secret: an Opaque Secret, plain text under stringData', () => {
    const { objects, labels } = render({ type: 'secret', properties: { stringData: { password: 'p' } } });
    assert.deepEqual(objects, [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'api', namespace: 'prod', labels }, type: 'Opaque', stringData: { password: 'p' } }]);
  });

  it('store: a headless Service first, then a StatefulSet whose persistent storage is a claim per replica', () => {
    const { objects, readiness } = render({ type: 'store', image: 'redis:7', replicas: 3, port: 6379, traits: { storage: [{ name: 'data', type: 'persistent', mountPath: '/data', size: '8Gi' }] } });
    assert.deepEqual(objects.map((o) => o.kind), ['Service', 'StatefulSet']);
    const [svc, sts] = objects as any[];
    assert.equal(svc.spec.clusterIP, 'None');
    assert.equal(sts.spec.serviceName, 'api');
    assert.equal(sts.spec.replicas, 3);
    assert.deepEqual(sts.spec.volumeClaimTemplates, [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '8Gi' } } } }]);
    assert.equal(sts.spec.template.spec.volumes, undefined, 'the claim template provides the volume');
    assert.deepEqual(sts.spec.template.spec.containers[0].volumeMounts, [{ name: 'data', mountPath: '/data' }]);
    assert.deepEqual(readiness, [{ kind: 'StatefulSet', namespace: 'prod', name: 'api' }]);
  });

  it('job: a Job named after the component and its revision, pods never restarted in place', () => {
    const { objects, readiness, revision } = render({ type: 'job', image: 'migrate:1', command: ['migrate', 'up'], properties: { backoffLimit: 2 } });
    const name = `api-${revision.slice(0, 8)}`;
    const [job] = objects as any[];
    assert.equal(job.kind, 'Job');
    assert.equal(job.metadata.name, name);
    assert.equal(job.spec.backoffLimit, 2);
    assert.equal(job.spec.template.spec.restartPolicy, 'Never');
    assert.deepEqual(job.spec.template.spec.containers[0].command, ['migrate', 'up']);
    assert.deepEqual(readiness, [{ kind: 'Job', namespace: 'prod', name }]);
  });

  it('host-mounted storage, where the policy allows it: a hostPath volume', () => {
    const { objects } = render({ type: 'worker', image: 'x', traits: { storage: [{ type: 'host-mounted', mountPath: '/logs', hostPath: '/var/log', readOnly: true }] } }, { allowHostPath: true });
    const pod = (objects[0] as any).spec.template.spec;
    assert.deepEqual(pod.volumes, [{ name: 'host-mounted-0', hostPath: { path: '/var/log' } }]);
    assert.deepEqual(pod.containers[0].volumeMounts, [{ name: 'host-mounted-0', mountPath: '/logs', readOnly: true }]);
  });

  it('probes, init containers and sidecars sharing the storage trait\'s volumes', () => {
    const { objects } = render({
      type: 'webservice',
      image: 'shop/api:2',
      port: 8080,
      traits: {
        storage: [{ name: 'logs', type: 'ephemeral', mountPath: '/var/log/api' }],
        init: [{ name: 'wait-db', image: 'busybox:1.36', command: ['sh', '-c', 'until nc -z db 5432; do sleep 1; done'] }],
        sidecar: [{ name: 'shipper', image: 'fluent-bit:3', env: { OUTPUT: 'loki' }, mounts: [{ volume: 'logs', mountPath: '/logs', readOnly: true }] }],
        probes: { readiness: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5 }, liveness: { tcpSocket: { port: 8080 }, failureThreshold: 3 } },
      },
    });
    const pod = (objects[0] as any).spec.template.spec;
    assert.deepEqual(pod.initContainers, [{ name: 'wait-db', image: 'busybox:1.36', command: ['sh', '-c', 'until nc -z db 5432; do sleep 1; done'] }]);
    assert.deepEqual(pod.containers[1], { name: 'shipper', image: 'fluent-bit:3', env: [{ name: 'OUTPUT', value: 'loki' }], volumeMounts: [{ name: 'logs', mountPath: '/logs', readOnly: true }] });
    assert.deepEqual(pod.containers[0].readinessProbe, { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5 });
    assert.deepEqual(pod.containers[0].livenessProbe, { tcpSocket: { port: 8080 }, failureThreshold: 3 });
    assert.deepEqual(pod.containers[0].volumeMounts, [{ name: 'logs', mountPath: '/var/log/api' }]);
    assert.equal((pod.containers[1] as Record<string, unknown>).livenessProbe, undefined, 'probes belong to the main container only');
  });

  it('gateway: one Ingress routing hosts and paths to the components\' Services, with TLS', () => {
    const app = validateApplication({
      name: 'shop',
      namespace: 'prod',
      components: [
        { name: 'web', type: 'webservice', image: 'web', ports: [{ port: 8080, name: 'http' }] },
        { name: 'api', type: 'webservice', image: 'api', port: 9000 },
        {
          name: 'entry',
          type: 'gateway',
          properties: {
            className: 'nginx',
            tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
            routes: [
              { host: 'shop.example.com', path: '/', component: 'web', port: 'http' },
              { host: 'shop.example.com', path: '/api', component: 'api' },
              { path: '/healthz', pathType: 'Exact', component: 'api', port: 9000 },
            ],
          },
        },
      ],
    });
    const { objects, readiness } = renderComponent(app, 'entry');
    assert.deepEqual(readiness, []);
    assert.deepEqual((objects[0] as any).spec, {
      ingressClassName: 'nginx',
      tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
      rules: [
        {
          host: 'shop.example.com',
          http: {
            paths: [
              { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } },
              { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 9000 } } } },
            ],
          },
        },
        { http: { paths: [{ path: '/healthz', pathType: 'Exact', backend: { service: { name: 'api', port: { number: 9000 } } } }] } },
      ],
    });
  });

  it('ingress trait: an Ingress named after the component, to its first port by default', () => {
    const { objects } = render({ type: 'webservice', image: 'x', port: 8080, traits: { ingress: { host: 'api.example.com', tls: { secretName: 'api-tls' } } } });
    assert.deepEqual(objects.map((o) => `${o.kind}/${o.metadata.name}`), ['Ingress/api', 'Deployment/api', 'Service/api']);
    assert.deepEqual((objects[0] as any).spec, {
      tls: [{ hosts: ['api.example.com'], secretName: 'api-tls' }],
      rules: [{ host: 'api.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 8080 } } } }] } }],
    });
  });

  it('rbac: its own ServiceAccount, and a namespaced Role bound to it for the rules given', () => {
    const { objects } = render({ type: 'worker', image: 'x', traits: { rbac: { rules: [{ resources: ['configmaps'], verbs: ['get', 'watch'] }] } } });
    assert.deepEqual(objects.map((o) => `${o.kind}/${o.metadata.name}`), ['ServiceAccount/api', 'Role/api-role', 'RoleBinding/api-binding', 'Deployment/api']);
    const [sa, role, binding, deployment] = objects as any[];
    assert.equal(sa.automountServiceAccountToken, true);
    assert.deepEqual(role.rules, [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'watch'] }]);
    assert.deepEqual(binding.roleRef, { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'api-role' });
    assert.deepEqual(binding.subjects, [{ kind: 'ServiceAccount', name: 'api', namespace: 'prod' }]);
    assert.equal(deployment.spec.template.spec.serviceAccountName, 'api');
  });

  it('serviceAccount without rules: only the ServiceAccount, under the name given', () => {
    const { objects } = render({ type: 'worker', image: 'x', traits: { serviceAccount: { name: 'reader', automountToken: false } } });
    assert.deepEqual(objects.map((o) => `${o.kind}/${o.metadata.name}`), ['ServiceAccount/reader', 'Deployment/api']);
    assert.equal((objects[1] as any).spec.template.spec.serviceAccountName, 'reader');
  });

  it('policies by name and type: image pull, default probes, a job\'s restart policy, later ones winning', () => {
    const app = validateApplication({
      name: 'shop',
      namespace: 'prod',
      policies: {
        imagePullPolicy: 'IfNotPresent',
        overrides: [
          { match: { types: ['webservice'] }, imagePullPolicy: 'Always', probes: { readiness: { httpGet: { path: '/healthz', port: 'http' } } } },
          { match: { components: ['admin'] }, imagePullPolicy: 'Never' },
          { match: { types: ['job'] }, restartPolicy: 'OnFailure' },
        ],
      },
      components: [
        { name: 'web', type: 'webservice', image: 'web', port: 8080 },
        { name: 'admin', type: 'webservice', image: 'admin', port: 8080, traits: { probes: { liveness: { tcpSocket: { port: 8080 } } } } },
        { name: 'migrate', type: 'job', image: 'migrate' },
      ],
    });
    const pod = (name: string) => (renderComponent(app, name).objects.find((o) => o.kind !== 'Service') as any).spec.template.spec;
    assert.equal(pod('web').containers[0].imagePullPolicy, 'Always');
    assert.deepEqual(pod('web').containers[0].readinessProbe, { httpGet: { path: '/healthz', port: 'http' } });
    assert.equal(pod('admin').containers[0].imagePullPolicy, 'Never');
    assert.equal(pod('admin').containers[0].readinessProbe, undefined, 'its own probes trait wins over the policy');
    assert.deepEqual(pod('admin').containers[0].livenessProbe, { tcpSocket: { port: 8080 } });
    assert.equal(pod('migrate').containers[0].imagePullPolicy, 'IfNotPresent');
    assert.equal(pod('migrate').restartPolicy, 'OnFailure');
  });

  it('GPUs under the resource name the policy gives', () => {
    const { objects } = render({ type: 'worker', image: 'x', traits: { resources: { gpu: 1 } } }, { gpuResourceName: 'amd.com/gpu' });
    assert.deepEqual((objects[0] as any).spec.template.spec.containers[0].resources, { limits: { 'amd.com/gpu': '1' } });
  });
});
