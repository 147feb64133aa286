/**
 * GET /v1/runs/:id/spec: the application spec a run was started with (its plan's `spec`, from the
 * run's input), through the run's redactor like every other answer about it: its secret values
 * read `[redacted]`. The seed's export: `kubemin export RUN` writes it as YAML or JSON, and a spec
 * without secrets compiles to the run's revision again.
 */
import { Hono } from 'hono';
import type { Client } from '@temporalio/client';
import type { Auth } from './auth.js';
import { planOf } from './payloads.js';
import type { RunRedaction } from './run-redaction.js';
import { describeRun } from './runs.js';

export function createRunSpecRoutes(deps: { temporal: Client; auth: Auth; redaction: RunRedaction }) {
  const { temporal, auth } = deps;
  return new Hono().get('/:id/spec', auth.require('viewer'), async (c) => {
    const id = c.req.param('id');
    const description = await describeRun(temporal, id);
    auth.checkRun(c, description);
    const { spec } = await planOf(temporal, id);
    // the plan is read back from history: its own namespace must be the caller's too
    auth.checkNamespace(c, spec.namespace);
    const redact = await deps.redaction.forRun(id);
    return c.json(redact(spec));
  });
}
