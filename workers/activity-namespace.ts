/**
 * An activity interceptor that keeps every activity in the namespace of the workflow that
 * scheduled it: the workflow id names it (workflows/contract.ts), and an input whose `namespace`
 * or `spec.namespace` says another fails at once, non-retryable, before it touches Kubernetes.
 * With a codec, the payload guard already refuses inputs not sealed for that namespace; this
 * closes the rest: an input sealed for the right namespace that asks for another.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Context } from '@temporalio/activity';
import type { ActivityExecuteInput, ActivityInboundCallsInterceptor, Next } from '@temporalio/worker';
import { namespaceOfWorkflowId } from '../workflows/contract.js';

/** The namespaces an activity input asks for. */
function namespacesOf(args: readonly unknown[]): unknown[] {
  return args.flatMap((a) => {
    if (!a || typeof a !== 'object') return [];
    const o = a as { namespace?: unknown; spec?: { namespace?: unknown } };
    return [...('namespace' in o ? [o.namespace] : []), ...(o.spec && typeof o.spec === 'object' && 'namespace' in o.spec ? [o.spec.namespace] : [])];
  });
}

/** `sealed`: a codec is configured, so an activity of a workflow whose id names no namespace is refused too. */
export function activityNamespaceInterceptor(opts: { sealed: boolean }) {
  return (ctx: Context): { inbound: ActivityInboundCallsInterceptor } => ({
    inbound: {
      async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
        const workflowId = ctx.info.workflowExecution?.workflowId ?? '';
        const named = namespaceOfWorkflowId(workflowId);
        if (!named && opts.sealed) {
          throw ApplicationFailure.nonRetryable(`activity ${ctx.info.activityType} of ${workflowId}: the workflow id names no namespace, and this worker has a payload codec: start runs through the KubeMin API`, 'PayloadNamespaceMismatch');
        }
        const other = named ? namespacesOf(input.args).find((ns) => ns !== named) : undefined;
        if (other !== undefined) {
          throw ApplicationFailure.nonRetryable(`activity ${ctx.info.activityType} of ${workflowId} (namespace "${named}") asks for namespace "${String(other)}": start runs through the KubeMin API`, 'PayloadNamespaceMismatch');
        }
        return next(input);
      },
    },
  });
}
