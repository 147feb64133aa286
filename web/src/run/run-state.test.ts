import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Run, RunStreamEvent, StepStatus } from '../../../client/index.js';
import { applyEvent, initialRunState, mergeFetched, runReducer } from './run-state.js';

const step = (name: string, extra: Partial<StepStatus> = {}): StepStatus => ({ name, type: 'deploy', components: [name], phase: 'Pending', attempts: 0, ...extra });
const run = (steps: StepStatus[], phase: Run['phase'] = 'Running'): Run => ({ id: 'r', phase, temporalStatus: 'RUNNING', startTime: '2026-01-01T00:00:00Z', links: { self: '', events: '', history: '', temporalUi: '' }, steps });
const ev = (event: string, data: unknown, id?: string): RunStreamEvent => ({ event, data, ...(id ? { id } : {}) });
const phases = (r: Run) => r.steps?.map((s) => `${s.name}:${s.phase}`);

describe('the run page\'s reducer of stream events', () => {
  it('moves a step through its phases with the times the events carry', () => {
    let r = run([step('api'), step('web')]);
    r = applyEvent(r, ev('step', { seq: 1, step: 'api', phase: 'Running', at: '2026-01-01T00:00:01Z' }, '1'));
    assert.deepEqual(phases(r), ['api:Running', 'web:Pending']);
    r = applyEvent(r, ev('step', { seq: 2, step: 'api', phase: 'Succeeded', message: 'ready', at: '2026-01-01T00:00:05Z' }, '2'));
    const api = r.steps?.[0];
    assert.deepEqual([api?.phase, api?.message, api?.startedAt, api?.finishedAt], ['Succeeded', 'ready', '2026-01-01T00:00:01Z', '2026-01-01T00:00:05Z']);
  });

  it('never moves an ended step back (a late event) and ignores unknown steps', () => {
    let r = run([step('api', { phase: 'Failed' })]);
    r = applyEvent(r, ev('step', { step: 'api', phase: 'Running' }));
    r = applyEvent(r, ev('step', { step: 'nope', phase: 'Running' }));
    assert.deepEqual(phases(r), ['api:Failed']);
  });

  it('clears awaiting approval when the approval step ends', () => {
    const r = applyEvent(run([step('release', { phase: 'Running', awaitingApproval: true })]), ev('step', { step: 'release', phase: 'Succeeded' }));
    assert.equal(r.steps?.[0]?.awaitingApproval, false);
  });

  it('takes progress (what a running step waits for, capacity) onto the step', () => {
    const r = applyEvent(run([step('web', { phase: 'Running' })]), ev('progress', [{ step: 'web', waitingForCapacity: true, waiting: [{ target: 'Deployment/web', ready: 1, desired: 3, message: '0/5 nodes are available' }] }]));
    assert.equal(r.steps?.[0]?.waitingForCapacity, true);
    assert.equal(r.steps?.[0]?.message, '0/5 nodes are available');
    assert.equal(r.steps?.[0]?.waiting?.[0]?.desired, 3);
  });

  it('takes the run\'s phase from run events, and an ended run stays ended', () => {
    let r = applyEvent(run([]), ev('run', { phase: 'Succeeded', final: true }));
    assert.equal(r.phase, 'Succeeded');
    r = applyEvent(r, ev('run', { phase: 'Running' }));
    assert.equal(r.phase, 'Succeeded');
  });

  it('merges a fetched run without taking back a phase an event already moved on', () => {
    const shown = run([step('api', { phase: 'Succeeded' }), step('web', { phase: 'Running' })]);
    const stale = run([step('api', { phase: 'Running', attempts: 1 }), step('web', { phase: 'Running', awaitingApproval: true })]);
    const merged = mergeFetched(shown, stale);
    assert.deepEqual(phases(merged), ['api:Succeeded', 'web:Running']);
    assert.equal(merged.steps?.[1]?.awaitingApproval, true);
  });

  it('keeps the run it has when a refresh fails (the API is restarting), and says the error before it has one', () => {
    const had = runReducer(runReducer(initialRunState, { type: 'fetched', run: run([]) }), { type: 'failed', error: 'down' });
    assert.equal(had.error, undefined);
    assert.equal(runReducer(initialRunState, { type: 'failed', error: '404: no run' }).error, '404: no run');
  });
});
