import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { createRunRedaction, LOG_TAIL_HIDDEN, logTailsFor } from './run-redaction.js';

const status = { phase: 'Failed', steps: [{ name: 'migrate', logs: [{ pod: 'p', container: 'c', tail: 'password=s3cret-value' }] }, { name: 'web' }] };

describe('logTailsFor', () => {
  it('hides log tails from viewers, saying why', () => {
    const seen = logTailsFor('viewer', status);
    assert.equal(seen.steps[0]?.logs?.[0]?.tail, LOG_TAIL_HIDDEN);
    assert.equal(seen.steps[0]?.logs?.[0]?.pod, 'p');
    assert.deepEqual(seen.steps[1], { name: 'web' });
  });
  it('leaves them to operators and admins (the redactor blanks known secrets)', () => {
    assert.equal(logTailsFor('operator', status), status);
    assert.equal(logTailsFor('admin', status), status);
  });
});

/** A client that only reads first history events, counting the reads (the real one is exercised in test/run-redaction.test.ts). */
function historyReader(reads: string[]): Client {
  const plan = (id: string) => ({ spec: { components: [{ name: 's', type: 'secret', properties: { stringData: { k: `secret-of-${id}` } } }] }, steps: [] });
  return {
    options: { namespace: 'default', loadedDataConverter: { payloadCodecs: [], payloadConverter: defaultPayloadConverter } },
    workflowService: {
      getWorkflowExecutionHistory: async ({ execution }: { execution: { workflowId: string } }) => {
        reads.push(execution.workflowId);
        return { history: { events: [{ workflowExecutionStartedEventAttributes: { input: { payloads: [defaultPayloadConverter.toPayload(plan(execution.workflowId))] } } }] } };
      },
    },
  } as unknown as Client;
}

describe('createRunRedaction', () => {
  it("redacts each run's own values, reading its plan once, and keeps a bounded number of runs", async () => {
    const reads: string[] = [];
    const redaction = createRunRedaction(historyReader(reads), 2);
    const a = await redaction.forRun('run-a');
    assert.deepEqual(a({ m: 'saw secret-of-run-a and secret-of-run-b' }), { m: 'saw [redacted] and secret-of-run-b' });
    await redaction.forRun('run-a');
    assert.deepEqual(reads, ['run-a']);
    await redaction.forRun('run-b');
    await redaction.forRun('run-c'); // run-a is the oldest asked about: it goes
    await redaction.forRun('run-a');
    assert.deepEqual(reads, ['run-a', 'run-b', 'run-c', 'run-a']);
  });
});
