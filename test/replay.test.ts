/**
 * The determinism guard: recorded histories of the example runs (test/histories, written by
 * `npm run histories:record`) are replayed through the current workflow code. A change that
 * would make workflows already in flight fail on replay fails here first.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { createEncryptionCodec, generateCodecKey, parseCodecKeys } from '../workers/codec.js';
import { guardWorkflowPayloads } from '../workers/payload-guard.js';
import { WORKFLOW_INTERCEPTORS_PATH, WORKFLOWS_PATH } from '../workers/worker.js';

const DIR = new URL('./histories/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
Runtime.install({ logger: new DefaultLogger('WARN') });

describe('replaying recorded histories through the current workflow code', () => {
  it('has recorded histories to replay', () => assert.ok(files.length >= 2, `found ${files.join(', ')}`));

  for (const file of files) {
    it(`replays ${file} without a nondeterminism error`, async () => {
      const history = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as unknown;
      await Worker.runReplayHistory({ workflowsPath: WORKFLOWS_PATH, interceptors: { workflowModules: [WORKFLOW_INTERCEPTORS_PATH] } }, history);
    });
  }

  // a worker that has a codec now replays runs recorded in plaintext before it had one as they ran
  // (the refusal is patched: 'refuse-unsealed-payloads' is not in these histories)
  const guard = guardWorkflowPayloads(createEncryptionCodec(parseCodecKeys(generateCodecKey())));
  for (const file of files) {
    it(`replays ${file} on a worker with a codec, its plaintext payloads not refused`, async () => {
      const history = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as unknown;
      await Worker.runReplayHistory({ workflowsPath: WORKFLOWS_PATH, interceptors: { workflowModules: [WORKFLOW_INTERCEPTORS_PATH] }, dataConverter: { payloadCodecs: [guard] } }, history);
    });
  }

  it('is a real check: a history with a step the code would not schedule fails to replay', async () => {
    const history = JSON.parse(readFileSync(new URL('seed-scenario.json', DIR), 'utf8')) as { events: { activityTaskScheduledEventAttributes?: { activityType?: { name?: string } } }[] };
    const scheduled = history.events.find((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'applyManifests');
    assert.ok(scheduled?.activityTaskScheduledEventAttributes?.activityType);
    scheduled.activityTaskScheduledEventAttributes.activityType.name = 'somethingElse';
    await assert.rejects(Worker.runReplayHistory({ workflowsPath: WORKFLOWS_PATH }, history), /[Nn]ondeterminism|DeterminismViolation/);
  });
});
