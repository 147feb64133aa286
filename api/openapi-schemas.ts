/**
 * JSON Schemas of the API's success answers, as components/schemas of /openapi.json. Written from
 * the handlers (runs.ts, run-actions.ts, run-history.ts, run-events.ts, validate.ts, registries.ts)
 * and workflows/contract.ts; open objects (no additionalProperties: false): answers may grow.
 */
const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const num = { type: 'number' } as const;
const bool = { type: 'boolean' } as const;
const RUN_PHASE = { type: 'string', enum: ['Queued', 'Running', 'Succeeded', 'Failed', 'Cancelled'] } as const;
const STEP_PHASE = { type: 'string', enum: ['Pending', 'Running', 'Succeeded', 'Failed', 'Skipped', 'Cancelled'] } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', properties, ...(required.length ? { required } : {}) });

export const RESPONSE_SCHEMAS: Record<string, Record<string, unknown>> = {
  RunLinks: obj({ self: str, events: str, history: str, temporalUi: str }, ['self', 'events', 'history', 'temporalUi']),
  ApprovalDecision: obj({ step: str, approved: bool, by: str, comment: str }, ['step', 'approved', 'by']),
  StepStatus: obj({
    name: str, type: str, components: { type: 'array', items: str }, phase: STEP_PHASE, attempts: int,
    startedAt: str, finishedAt: str, message: str, skipped: { type: 'string', enum: ['condition', 'failure'] }, reason: str,
    events: { type: 'array', items: str },
    logs: { type: 'array', items: obj({ pod: str, container: str, tail: str }, ['pod', 'container', 'tail']) },
    waiting: { type: 'array', items: obj({ target: str, state: str, message: str, ready: int, desired: int, waitingForCapacity: bool }) },
    waitingForCapacity: bool, awaitingApproval: bool, decision: ref('ApprovalDecision'),
    dependsOn: { type: 'array', items: str, description: 'the steps this one waits for (from the run\'s plan)' },
    group: { type: 'string', description: 'the workflow group the step belongs to (from the run\'s plan)' },
  }, ['name', 'type', 'components', 'phase', 'attempts']),
  Run: obj({
    id: str, application: str, namespace: str, revision: str, phase: RUN_PHASE, temporalStatus: str,
    startTime: str, closeTime: str, startedAt: str, finishedAt: str, message: str,
    steps: { type: 'array', items: ref('StepStatus') },
    pruned: { type: 'array', items: str }, rolledBackTo: str, rollbackError: str, cleanedUp: { type: 'array', items: str },
    queuedBehind: str, undeployed: { type: 'array', items: str }, links: ref('RunLinks'),
  }, ['id', 'phase', 'temporalStatus', 'startTime', 'links']),
  RunSummary: obj({ id: str, phase: RUN_PHASE, application: str, namespace: str, revision: str, startTime: str, closeTime: str, links: ref('RunLinks') }, ['id', 'phase', 'links']),
  RunList: obj({ runs: { type: 'array', items: ref('RunSummary') }, next: { type: 'string', description: 'the next page: GET it' } }, ['runs']),
  RunEvent: obj({ seq: int, at: str, step: str, phase: { anyOf: [STEP_PHASE, RUN_PHASE] }, message: str, final: bool, temporalStatus: str }, ['phase']),
  RunHistory: obj({
    id: str, phase: RUN_PHASE, temporalStatus: str, startTime: str, closeTime: str, seconds: num, events: int,
    steps: { type: 'array', items: obj({ step: str, attempts: int, seconds: num, failures: { type: 'array', items: str }, activities: { type: 'array', items: obj({ activity: str, activityId: str, attempts: int, outcome: str, scheduledAt: str, failure: str, seconds: num }) } }, ['step', 'attempts', 'activities', 'failures']) },
    updates: { type: 'array', items: obj({ step: str, approved: bool, by: str, at: str }) },
    links: ref('RunLinks'),
  }, ['id', 'phase', 'temporalStatus', 'startTime', 'steps', 'events', 'updates', 'links']),
  StartedRun: obj({ id: str, application: str, namespace: str, revision: str, phase: RUN_PHASE, links: ref('RunLinks') }, ['id', 'application', 'namespace', 'revision', 'phase', 'links']),
  Decision: obj({ id: str, step: ref('StepStatus'), links: ref('RunLinks') }, ['id', 'step', 'links']),
  RunAction: obj({ id: str, phase: str, temporalStatus: str, message: str, links: ref('RunLinks') }, ['id', 'phase', 'message', 'links']),
  RetryStarted: obj({ id: str, retryOf: str, skipped: { type: 'array', items: str }, phase: RUN_PHASE, links: ref('RunLinks') }, ['id', 'retryOf', 'skipped', 'phase', 'links']),
  ValidateResult: obj({
    valid: { type: 'boolean', const: true }, application: str, namespace: str, revision: str,
    plan: obj({ steps: { type: 'array', items: { type: 'object' } } }, ['steps']),
    manifests: { type: 'object', additionalProperties: { type: 'array', items: { type: 'object' } } },
  }, ['valid', 'application', 'namespace', 'revision', 'plan', 'manifests']),
  Registry: obj({ componentTypes: { type: 'array', items: { type: 'object' } }, traits: { type: 'array', items: { type: 'object' } }, stepTypes: { type: 'array', items: { type: 'object' } } }, []),
  Health: obj({ ok: bool }, ['ok']),
  Readiness: obj({ ok: bool, checks: { type: 'object', additionalProperties: obj({ ok: bool, detail: str }, ['ok', 'detail']) } }, ['ok', 'checks']),
};
