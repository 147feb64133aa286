import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { heartbeat } from '@temporalio/activity';
import { MockActivityEnvironment } from '@temporalio/testing';
import { heartbeating } from './plugins.js';

const EVERY_MS = 50;

describe('heartbeating (plugin activities)', () => {
  it('heartbeats while an activity runs, repeating the details the activity sent last', async () => {
    const env = new MockActivityEnvironment();
    const beats: unknown[] = [];
    env.on('heartbeat', (d: unknown) => beats.push(d));
    const { work } = heartbeating({
      work: async (input: { ms: number }) => {
        heartbeat({ phase: 'evaluating' });
        await new Promise((r) => setTimeout(r, input.ms));
        return 'done';
      },
    }, { everyMs: EVERY_MS }) as { work: (input: { ms: number }) => Promise<unknown> };
    assert.equal(await env.run(work, { ms: EVERY_MS * 5 + 20 }), 'done');
    const repeated = beats.filter((b) => JSON.stringify(b) === '{"phase":"evaluating"}');
    assert.ok(repeated.length >= 4, `heartbeats: ${JSON.stringify(beats)}`);
    const count = beats.length;
    await new Promise((r) => setTimeout(r, EVERY_MS * 4));
    assert.equal(beats.length, count, 'it kept heartbeating after the activity ended');
  });
});
