/**
 * The step-outcome rule on the real servers: a dependency Skipped because its own `if` did not
 * hold counts as satisfied; a Failed dependency, or one Skipped because of a failure, propagates.
 * The whole matrix (succeeded/failed/always x dependency Succeeded/Failed/Skipped-by-condition/
 * Skipped-by-failure), in serial and in parallel groups, plus the scenarios that lied before.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { WorkflowHandle } from '@temporalio/client';
import { compile, validateApplication } from '../src/index.js';
import { RUN_WORKFLOW_TYPE, statusQuery, type RunStatus, type StepStatus } from '../workflows/contract.js';
import { kubeApis, LOCAL_WEBHOOKS, uniqueName, useRunEnvironment } from './support/servers.js';

type Cond = 'succeeded' | 'failed' | 'always';
type DepKind = 'ok' | 'fail' | 'skipcond' | 'skipfail';
type Expected = { phase: StepStatus['phase']; skipped?: 'condition' | 'failure' };

const CONDS: Cond[] = ['succeeded', 'failed', 'always'];
const KINDS: DepKind[] = ['ok', 'fail', 'skipcond', 'skipfail'];

/** The rule, as the README's table states it. */
const EXPECTED: Record<Cond, Record<DepKind, Expected>> = {
  succeeded: { ok: { phase: 'Succeeded' }, fail: { phase: 'Skipped', skipped: 'failure' }, skipcond: { phase: 'Succeeded' }, skipfail: { phase: 'Skipped', skipped: 'failure' } },
  failed: { ok: { phase: 'Skipped', skipped: 'condition' }, fail: { phase: 'Succeeded' }, skipcond: { phase: 'Skipped', skipped: 'condition' }, skipfail: { phase: 'Succeeded' } },
  always: { ok: { phase: 'Succeeded' }, fail: { phase: 'Succeeded' }, skipcond: { phase: 'Succeeded' }, skipfail: { phase: 'Succeeded' } },
};

