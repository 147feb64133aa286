/**
 * Reading what Temporal stores, through the client's data converter: its payload codecs (the
 * encryption codec decrypts) and then its payload converter. Used for a run's plan (its first
 * history event) and for heartbeat details of pending activities.
 */
import type { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { NotFoundError, type Plan } from '../src/index.js';

/** A protobuf timestamp (seconds, nanos) as milliseconds since the epoch. */
export const timestampMs = (t: { seconds?: unknown; nanos?: number | null } | null | undefined): number => Number(t?.seconds ?? 0) * 1000 + Math.floor((t?.nanos ?? 0) / 1e6);

export async function decodePayload<T>(temporal: Client, payload: Payload): Promise<T> {
  const { payloadCodecs, payloadConverter } = temporal.options.loadedDataConverter;
  let decoded = payload;
  for (const codec of [...payloadCodecs].reverse()) [decoded] = (await codec.decode([decoded])) as [Payload];
  return payloadConverter.fromPayload(decoded) as T;
}

/** A run's input (its first argument), from the first page of one event: not the whole history. */
export async function inputOf(temporal: Client, id: string, runId?: string): Promise<unknown> {
  const execution = { workflowId: id, ...(runId ? { runId } : {}) };
  const page = await temporal.workflowService.getWorkflowExecutionHistory({ namespace: temporal.options.namespace, execution, maximumPageSize: 1 });
  const payload = page.history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  return payload ? decodePayload(temporal, payload as Payload) : undefined;
}

/** The plan a run was started with (the first argument in its first history event). */
export async function planOf(temporal: Client, id: string, runId?: string): Promise<Plan> {
  const plan = await inputOf(temporal, id, runId);
  if (plan === undefined) throw new NotFoundError(`the plan of run "${id}"`);
  return plan as Plan;
}
