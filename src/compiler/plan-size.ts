/**
 * How large a plan may be: it is a run's input, one Temporal payload, and Temporal refuses a
 * payload over its blob size limit (2 MiB by default, the server's `limit.blobSize.error`).
 */
import type { Plan } from './plan.js';

/** Temporal's default limit on one payload (the dev server, 1.32: 2,096,952 bytes start, 2,097,162 are refused). */
export const TEMPORAL_PAYLOAD_LIMIT_BYTES = 2 * 1024 * 1024;

/** Room kept under the limit for what the data converter and the codec add (metadata, IV, tag). */
const ENVELOPE_BYTES = 4 * 1024;

/** The largest plan (JSON bytes) a run can start with. */
export const MAX_PLAN_BYTES = TEMPORAL_PAYLOAD_LIMIT_BYTES - ENVELOPE_BYTES;

/** The plan's size as the run's input carries it: its JSON, in bytes. */
export const planBytes = (plan: Plan): number => Buffer.byteLength(JSON.stringify(plan));
