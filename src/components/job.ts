/**
 * `job`: a one-off task such as a database migration, as a Job that must complete. Its name is
 * `<component>-<revision>`: deterministic per spec revision, so a retried step adopts the Job it
 * already created instead of starting a second one (unless it Failed: then the apply replaces it,
 * see activities/failed-job.ts), and a new revision runs it again.
 */
import { z } from 'zod';
import { revisionOf } from '../compiler/revision.js';
import { LABEL_VALUE_MAX } from '../model/common.js';
import { metadataFor, podTemplate } from '../render/workloads.js';
import { defineComponentType, type RenderContext } from './component-type.js';

const JobProperties = z.strictObject({
  backoffLimit: z.number().int().min(0).default(0),
  activeDeadlineSeconds: z.number().int().min(1).optional(),
  ttlSecondsAfterFinished: z.number().int().min(0).optional(),
});

const jobSuffix = (revision: string): string => `-${revision.slice(0, 8)}`;

export const jobName = ({ component, revision }: Pick<RenderContext, 'component' | 'revision'>): string => `${component.name}${jobSuffix(revision)}`;

/** Kubernetes labels a Job's pods with the Job's name, so the name must fit a label value. */
const SUFFIX_LENGTH = jobSuffix(revisionOf({})).length;

export const job = defineComponentType({
  name: 'job',
  description: 'A one-off task (e.g. a migration): a Job named per spec revision that must complete.',
  properties: JobProperties,
  workload: 'Job',
  stage: 'workload',
  nameLimit: {
    max: LABEL_VALUE_MAX - SUFFIX_LENGTH,
    hint: `its Job is named <name>-<8 characters of its revision> (${SUFFIX_LENGTH} more characters), and Kubernetes copies the Job name into a label value, which is at most ${LABEL_VALUE_MAX} characters`,
  },
  render: (ctx) => {
    const template = podTemplate(ctx) as { metadata: unknown; spec: Record<string, unknown> };
    return [
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: metadataFor(ctx, jobName(ctx)),
        spec: {
          backoffLimit: ctx.properties.backoffLimit,
          ...(ctx.properties.activeDeadlineSeconds ? { activeDeadlineSeconds: ctx.properties.activeDeadlineSeconds } : {}),
          ...(ctx.properties.ttlSecondsAfterFinished !== undefined ? { ttlSecondsAfterFinished: ctx.properties.ttlSecondsAfterFinished } : {}),
          template: { ...template, spec: { ...template.spec, restartPolicy: 'Never' } },
        },
      },
    ];
  },
  readiness: (ctx) => [{ kind: 'Job', namespace: ctx.app.namespace, name: jobName(ctx) }],
});
