/**
 * callWebhook: the `webhook` step. A 2xx answer succeeds (its status and the start of its body
 * are the result); 4xx fails the step for good (the request is wrong); 5xx, timeouts and
 * network errors are retried by Temporal.
 */
import { ApplicationFailure, Context } from '@temporalio/activity';

export interface CallWebhookInput {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: unknown;
  /** The step that calls it (for the run's history summary). */
  step?: string;
}

const TIMEOUT_MS = 30_000;

export function createCallWebhook() {
  return async function callWebhook(input: CallWebhookInput): Promise<{ status: number; body: string }> {
    const signal = AbortSignal.any([Context.current().cancellationSignal, AbortSignal.timeout(TIMEOUT_MS)]);
    const hasBody = input.body !== undefined && input.method !== 'GET';
    const res = await fetch(input.url, {
      method: input.method,
      headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...input.headers },
      ...(hasBody ? { body: JSON.stringify(input.body) } : {}),
      signal,
    });
    const body = (await res.text()).slice(0, 1024);
    const what = `${input.method} ${new URL(input.url).origin}${new URL(input.url).pathname} answered ${res.status}`;
    if (res.status >= 400 && res.status < 500) throw ApplicationFailure.nonRetryable(`${what}: ${body}`, 'WebhookRejected', { status: res.status });
    if (!res.ok) throw ApplicationFailure.retryable(`${what}: ${body}`, 'WebhookFailed', { status: res.status });
    return { status: res.status, body };
  };
}
