/**
 * The runApplication workflow on the real Temporal dev server, with its activities against the
 * local Kubernetes cluster.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { WorkflowFailedError } from '@temporalio/client';
import { compile, parseSpecText, validateApplication, type Plan } from '../src/index.js';
import { RUN_WORKFLOW_TYPE, statusQuery, type RunStatus } from '../workflows/contract.js';
import { kubeApis, uniqueName, useRunEnvironment } from './support/servers.js';

describe('runApplication workflow (Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('wf');
  const { scratch } = env;
  const { apps } = kubeApis();

  const planFor = (namespace: string, image = 'nginx:1.27'): Plan =>
    compile(validateApplication({ name: 'wf', namespace, components: [{ name: 'web', type: 'webservice', image, replicas: 2, port: 80 }] }));

  const execute = (plan: Plan) =>
    env.client.workflow.execute(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue: env.worker.taskQueue, workflowId: uniqueName('wf-run') }) as Promise<RunStatus>;

  it('applies the Deployment and succeeds only once it is Available', async () => {
    const ns = scratch.next();
    const result = await execute(planFor(ns));
    assert.equal(result.phase, 'Succeeded');
    assert.deepEqual(result.steps.map((s) => [s.name, s.phase]), [['deploy-web', 'Succeeded']]);
    assert.match(result.steps[0]?.message ?? '', /Deployment .*web: 2 of 2 replicas available/);

    const d = await apps.readNamespacedDeployment({ name: 'web', namespace: ns });
    assert.equal(d.status?.availableReplicas, 2);
    assert.equal(d.status?.conditions?.find((c) => c.type === 'Available')?.status, 'True');
    assert.equal(d.metadata?.managedFields?.some((f) => f.manager === 'kubemin/wf' && f.operation === 'Apply'), true);
  });

  it('records its activities in the Temporal history', async () => {
    const workflowId = uniqueName('wf-run');
    const handle = await env.client.workflow.start(RUN_WORKFLOW_TYPE, { args: [planFor(scratch.next())], taskQueue: env.worker.taskQueue, workflowId });
    await handle.result();
    const history = await handle.fetchHistory();
    const activities = (history.events ?? []).flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
    assert.deepEqual(activities, ['enqueueRun', 'applyManifests', 'waitForRollout', 'pruneResources'], 'its turn (one run per application), then its work');
    const status = await handle.query(statusQuery);
    assert.equal(status.phase, 'Succeeded');
  });

  it('changes nothing on the cluster when the same spec runs again', async () => {
    const ns = scratch.next();
    await execute(planFor(ns));
    const first = await apps.readNamespacedDeployment({ name: 'web', namespace: ns });
    await execute(planFor(ns));
    const second = await apps.readNamespacedDeployment({ name: 'web', namespace: ns });
    assert.equal(second.metadata?.generation, first.metadata?.generation);
    assert.equal(second.metadata?.resourceVersion, first.metadata?.resourceVersion);
  });

  it('changes only the Deployment whose image changed, and only its image', async () => {
    const ns = scratch.next();
    const spec = (apiImage: string) =>
      compile(
        validateApplication({
          name: 'two',
          namespace: ns,
          components: [
            { name: 'web', type: 'webservice', image: 'web:1', port: 80 },
            { name: 'api', type: 'webservice', image: apiImage, port: 80 },
          ],
        }),
      );
    await execute(spec('api:1'));
    const read = (name: string) => apps.readNamespacedDeployment({ name, namespace: ns });
    const [web1, api1] = [await read('web'), await read('api')];
    await execute(spec('api:2'));
    const [web2, api2] = [await read('web'), await read('api')];
    assert.equal(web2.metadata?.resourceVersion, web1.metadata?.resourceVersion, 'web was not written at all');
    assert.equal(api2.metadata?.generation, (api1.metadata?.generation ?? 0) + 1);
    assert.equal(api2.spec?.template.spec?.containers[0]?.image, 'api:2');
    assert.deepEqual({ ...api2.spec, template: undefined }, { ...api1.spec, template: undefined });
    assert.deepEqual({ ...api2.spec?.template.spec, containers: undefined }, { ...api1.spec?.template.spec, containers: undefined });
  });

  it('deletes what the spec no longer renders (a removed component, a removed port), but keeps volume claims', async () => {
    const ns = scratch.next();
    const specOf = (components: Record<string, unknown>[]) => compile(validateApplication({ name: 'gc', namespace: ns, components }));
    const first = await execute(specOf([{ name: 'web', type: 'webservice', image: 'web:1', port: 80 }, { name: 'api', type: 'worker', image: 'api:1' }]));
    assert.deepEqual(first.pruned, []);
    const { core } = kubeApis();
    // a claim of this application, as an earlier revision of api would have left it
    await core.createNamespacedPersistentVolumeClaim({
      namespace: ns,
      body: {
        metadata: { name: 'api-data', labels: { 'kubemin.io/app': 'gc', 'kubemin.io/component': 'api', 'app.kubernetes.io/managed-by': 'kubemin' } },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    });
    const second = await execute(specOf([{ name: 'web', type: 'webservice', image: 'web:1' }]));
    assert.equal(second.phase, 'Succeeded');
    assert.deepEqual(second.pruned?.sort(), [`Deployment ${ns}/api`, `Service ${ns}/web`]);
    await assert.rejects(apps.readNamespacedDeployment({ name: 'api', namespace: ns }), /404|not found/i);
    assert.equal((await apps.readNamespacedDeployment({ name: 'web', namespace: ns })).metadata?.name, 'web');
    assert.equal((await core.readNamespacedPersistentVolumeClaim({ name: 'api-data', namespace: ns })).metadata?.name, 'api-data');
  });

  it('updates a store in place: a new image rolls the StatefulSet out (not create-only)', async () => {
    const ns = scratch.next();
    const specOf = (image: string) => compile(validateApplication({ name: 'kv', namespace: ns, components: [{ name: 'redis', type: 'store', image, replicas: 2, port: 6379 }] }));
    assert.equal((await execute(specOf('redis:7.0'))).phase, 'Succeeded');
    const second = await execute(specOf('redis:7.2'));
    assert.equal(second.phase, 'Succeeded');
    const sts = await apps.readNamespacedStatefulSet({ name: 'redis', namespace: ns });
    assert.equal(sts.spec?.template.spec?.containers[0]?.image, 'redis:7.2');
    assert.equal(sts.metadata?.generation, 2);
    assert.equal(sts.status?.readyReplicas, 2);
    assert.equal(sts.status?.updateRevision, sts.status?.currentRevision);
  });

  it('runs configuration first, then each component after what it depends on', async () => {
    const ns = scratch.next();
    const plan = compile(
      validateApplication({
        name: 'ordered',
        namespace: ns,
        components: [
          { name: 'web', type: 'webservice', image: 'web:1', port: 80, dependsOn: ['api'], traits: { envFrom: [{ type: 'config', sourceName: 'settings' }] } },
          { name: 'api', type: 'worker', image: 'api:1', traits: { envs: [{ name: 'PASSWORD', valueFrom: { secret: { name: 'creds', key: 'password' } } }] } },
          { name: 'settings', type: 'config', properties: { data: { mode: 'test' } } },
          { name: 'creds', type: 'secret', properties: { stringData: { password: 'x' } } },
        ],
      }),
    );
    const result = await execute(plan);
    assert.equal(result.phase, 'Succeeded');
    const at = (name: string) => result.steps.find((s) => s.name === name) as { startedAt: string; finishedAt: string };
    for (const [before, after] of [['deploy-settings', 'deploy-api'], ['deploy-creds', 'deploy-api'], ['deploy-api', 'deploy-web']] as const) {
      assert.ok(at(before).finishedAt <= at(after).startedAt, `${before} finished before ${after} started`);
    }
    const cm = await kubeApis().core.readNamespacedConfigMap({ name: 'settings', namespace: ns });
    assert.deepEqual(cm.data, { mode: 'test' });
  });

  it('runs the seed scenario in order: store, then the migration Job, then web and worker, then the gateway', async () => {
    const text = await readFile(new URL('../examples/seed-scenario.yaml', import.meta.url), 'utf8');
    const ns = scratch.next();
    const plan = compile(validateApplication({ ...(parseSpecText(text) as object), namespace: ns }));
    assert.deepEqual(plan.steps.map((s) => s.name), ['deploy-redis', 'deploy-migrate', 'deploy-web', 'deploy-worker', 'deploy-entry']);
    const workflowId = uniqueName('wf-run');
    const result = (await env.client.workflow.execute(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue: env.worker.taskQueue, workflowId })) as RunStatus;
    assert.equal(result.phase, 'Succeeded', JSON.stringify(result.steps));

    // the order, from Temporal's own history: when each component's apply was scheduled, and
    // when the last wait for its readiness completed
    const events = (await env.client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
    const converter = env.client.options.loadedDataConverter.payloadConverter;
    const ms = (e: (typeof events)[number]) => Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);
    const applied = new Map<string, number>();
    const ready = new Map<string, number>();
    const waits = new Map<string, string>(); // scheduled event id -> component
    for (const e of events) {
      const scheduled = e.activityTaskScheduledEventAttributes;
      const input = scheduled?.input?.payloads?.[0] ? (converter.fromPayload(scheduled.input.payloads[0]) as { component?: string; name?: string; kind?: string }) : undefined;
      if (scheduled?.activityType?.name === 'applyManifests' && input?.component) applied.set(input.component, ms(e));
      if (scheduled?.activityType?.name === 'waitForRollout' && input?.name) waits.set(String(e.eventId), input.kind === 'Job' ? input.name.replace(/-[0-9a-f]{8}$/, '') : input.name);
      const completed = e.activityTaskCompletedEventAttributes;
      const component = completed ? waits.get(String(completed.scheduledEventId)) : undefined;
      if (component) ready.set(component, ms(e));
    }
    const before = (a: string, b: string) => assert.ok((ready.get(a) ?? Infinity) <= (applied.get(b) ?? -1), `${a} was ready before ${b} was applied`);
    before('redis', 'migrate');
    before('migrate', 'web');
    before('migrate', 'worker');
    assert.ok((applied.get('entry') ?? -1) >= Math.max(ready.get('web') ?? Infinity, ready.get('worker') ?? Infinity), 'the gateway came after web and worker were ready');
    const at = (name: string) => result.steps.find((s) => s.name === name) as { startedAt: string; finishedAt: string; message: string };
    assert.ok(at('deploy-redis').finishedAt <= at('deploy-migrate').startedAt);
    assert.ok(at('deploy-migrate').finishedAt <= at('deploy-web').startedAt);
    assert.ok(at('deploy-migrate').finishedAt <= at('deploy-worker').startedAt);
    assert.ok(at('deploy-web').finishedAt <= at('deploy-entry').startedAt && at('deploy-worker').finishedAt <= at('deploy-entry').startedAt);
    assert.match(at('deploy-migrate').message, /Job .*migrate-[0-9a-f]{8}: 1 of 1 completions/);
    assert.match(at('deploy-redis').message, /StatefulSet .*redis: 1 of 1 replicas ready/);
  });

  it('fails a step whose Job fails, with the Job\'s reason, and skips the steps after it', async () => {
    const plan = compile(
      validateApplication({
        name: 'mig',
        namespace: scratch.next(),
        components: [
          { name: 'migrate', type: 'job', image: 'migrate:1', annotations: { 'kubemin.io/kwok-fail': 'relation "users" already exists' } },
          { name: 'web', type: 'webservice', image: 'web:1', dependsOn: ['migrate'] },
        ],
      }),
    );
    const workflowId = uniqueName('wf-run');
    await assert.rejects(env.client.workflow.execute(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue: env.worker.taskQueue, workflowId }), WorkflowFailedError);
    const status = await env.client.workflow.getHandle(workflowId).query(statusQuery);
    assert.deepEqual(status.steps.map((s) => [s.name, s.phase]), [['deploy-migrate', 'Failed'], ['deploy-web', 'Skipped']]);
    assert.equal(status.steps[0]?.reason, 'RolloutDegraded');
    assert.match(status.steps[0]?.message ?? '', /Job .*migrate-[0-9a-f]{8} is degraded: BackoffLimitExceeded: Job has reached the specified backoff limit; migrate exited 1: relation "users" already exists/);
    assert.match(status.steps[1]?.message ?? '', /skipped: step "deploy-migrate" failed/);
    // the Job controller's own event comes with the failure (kwok keeps no container logs)
    assert.ok(status.steps[0]?.events?.some((e) => /^Job\/migrate-[0-9a-f]{8} BackoffLimitExceeded: /.test(e)), JSON.stringify(status.steps[0]?.events));
  });

  it('fails the run with the API server\'s reason when a manifest is invalid, without retrying it', async () => {
    const plan = planFor(scratch.next());
    plan.spec.components[0]!.replicas = -1; // past validation on purpose: the API server must reject it
    const workflowId = uniqueName('wf-run');
    await assert.rejects(
      env.client.workflow.execute(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue: env.worker.taskQueue, workflowId }),
      (e: unknown) => e instanceof WorkflowFailedError && /step "deploy-web" failed/.test(String(e.cause?.message)),
    );
    const status = await env.client.workflow.getHandle(workflowId).query(statusQuery);
    assert.equal(status.phase, 'Failed');
    assert.equal(status.steps[0]?.phase, 'Failed');
    assert.equal(status.steps[0]?.reason, 'KubeInvalid');
    assert.match(status.steps[0]?.message ?? '', /spec.replicas/);
    assert.equal(status.steps[0]?.attempts, 1);
  });
});