describe('step outcomes: what a skipped or failed dependency means (Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('so', [], { webhookEgress: LOCAL_WEBHOOKS });
  let hooks: Server;
  let base: string;
  before(async () => {
    hooks = createServer((req, res) => {
      req.resume();
      res.statusCode = req.url === '/missing' ? 404 : 200;
      res.end(res.statusCode === 200 ? 'ok' : 'no such hook');
    });
    await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}`;
  });
  after(() => hooks?.close());

  const hook = (name: string, ok: boolean, extra: Record<string, unknown> = {}) => ({ name, type: 'webhook', properties: { url: `${base}/${ok ? 'ok' : 'missing'}` }, ...extra });

  /** The steps that leave `a` in the given outcome (`a0` first where one is needed). */
  const producer = (p: string, kind: DepKind): Record<string, unknown>[] => {
    if (kind === 'ok') return [hook(`${p}-a`, true)];
    if (kind === 'fail') return [hook(`${p}-a`, false)];
    if (kind === 'skipcond') return [hook(`${p}-a0`, true), hook(`${p}-a`, true, { if: 'failed' })];
    return [hook(`${p}-a0`, false), hook(`${p}-a`, true)];
  };

  const run = async (workflow: Record<string, unknown>, components: Record<string, unknown>[] = [{ name: 'cfg', type: 'config', properties: { data: { k: 'v' } } }]): Promise<{ handle: WorkflowHandle; status: RunStatus; namespace: string }> => {
    const namespace = env.scratch.next();
    const plan = compile(validateApplication({ name: 'outcomes', namespace, components, workflow }));
    const handle = await env.client.workflow.start(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue: env.worker.taskQueue, workflowId: uniqueName('so-run') });
    await handle.result().catch(() => undefined);
    return { handle, status: await handle.query(statusQuery), namespace };
  };

  const check = (status: RunStatus, name: (c: Cond, k: DepKind) => string) => {
    const seen = [];
    const want = [];
    for (const c of CONDS) {
      for (const k of KINDS) {
        const s = status.steps.find((x) => x.name === name(c, k)) as StepStatus;
        seen.push(`${c} after ${k}: ${s.phase}${s.skipped ? ` (${s.skipped})` : ''}`);
        const e = EXPECTED[c][k];
        want.push(`${c} after ${k}: ${e.phase}${e.skipped ? ` (${e.skipped})` : ''}`);
      }
    }
    assert.deepEqual(seen, want);
  };

  const short = { succeeded: 's', failed: 'f', always: 'w' } as const;

  it('in serial groups: each case a group [producer..., target]', async () => {
    const p = (c: Cond, k: DepKind) => `s-${k}-${short[c]}`;
    const steps = CONDS.flatMap((c) => KINDS.map((k) => ({ name: `g-${p(c, k)}`, mode: 'serial', dependsOn: [], steps: [...producer(p(c, k), k), hook(`${p(c, k)}-t`, true, { if: c })] })));
    const { status } = await run({ steps });
    check(status, (c, k) => `${p(c, k)}-t`);
  });

  it('in parallel groups: each target in a parallel group that depends on the producer', async () => {
    const p = (c: Cond, k: DepKind) => `p-${k}-${short[c]}`;
    const steps = CONDS.flatMap((c) =>
      KINDS.flatMap((k) => {
        const made = producer(p(c, k), k).map((s, i, all) => ({ ...s, dependsOn: i === 0 ? [] : [(all[i - 1] as { name: string }).name] }));
        return [...made, { name: `g-${p(c, k)}`, mode: 'parallel', if: c, dependsOn: [`${p(c, k)}-a`], steps: [hook(`${p(c, k)}-t`, true)] }];
      }),
    );
    const { status } = await run({ steps });
    check(status, (c, k) => `${p(c, k)}-t`);
  });

  it('a skipped alert step does not stop the deploy after it: the run Succeeds with every component deployed', async () => {
    const { apps } = kubeApis();
    const { status, namespace } = await run(
      { steps: [{ name: 'deploy-db', type: 'deploy', components: ['db'] }, hook('alert', true, { if: 'failed' }), { name: 'deploy-web', type: 'deploy', components: ['web'] }] },
      [
        { name: 'db', type: 'webservice', image: 'db:1', port: 5432 },
        { name: 'web', type: 'webservice', image: 'web:1', port: 80 },
      ],
    );
    assert.deepEqual(status.steps.map((s) => [s.name, s.phase]), [['deploy-db', 'Succeeded'], ['alert', 'Skipped'], ['deploy-web', 'Succeeded']]);
    assert.equal(status.phase, 'Succeeded');
    assert.equal((await apps.readNamespacedDeployment({ name: 'web', namespace })).status?.readyReplicas, 1);
  });

  it('a serial cleanup group with if: failed runs none of its steps on a successful run', async () => {
    const { core } = kubeApis();
    const { status, namespace } = await run({
      steps: [
        { name: 'deploy', type: 'deploy', components: ['cfg'] },
        { name: 'cleanup', mode: 'serial', if: 'failed', steps: [hook('notify', true), { name: 'remove', type: 'delete', components: ['cfg'] }] },
      ],
    });
    assert.equal(status.phase, 'Succeeded');
    assert.deepEqual(status.steps.map((s) => [s.name, s.phase, s.skipped]), [['deploy', 'Succeeded', undefined], ['notify', 'Skipped', 'condition'], ['remove', 'Skipped', 'condition']]);
    assert.ok(await core.readNamespacedConfigMap({ name: 'cfg', namespace }));
  });

  it('a failure propagates through a step that handled it: what follows an alert after a failure is skipped', async () => {
    const { status } = await run({ steps: [hook('db', false), hook('alert', true, { if: 'failed' }), hook('web', true)] });
    assert.equal(status.phase, 'Failed');
    assert.deepEqual(status.steps.map((s) => [s.name, s.phase, s.skipped]), [['db', 'Failed', undefined], ['alert', 'Succeeded', undefined], ['web', 'Skipped', 'failure']]);
  });

  it('a Succeeded run names a component no step deployed because its step was skipped', async () => {
    const { status } = await run(
      { steps: [hook('check', true), { name: 'deploy-extra', type: 'deploy', components: ['cfg'], if: 'failed' }] },
    );
    assert.equal(status.phase, 'Succeeded');
    assert.deepEqual(status.undeployed, ['cfg']);
    assert.match(status.message ?? '', /not deployed: cfg/);
  });
});
