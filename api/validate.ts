/**
 * POST /v1/validate: validates and compiles a spec (JSON or YAML) and answers the plan and every
 * component's rendered manifests. Touches nothing: no Temporal, no Kubernetes (as `vela dry-run`).
 */
import { Hono } from 'hono';
import { compile, renderAll, validateSpecText, type KubeObject, type PlanStep, type PlatformPolicy } from '../src/index.js';
import { createRedactor, urlSecrets } from '../src/redact.js';
import type { Auth } from './auth.js';
import { readBody } from './body.js';
import { enforcePolicy } from './policy.js';

/** A Secret's values never leave in an answer: its keys stay, its values are replaced. */
function redactSecret(obj: KubeObject): KubeObject {
  if (obj.kind !== 'Secret') return obj;
  const redact = (m: unknown) => (m && typeof m === 'object' ? Object.fromEntries(Object.keys(m).map((k) => [k, '(redacted)'])) : m);
  const { data, stringData, ...rest } = obj as KubeObject & { data?: unknown; stringData?: unknown };
  return { ...rest, ...(data ? { data: redact(data) } : {}), ...(stringData ? { stringData: redact(stringData) } : {}) } as KubeObject;
}

/** A step's properties without secret values: Secrets among apply-step manifests, webhook header values and URL userinfo/query (tokens). */
function redactStep(step: PlanStep): PlanStep {
  const p = step.properties as { manifests?: KubeObject[]; headers?: Record<string, string>; url?: unknown };
  return {
    ...step,
    properties: {
      ...step.properties,
      ...(p.manifests ? { manifests: p.manifests.map(redactSecret) } : {}),
      ...(p.headers ? { headers: Object.fromEntries(Object.keys(p.headers).map((k) => [k, '(redacted)'])) } : {}),
      // a token in a webhook URL's userinfo or query
      ...(typeof p.url === 'string' ? { url: createRedactor(urlSecrets(p.url))(p.url) } : {}),
    },
  };
}

export function createValidateRoutes(auth: Auth, policy: PlatformPolicy) {
  return new Hono().post('/', auth.require('viewer'), async (c) => {
    const text = await readBody(c);
    const spec = validateSpecText(text);
    // rendered once, for the policy check and the answer
    const rendered = renderAll(spec);
    enforcePolicy(policy, { caller: auth.caller(c), spec, text, rendered });
    const plan = compile(spec);
    const manifests = Object.fromEntries(spec.components.map((comp) => [comp.name, (rendered.get(comp.name) ?? []).map(redactSecret)]));
    return c.json({ valid: true, application: plan.application, namespace: plan.namespace, revision: plan.revision, plan: { steps: plan.steps.map(redactStep) }, manifests });
  });
}
