/**
 * diffApplication: what a run of a spec would change (POST /v1/diff). Only interprets: the one
 * activity dry-runs the applies and compares (activities/diff-manifests.ts); nothing changes.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities, DiffManifestsInput } from '../activities/index.js';
import type { DiffResult } from '../src/diff/diff.js';
import { PERMANENT_FAILURE_TYPES } from '../src/failure-types.js';

const { diffManifests } = proxyActivities<Activities>({
  startToCloseTimeout: '45 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '5 seconds', maximumAttempts: 3, nonRetryableErrorTypes: [...PERMANENT_FAILURE_TYPES] },
});

export async function diffApplication(input: DiffManifestsInput): Promise<DiffResult> {
  return diffManifests(input);
}
