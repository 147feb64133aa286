/**
 * POST /v1/validate: validates and compiles a spec (JSON or YAML) and answers the plan and every
 * component's rendered manifests. Touches nothing: no Temporal, no Kubernetes (as `vela dry-run`).
 */
import { Hono } from 'hono';
import { compile, renderComponent, validateSpecText } from '../src/index.js';
import type { Auth } from './auth.js';

export function createValidateRoutes(auth: Auth) {
  return new Hono().post('/', auth.require('viewer'), async (c) => {
    const spec = validateSpecText(await c.req.text());
    const plan = compile(spec);
    const manifests = Object.fromEntries(spec.components.map((comp) => [comp.name, renderComponent(spec, comp.name).objects]));
    return c.json({ valid: true, application: plan.application, namespace: plan.namespace, revision: plan.revision, plan: { steps: plan.steps }, manifests });
  });
}
