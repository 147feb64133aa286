/**
 * A run's stored history grows with each component's own size, not with components x spec
 * size: every apply is given its component and the components it reads, no others, so the
 * history bytes per component stay flat as the application grows.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import proto from '@temporalio/proto';
import { compile, validateApplication, type Application } from '../src/index.js';
import { RUN_WORKFLOW_TYPE, type RunStatus } from '../workflows/contract.js';
import { uniqueName, useRunEnvironment } from './support/servers.js';

describe('the size of a run\'s history', () => {
  const env = useRunEnvironment('hist');

  async function run(spec: unknown) {
    const plan = compile(validateApplication(spec));
    const id = uniqueName('hist');
    const status = (await env.client.workflow.execute(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue: env.worker.taskQueue, workflowId: id })) as RunStatus;
    assert.equal(status.phase, 'Succeeded', status.message);
    return env.client.workflow.getHandle(id).fetchHistory();
  }

  it('gives each apply its component and the components it reads, and no others', async () => {
    const history = await run({
      name: 'shop',
      namespace: env.scratch.next(),
      components: [
        { name: 'settings', type: 'config', properties: { data: { mode: 'prod' } } },
        { name: 'other', type: 'config', properties: { data: { unrelated: 'yes' } } },
        { name: 'api', type: 'webservice', image: 'api:1', port: 8080, traits: { envFrom: [{ type: 'config', sourceName: 'settings' }] } },
        { name: 'jobs', type: 'worker', image: 'jobs:1' },
        { name: 'entry', type: 'gateway', properties: { routes: [{ component: 'api' }] } },
      ],
    });
    const applies = (history.events ?? [])
      .map((e) => e.activityTaskScheduledEventAttributes)
      .filter((a) => a?.activityType?.name === 'applyManifests')
      .map((a) => defaultPayloadConverter.fromPayload<{ component: string; spec: Application }>(a?.input?.payloads?.[0] as Payload));
    const given = Object.fromEntries(applies.map((i) => [i.component, i.spec.components.map((c) => c.name)]));
    assert.deepEqual(given, { settings: ['settings'], other: ['other'], api: ['settings', 'api'], jobs: ['jobs'], entry: ['api', 'entry'] });
  });

  it('joins the configuration and the workloads with one barrier step that succeeds once every config is applied', async () => {
    const configs = ['a', 'b', 'c'].map((n) => ({ name: `config-${n}`, type: 'config', properties: { data: { n } } }));
    const workers = ['x', 'y'].map((n) => ({ name: `worker-${n}`, type: 'worker', image: `${n}:1` }));
    const plan = compile(validateApplication({ name: 'joined', namespace: env.scratch.next(), components: [...configs, ...workers] }));
    const status = (await env.client.workflow.execute(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue: env.worker.taskQueue, workflowId: uniqueName('hist') })) as RunStatus;
    assert.equal(status.phase, 'Succeeded', status.message);
    const step = (name: string) => status.steps.find((s) => s.name === name);
    assert.deepEqual([step('configuration')?.type, step('configuration')?.phase, step('configuration')?.message], ['barrier', 'Succeeded', '3 step(s) done']);
    const at = (t?: string) => Date.parse(t ?? '');
    for (const c of configs) assert.ok(at(step(`deploy-${c.name}`)?.finishedAt) <= at(step('configuration')?.finishedAt));
    for (const w of workers) assert.ok(at(step(`deploy-${w.name}`)?.startedAt) >= at(step('configuration')?.finishedAt));
  });

  it('stays flat per component as the application grows (10 and 60 configs)', async () => {
    const perComponent = async (n: number) => {
      const components = Array.from({ length: n }, (_, i) => ({ name: `config-${i}`, type: 'config', properties: { data: { key: `a value of config ${i}`.repeat(4) } } }));
      const history = await run({ name: 'many', namespace: env.scratch.next(), components });
      return proto.temporal.api.history.v1.History.encode(history).finish().length / n;
    };
    const [small, large] = [await perComponent(10), await perComponent(60)];
    assert.ok(large < small * 1.25, `history bytes per component: ${small.toFixed(0)} with 10 configs, ${large.toFixed(0)} with 60`);
  });
});
