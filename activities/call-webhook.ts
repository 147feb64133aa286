/**
 * callWebhook: the `webhook` step. The destination is checked by the egress policy
 * (webhook-egress.ts) before anything is sent, and again on each redirect (at most 3, followed
 * by hand). A 2xx answer succeeds (its status and a short, redacted excerpt are the result); 4xx
 * fails the step for good (the request is wrong); 5xx, timeouts and network errors are retried by
 * Temporal. Messages name the URL's origin only: never its userinfo, path or query.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { createRedactor, urlOrigin, urlPathParts, urlSecrets } from '../src/redact.js';
import { blankSecretValues } from './secret-values.js';
import { createEgressPolicy, DEFAULT_SERVICE_CIDRS, EgressDenied, pinnedLookup, resolveChecked, type EgressConfig, type EgressPolicy } from './webhook-egress.js';

export interface CallWebhookInput {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: unknown;
  /** The step that calls it (for the run's history summary). */
  step?: string;
}

const TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 3;
/** The answer's excerpt kept in the result and messages. */
export const EXCERPT_CHARS = 200;
/** Bytes read of an answer: enough for the excerpt, never a whole download. */
const READ_BYTES = 4096;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Outgoing {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** One request to exactly the checked address, reading at most READ_BYTES of the answer. */
async function send(policy: EgressPolicy, url: URL, out: Outgoing, signal: AbortSignal): Promise<Answer> {
  const checked = await resolveChecked(policy, url);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Answer>((resolve, reject) => {
    // no shared agent: a pooled socket must not outlive the check it was made under
    const req = request(url, { method: out.method, headers: out.headers, signal, lookup: pinnedLookup(checked), agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        size += c.length;
        if (size >= READ_BYTES) {
          res.destroy();
          done();
        }
      });
      res.on('end', done);
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(out.body);
  });
}

/** The request a redirect leads to: 303 (and 301/302 after a POST) become a GET without body; the step's headers (credentials of any name) stay with their origin. */
function redirected(from: URL, to: URL, status: number, out: Outgoing): Outgoing {
  const toGet = status === 303 || ((status === 301 || status === 302) && out.method === 'POST');
  const sameOrigin = from.origin === to.origin;
  const headers = Object.fromEntries(
    Object.entries(out.headers).filter(([k]) => !(toGet && k.toLowerCase() === 'content-type') && (sameOrigin || k.toLowerCase() === 'content-type')),
  );
  return toGet ? { method: 'GET', headers } : { ...out, headers };
}

const denied = (e: EgressDenied) => ApplicationFailure.nonRetryable(e.message, 'WebhookDestinationDenied', { origin: e.origin });

function nextUrl(current: URL, answer: Answer): URL {
  const location = answer.headers.location;
  if (!location) throw ApplicationFailure.nonRetryable(`${current.origin} answered ${answer.status} without a Location`, 'WebhookRejected', { status: answer.status });
  let to: URL;
  try {
    to = new URL(location, current);
  } catch {
    throw ApplicationFailure.nonRetryable(`${current.origin} redirected to something that is not a URL`, 'WebhookRejected', { status: answer.status });
  }
  if (to.protocol !== 'http:' && to.protocol !== 'https:') throw ApplicationFailure.nonRetryable(`${current.origin} redirected to a ${to.protocol} URL; only http and https are followed`, 'WebhookDestinationDenied', { origin: current.origin });
  return to;
}

/** Sends the request, following at most MAX_REDIRECTS redirects, each target checked again. */
async function follow(policy: EgressPolicy, start: URL, first: Outgoing, signal: AbortSignal): Promise<{ url: URL; answer: Answer }> {
  let url = start;
  let out = first;
  for (let hops = 0; ; hops++) {
    const answer = await send(policy, url, out, signal);
    if (!REDIRECTS.has(answer.status)) return { url, answer };
    if (hops >= MAX_REDIRECTS) throw ApplicationFailure.nonRetryable(`${urlOrigin(start.href)} redirected more than ${MAX_REDIRECTS} times`, 'WebhookRejected', { status: answer.status });
    const to = nextUrl(url, answer);
    out = redirected(url, to, answer.status, out);
    url = to;
  }
}

export function createCallWebhook(egress: EgressConfig = { allow: [], serviceCidrs: DEFAULT_SERVICE_CIDRS }) {
  const policy = createEgressPolicy(egress);
  return async function callWebhook(input: CallWebhookInput): Promise<{ status: number; body: string }> {
    const signal = AbortSignal.any([Context.current().cancellationSignal, AbortSignal.timeout(TIMEOUT_MS)]);
    const hasBody = input.body !== undefined && input.method !== 'GET';
    const url = new URL(input.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw ApplicationFailure.nonRetryable(`webhook URLs are http or https, not ${url.protocol}`, 'WebhookDestinationDenied');
    const out: Outgoing = {
      method: input.method,
      headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...input.headers },
      ...(hasBody ? { body: JSON.stringify(input.body) } : {}),
    };
    const { answer } = await follow(policy, url, out, signal).catch((e: unknown) => Promise.reject(e instanceof EgressDenied ? denied(e) : e));
    // the answer may echo what was sent (a token in a header or the query): never shown
    const redact = createRedactor([...Object.values(input.headers).flatMap((v) => [v, ...v.split(/\s+/)]), ...urlSecrets(input.url), ...urlPathParts(input.url)]);
    const body = redact(blankSecretValues(answer.body)).slice(0, EXCERPT_CHARS);
    const what = `${input.method} ${urlOrigin(input.url)} answered ${answer.status}`;
    if (answer.status >= 400 && answer.status < 500) throw ApplicationFailure.nonRetryable(`${what}: ${body}`, 'WebhookRejected', { status: answer.status });
    if (answer.status < 200 || answer.status >= 300) throw ApplicationFailure.retryable(`${what}: ${body}`, 'WebhookFailed', { status: answer.status });
    return { status: answer.status, body };
  };
}
