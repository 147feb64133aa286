/** The run tree's step lines: what a decided approval step shows, once. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StepStatus } from '../../client/index.js';
import { painter } from '../output.js';
import { stepLines } from './tree.js';

const plain = painter(false);
const gate = (patch: Partial<StepStatus>): StepStatus => ({ name: 'gate', type: 'approval', phase: 'Running', attempts: 1, components: [], ...patch });
const decision = (approved: boolean, comment?: string) => ({ approved, by: 'ana', step: 'gate', ...(comment ? { comment } : {}) });

describe('stepLines', () => {
  const cases: [string, StepStatus, string[]][] = [
    ['a waiting approval: its message', gate({ awaitingApproval: true, message: 'waiting for approval' }), ['  ⏸ WaitingForApproval  gate', '      waiting for approval']],
    ['an approved step: the decision once (the message says the same)', gate({ phase: 'Succeeded', decision: decision(true), message: 'approved by ana' }), ['  ✓ Succeeded  gate', '      approved by ana']],
    ['an approved step with a comment: once', gate({ phase: 'Succeeded', decision: decision(true, 'ship it'), message: 'approved by ana: ship it' }), ['  ✓ Succeeded  gate', '      approved by ana: ship it']],
    ['a rejected step: once, with the reason', gate({ phase: 'Failed', decision: decision(false), reason: 'ApprovalRejected', message: 'rejected by ana' }), ['  ✗ Failed  gate', '      ApprovalRejected: rejected by ana']],
    ['a decision the message does not repeat: both', gate({ phase: 'Succeeded', decision: decision(true), message: 'released' }), ['  ✓ Succeeded  gate', '      approved by ana', '      released']],
  ];
  for (const [name, step, lines] of cases) {
    it(name, () => assert.deepEqual(stepLines(step, plain, 0), lines));
  }
});
