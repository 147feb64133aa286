import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiException } from '@kubernetes/client-node';
import { isApplyConflict, conflictsOverOwner } from './field-owner.js';
import { isRecreatable } from './recreate.js';

/** An API server answer as client-node raises it: the Status as the body's JSON text. */
const refusal = (code: number, reason: string, causes: { reason: string; field: string; message: string }[]) =>
  new ApiException(code, 'refused', JSON.stringify({ kind: 'Status', status: 'Failure', reason, message: causes.map((c) => `${c.field}: ${c.message}`).join(', '), details: { causes }, code }), {});

const STS_FORBIDDEN = {
  reason: 'FieldValueForbidden',
  field: 'spec',
  message: "Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
};
const TEMPLATE_INVALID = { reason: 'FieldValueInvalid', field: 'spec.template.spec.containers[0].image', message: 'Required value' };
const object = (kind: string) => ({ apiVersion: 'v1', kind, metadata: { name: 'x' } });

describe('isRecreatable', () => {
  const cases: [string, string, ApiException<unknown>, boolean][] = [
    ['a StatefulSet spec change outside the mutable fields', 'StatefulSet', refusal(422, 'Invalid', [STS_FORBIDDEN]), true],
    ['the same, together with an invalid template (re-creating would not get past it)', 'StatefulSet', refusal(422, 'Invalid', [STS_FORBIDDEN, TEMPLATE_INVALID]), false],
    ['a Deployment selector', 'Deployment', refusal(422, 'Invalid', [{ reason: 'FieldValueInvalid', field: 'spec.selector', message: 'Invalid value: {"matchLabels":{"a":"b"}}: field is immutable' }]), true],
    ['a Deployment with only an invalid template', 'Deployment', refusal(422, 'Invalid', [TEMPLATE_INVALID]), false],
    ['a Service cluster IP', 'Service', refusal(422, 'Invalid', [{ reason: 'FieldValueInvalid', field: 'spec.clusterIPs[0]', message: 'Invalid value: ["None"]: may not change once set' }]), true],
    ['a kind without a policy (a PersistentVolumeClaim: its data)', 'PersistentVolumeClaim', refusal(422, 'Invalid', [{ reason: 'FieldValueForbidden', field: 'spec', message: 'Forbidden: spec is immutable after creation' }]), false],
    ['a refusal that names no field', 'StatefulSet', refusal(422, 'Invalid', []), false],
  ];
  for (const [name, kind, e, expected] of cases) it(`${expected ? 're-creates' : 'does not re-create'} for ${name}`, () => assert.equal(isRecreatable(object(kind), e), expected));
});

describe('apply conflicts', () => {
  const conflict = (field: string) => refusal(409, 'Conflict', [{ reason: 'FieldManagerConflict', field, message: 'conflict with "kubemin/shop" using v1' }]);
  const cases: [string, ApiException<unknown>, boolean, boolean][] = [
    ['over the application label: another application owns it', conflict('.metadata.labels.kubemin.io/app'), true, true],
    ['over a field someone else set: forced', conflict('.spec.replicas'), true, false],
    ['a 409 that is no apply conflict (the object changed meanwhile)', new ApiException(409, 'Conflict', JSON.stringify({ reason: 'Conflict', message: 'the object has been modified' }), {}), false, false],
  ];
  for (const [name, e, isConflict, overOwner] of cases) {
    it(`tells a conflict ${name}`, () => assert.deepEqual([isApplyConflict(e), conflictsOverOwner(e)], [isConflict, overOwner]));
  }
});
