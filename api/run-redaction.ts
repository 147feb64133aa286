/**
 * What the API answers about a run goes through its redactor: the secret values of the run's own
 * plan (src/redact.ts) are replaced wherever they turn up (a container's log tail, a webhook's
 * answer, a failure message). The values come from the run's input (its first history event,
 * decoded) and are kept per run, for the newest MAX_RUNS runs asked about. Viewers do not get log
 * tails at all: a log may echo a secret the redactor cannot know (one read from elsewhere).
 */
import type { Client } from '@temporalio/client';
import { createRedactor, redactJson, secretValuesOf } from '../src/redact.js';
import type { Role } from './auth.js';
import { inputOf } from './payloads.js';

const MAX_RUNS = 1000;

export const LOG_TAIL_HIDDEN = 'hidden from viewers: a log tail may echo secrets; a token with the operator role reads it (redacted)';

/** Replaces the run's secret values in any JSON value. */
export type Redact = <T>(value: T) => T;

export interface RunRedaction {
  /** The redactor of run `id` (its plan read once, then cached). */
  forRun(id: string): Promise<Redact>;
}

export function createRunRedaction(temporal: Client, maxRuns = MAX_RUNS): RunRedaction {
  const cache = new Map<string, (text: string) => string>();
  const redactorOf = async (id: string): Promise<(text: string) => string> => {
    const hit = cache.get(id);
    if (hit) {
      // the newest asked about stays longest
      cache.delete(id);
      cache.set(id, hit);
      return hit;
    }
    const redact = createRedactor(secretValuesOf(await inputOf(temporal, id)));
    cache.set(id, redact);
    if (cache.size > maxRuns) cache.delete(cache.keys().next().value as string);
    return redact;
  };
  return {
    forRun: async (id) => {
      // a run whose plan cannot be read (not started by KubeMin) has no known values: not cached
      const redact = await redactorOf(id).catch(() => (text: string) => text);
      return <T>(value: T): T => redactJson(value, redact);
    },
  };
}

interface WithLogs {
  steps?: { logs?: { pod: string; container: string; tail: string }[] }[];
}

/** For a viewer, each log tail replaced by a note saying why; other roles see them as they are. */
export function logTailsFor<T extends WithLogs>(role: Role, status: T): T {
  if (role !== 'viewer' || !status.steps?.some((s) => s.logs?.length)) return status;
  return { ...status, steps: status.steps.map((s) => (s.logs ? { ...s, logs: s.logs.map((l) => ({ ...l, tail: LOG_TAIL_HIDDEN })) } : s)) };
}
