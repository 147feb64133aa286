/**
 * The worker's check on what reaches a workflow when a codec is configured: every payload the
 * workflow reads (its input above all) must have come encrypted, bound to the namespace its
 * workflow id names (workers/codec.ts). One that came in plaintext (written straight to Temporal,
 * past the API's checks) or bound to another namespace is not thrown out here, which would only
 * fail the workflow task again and again: it decodes to a RefusedPayload that carries the reason
 * and the value, and the workflow interceptor (workflows/interceptors.ts) fails the run with that
 * reason. An activity's payloads (its input, its heartbeats) are refused outright, failing the
 * activity before it runs: anyone who reaches Temporal could otherwise schedule KubeMin's
 * activities from a workflow of their own with a plaintext input (or one sealed for another
 * namespace than the scheduling workflow's id names) and have the worker apply it.
 */
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec, type SerializationContext } from '@temporalio/common';
import { namespaceOfWorkflowId, REFUSED_PAYLOAD, type PayloadRefusal, type RefusedPayload } from '../workflows/contract.js';
import { metadataText, sealedNamespace } from './codec.js';

const JSON_ENCODING = 'json/plain';
const THROUGH_API = 'start runs through the KubeMin API (POST /v1/runs), which checks the spec and the token and encrypts the plan for its namespace';

/** Why a payload that reached the workflow `workflowId` as `wire` is refused, if it is. */
function refusal(wire: Payload, workflowId: string): { reason: PayloadRefusal; message: string } | undefined {
  const expected = namespaceOfWorkflowId(workflowId);
  const sealed = sealedNamespace(wire);
  if (sealed === undefined) {
    return { reason: 'PlaintextInput', message: `workflow ${workflowId} got a payload that is not encrypted, though this worker has a payload codec: ${THROUGH_API}` };
  }
  if (sealed === expected) return undefined;
  const where = expected ? `namespace "${expected}"` : 'no namespace';
  return { reason: 'PayloadNamespaceMismatch', message: `workflow ${workflowId} (${where}) got a payload encrypted for ${sealed ? `namespace "${sealed}"` : 'no namespace'}: ${THROUGH_API}` };
}

/** An activity input the worker refuses to decode (the activity fails without running). */
export class PayloadRefusedError extends Error {
  override readonly name = 'PayloadRefusedError';
  constructor(
    readonly reason: PayloadRefusal,
    message: string,
  ) {
    super(`${reason}: ${message}`);
  }
}

/** The decoded payload as a RefusedPayload, keeping its value when it is JSON (for replaying runs recorded before the check). */
function refused(decoded: Payload, why: { reason: PayloadRefusal; message: string }): Payload {
  let value: unknown;
  if (metadataText(decoded, METADATA_ENCODING_KEY) === JSON_ENCODING) {
    try {
      value = JSON.parse(Buffer.from((decoded.data ?? []) as Uint8Array).toString('utf8')) as unknown;
    } catch {
      // not JSON after all: refused without a value
    }
  }
  const body: RefusedPayload = { ...why, ...(value === undefined ? {} : { value }) };
  return { metadata: { [METADATA_ENCODING_KEY]: new TextEncoder().encode(JSON_ENCODING) }, data: new TextEncoder().encode(JSON.stringify({ [REFUSED_PAYLOAD]: body })) };
}

/** Wraps the worker's outermost codec (the one that sees what Temporal stored) with the check. */
export function guardWorkflowPayloads(codec: PayloadCodec): PayloadCodec {
  return {
    encode: (payloads: Payload[], context?: SerializationContext) => codec.encode(payloads, context),
    decode: async (payloads: Payload[], context?: SerializationContext): Promise<Payload[]> => {
      const decoded = await codec.decode(payloads, context);
      // an id naming no namespace is a run from before the binding (or a replay): its activities are
      // kept to no namespace by workers/activity-namespace.ts instead, so replays of them still pass
      if (context?.type === 'activity' && namespaceOfWorkflowId(context.workflowId ?? '')) {
        const why = payloads.map((p) => refusal(p, context.workflowId ?? '')).find(Boolean);
        if (why) throw new PayloadRefusedError(why.reason, `activity ${context.activityId ?? ''} of ${why.message}`);
        return decoded;
      }
      if (context?.type !== 'workflow') return decoded;
      return decoded.map((p, i) => {
        const why = refusal(payloads[i] as Payload, context.workflowId);
        return why ? refused(p, why) : p;
      });
    },
  };
}
