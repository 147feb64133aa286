/**
 * An operator token for `staging-*` cannot reach past its namespaces through host access: the
 * API refuses hostPath storage the spec grants itself, privileged / host-namespace / host-port
 * pods and NodePort / externalIPs Services in `apply` steps, as 403 PolicyDenied naming every
 * field, before anything starts; only the platform's policy can allow them, and the spec's own
 * policy only narrows it. Namespaces KubeMin creates carry Pod Security labels, so the real
 * kube-apiserver's admission refuses a privileged pod created there directly too.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ApiException } from '@kubernetes/client-node';
import { WorkflowFailedError } from '@temporalio/client';
import { stringify } from 'yaml';
import { createApp } from '../api/app.js';
import { NativeConnection } from '@temporalio/worker';
import { compile, validateApplication } from '../src/index.js';
import { DEFAULT_POLICY, parsePlatformPolicy, type PlatformPolicy } from '../src/policy/platform-policy.js';
import { createKubeMinWorker } from '../workers/worker.js';
import { RUN_WORKFLOW_TYPE, statusQuery } from '../workflows/contract.js';
import { kubeApis, kubeConfig, namespaces, quietRuntime, testLog, uniqueName, useRunEnvironment } from './support/servers.js';

const CI = { name: 'ci', token: 'c'.repeat(24), role: 'operator' as const, namespaces: ['staging-*'] };
const OTHER = { name: 'other', token: 'o'.repeat(24), role: 'operator' as const, namespaces: ['staging-*'] };

interface Problem {
  status: number;
  code: string;
  errors: { path: string; rule: string; message: string; line?: number }[];
}

const hostLogs = (namespace: string, allowHostPath: boolean | undefined) => ({
  name: 'shop',
  namespace,
  ...(allowHostPath === undefined ? {} : { policies: { allowHostPath } }),
  components: [{ name: 'logs', type: 'worker', image: 'busybox:1', traits: { storage: [{ type: 'host-mounted', mountPath: '/host', hostPath: '/' }] } }],
});

const container = (extra: Record<string, unknown> = {}) => ({ name: 'c', image: 'busybox:1', ...extra });
const applySpec = (namespace: string, manifests: object[], extraSteps: object[] = []) => ({
  name: 'raw',
  namespace,
  components: [{ name: 'settings', type: 'config', properties: { data: { A: '1' } } }],
  workflow: { steps: [{ name: 'settings', type: 'deploy', components: ['settings'] }, { name: 'raw', type: 'apply', properties: { manifests } }, ...extraSteps] },
});

describe('platform policy for host access (API + Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('policy');
  const staging = namespaces('staging');
  after(() => staging.cleanup());
  const { core, apps } = kubeApis();

  const appWith = (policy?: PlatformPolicy) =>
    createApp({ temporal: env.client, taskQueue: env.worker.taskQueue, uiUrl: 'http://127.0.0.1:8233', log: testLog, tokens: [CI, OTHER], ...(policy ? { policy } : {}) });
  /** POSTs a spec as YAML (its lines are in the answer), or as JSON. */
  const post = (app: ReturnType<typeof appWith>, path: string, body: object, { token = CI.token, json = false } = {}) =>
    app.request(path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': json ? 'application/json' : 'application/yaml' }, body: json ? JSON.stringify(body) : stringify(body) });
  const denied = async (res: Response): Promise<Problem> => {
    const body = (await res.json()) as Problem;
    assert.equal(res.status, 403, JSON.stringify(body));
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.equal(body.code, 'PolicyDenied');
    return body;
  };
  const endOf = async (id: string) => {
    await env.client.workflow.getHandle(id).result().catch((e: unknown) => assert.ok(e instanceof WorkflowFailedError, String(e)));
    return (await env.client.workflow.getHandle(id).describe()).status.name;
  };
  /** Nothing reached the cluster: the namespace was never created, or holds none of the spec's objects. */
  const nothingApplied = async (namespace: string) => {
    const exists = await core.readNamespace({ name: namespace }).then(() => true, (e: unknown) => (e instanceof ApiException && e.code === 404 ? false : Promise.reject(e)));
    if (!exists) return;
    const [pods, deployments, services, configs] = await Promise.all([
      core.listNamespacedPod({ namespace }),
      apps.listNamespacedDeployment({ namespace }),
      core.listNamespacedService({ namespace }),
      core.listNamespacedConfigMap({ namespace, labelSelector: 'app.kubernetes.io/managed-by=kubemin' }),
    ]);
    assert.deepEqual([...pods.items, ...deployments.items, ...services.items, ...configs.items].map((o) => o.metadata?.name), []);
  };

  it('refuses hostPath storage the spec grants itself (allowHostPath: true) with 403 naming the field, its line and the rule, and applies nothing', async () => {
    const namespace = staging.next();
    for (const path of ['/v1/runs', '/v1/validate']) {
      const problem = await denied(await post(appWith(), path, hostLogs(namespace, true)));
      assert.deepEqual(problem.errors.map((e) => [e.path, e.rule, e.line]), [['$.components[0].traits.storage[0].hostPath', 'allow.hostPath', 13]], path);
      assert.match(problem.errors[0]?.message ?? '', /hostPath volume mounts the node's \/; denied for ci in namespace "staging-\w+": no rule of the platform policy matches/);
    }
    await nothingApplied(namespace);
  });

  it('refuses a privileged pod in an apply step, and lists every host-access field of every manifest at once', async () => {
    const namespace = staging.next();
    const manifests = [
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'root' }, spec: { containers: [container({ securityContext: { privileged: true } })] } },
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'node' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { hostNetwork: true, hostPID: true, containers: [container({ ports: [{ containerPort: 80, hostPort: 80 }] })] } } } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'mitm' }, spec: { ports: [{ port: 80 }], externalIPs: ['8.8.8.8'] } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'open' }, spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] } },
    ];
    const problem = await denied(await post(appWith(), '/v1/runs', applySpec(namespace, manifests), { json: true }));
    const at = '$.workflow.steps[1].properties.manifests';
    assert.deepEqual(problem.errors.map((e) => [e.path, e.rule]), [
      [`${at}[0].spec.containers[0].securityContext.privileged`, 'allow.privileged'],
      [`${at}[1].spec.template.spec.hostNetwork`, 'allow.hostNamespaces'],
      [`${at}[1].spec.template.spec.hostPID`, 'allow.hostNamespaces'],
      [`${at}[1].spec.template.spec.containers[0].ports[0].hostPort`, 'allow.hostPorts'],
      [`${at}[2].spec.externalIPs`, 'allow.externalIPs'],
      [`${at}[3].spec.type`, 'allow.nodePort'],
      [`${at}[3].spec.ports[0].nodePort`, 'allow.nodePort'],
    ]);
    await nothingApplied(namespace);
  });

  it('accepts the same hostPath spec where a platform rule allows hostPath for staging-*: the namespace it creates is privileged', async () => {
    const policy = parsePlatformPolicy([{ name: 'staging-host', namespaces: ['staging-*'], allow: { hostPath: true } }], 'test');
    const namespace = staging.next();
    const res = await post(appWith(policy), '/v1/runs', hostLogs(namespace, true));
    assert.equal(res.status, 202, await res.clone().text());
    const { id } = (await res.json()) as { id: string };
    assert.equal(await endOf(id), 'COMPLETED');
    const labels = (await core.readNamespace({ name: namespace })).metadata?.labels ?? {};
    assert.equal(labels['pod-security.kubernetes.io/enforce'], 'privileged');
    const d = await apps.readNamespacedDeployment({ name: 'logs', namespace });
    assert.deepEqual(d.spec?.template.spec?.volumes?.map((v) => v.hostPath?.path), ['/']);
  });

  it("lets the spec's own policy only narrow: allowHostPath false or absent refuses hostPath the platform allows", async () => {
    const app = appWith(parsePlatformPolicy([{ namespaces: ['staging-*'], allow: { hostPath: true } }], 'test'));
    const namespace = staging.next();
    for (const allowHostPath of [false, undefined]) {
      const res = await post(app, '/v1/runs', hostLogs(namespace, allowHostPath));
      assert.equal(res.status, 400, 'the spec itself says no: a spec error');
      assert.deepEqual(((await res.json()) as Problem).errors.map((e) => e.path), ['$.components[0].traits.storage[0].type']);
    }
    const manifest = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [container()], volumes: [{ name: 'root', hostPath: { path: '/' } }] } };
    const problem = await denied(await post(app, '/v1/runs', applySpec(namespace, [manifest])));
    assert.deepEqual(problem.errors.map((e) => [e.path, e.rule]), [['$.workflow.steps[1].properties.manifests[0].spec.volumes[0].hostPath', 'policies.allowHostPath']]);
    await nothingApplied(namespace);
  });

  it('matches rules by token: a rule for ci does not allow another staging token', async () => {
    const app = appWith(parsePlatformPolicy([{ namespaces: ['staging-*'], tokens: ['ci'], allow: { nodePort: true } }], 'test'));
    const namespace = staging.next();
    const spec = applySpec(namespace, [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'open' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } }]);
    const problem = await denied(await post(app, '/v1/validate', spec, { token: OTHER.token }));
    assert.match(problem.errors[0]?.message ?? '', /denied for other in namespace/);
    assert.equal((await post(app, '/v1/validate', spec)).status, 200);
  });

  it('checks a retry against the policy of now: a failed run whose NodePort is no longer allowed is not retried', async () => {
    const namespace = staging.next();
    const allowing = appWith(parsePlatformPolicy([{ namespaces: ['staging-*'], allow: { nodePort: true } }], 'test'));
    // the second apply step fails for good (a cluster-scoped kind), so the run fails after the NodePort Service is applied
    const failing = { name: 'escape', type: 'apply', properties: { manifests: [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: `kubemin-${namespace}` } }] } };
    const spec = applySpec(namespace, [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'open' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } }], [failing]);
    const res = await post(allowing, '/v1/runs', spec);
    assert.equal(res.status, 202, await res.clone().text());
    const { id } = (await res.json()) as { id: string };
    assert.equal(await endOf(id), 'FAILED');
    const retry = (app: ReturnType<typeof appWith>) => app.request(`/v1/runs/${id}/retry`, { method: 'POST', headers: { authorization: `Bearer ${CI.token}` } });
    const problem = await denied(await retry(appWith()));
    assert.deepEqual(problem.errors.map((e) => [e.path, e.rule]), [['$.workflow.steps[1].properties.manifests[0].spec.type', 'allow.nodePort']]);
    const again = await retry(allowing);
    assert.equal(again.status, 202, 'the policy that allowed it still does');
    await endOf(((await again.json()) as { id: string }).id);
  });

  it('labels a namespace a run creates with Pod Security baseline by default, and the kube-apiserver then refuses a privileged pod created there directly', async () => {
    const namespace = staging.next();
    const res = await post(appWith(), '/v1/runs', { name: 'plain', namespace, components: [{ name: 'settings', type: 'config', properties: { data: { A: '1' } } }] });
    assert.equal(res.status, 202, await res.clone().text());
    assert.equal(await endOf(((await res.json()) as { id: string }).id), 'COMPLETED');
    const labels = (await core.readNamespace({ name: namespace })).metadata?.labels ?? {};
    assert.equal(labels['pod-security.kubernetes.io/enforce'], 'baseline');
    assert.equal(labels['pod-security.kubernetes.io/enforce-version'], 'latest');
    await assert.rejects(
      core.createNamespacedPod({ namespace, body: { metadata: { name: 'root' }, spec: { containers: [container({ securityContext: { privileged: true } })] } } }),
      (e: unknown) => e instanceof ApiException && e.code === 403 && /violates PodSecurity "baseline:latest": privileged/.test((JSON.parse(String(e.body)) as { message: string }).message),
    );
  });

  it('labels a created namespace with the level the matching rule names', async () => {
    const namespace = staging.next();
    const app = appWith(parsePlatformPolicy([{ namespaces: ['staging-*'], podSecurity: 'restricted' }], 'test'));
    const res = await post(app, '/v1/runs', { name: 'plain', namespace, components: [{ name: 'settings', type: 'config', properties: { data: { A: '1' } } }] });
    assert.equal(res.status, 202, await res.clone().text());
    assert.equal(await endOf(((await res.json()) as { id: string }).id), 'COMPLETED');
    assert.equal((await core.readNamespace({ name: namespace })).metadata?.labels?.['pod-security.kubernetes.io/enforce'], 'restricted');
  });

  it('refuses in the worker too: a plan written straight to Temporal gets no privileged pod, and no namespace more permissive than its rules', async () => {
    quietRuntime();
    const connection = await NativeConnection.connect({ address: process.env.KUBEMIN_TEST_TEMPORAL_ADDRESS as string });
    const taskQueue = uniqueName('tq-policy');
    const w = await createKubeMinWorker({ connection, namespace: 'default', taskQueue, kubeConfig: kubeConfig(), log: testLog, policy: DEFAULT_POLICY });
    const running = w.run();
    try {
      const namespace = staging.next();
      const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'root' }, spec: { containers: [container({ securityContext: { privileged: true } })] } };
      // a forged plan: the API never checked it, and it asks for a privileged namespace
      const plan = { ...compile(validateApplication(applySpec(namespace, [pod]))), podSecurity: 'privileged' as const };
      const handle = await env.client.workflow.start(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue, workflowId: uniqueName('forged') });
      await handle.result().catch((e: unknown) => assert.ok(e instanceof WorkflowFailedError, String(e)));
      const status = await handle.query(statusQuery);
      const raw = status.steps.find((s) => s.name === 'raw');
      assert.equal(raw?.reason, 'PolicyDenied', JSON.stringify(raw));
      assert.match(raw?.message ?? '', /Pod root: spec\.containers\[0\]\.securityContext\.privileged: .* \(allow\.privileged\)/);
      assert.equal((await core.readNamespace({ name: namespace })).metadata?.labels?.['pod-security.kubernetes.io/enforce'], 'baseline', 'the settings step created it: baseline, not the plan\'s privileged');
      assert.deepEqual((await core.listNamespacedPod({ namespace })).items.map((p) => p.metadata?.name), []);
    } finally {
      w.worker.shutdown();
      await running;
      await connection.close();
    }
  });
});
