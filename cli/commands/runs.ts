/**
 * The run commands: up, runs, status, events, history, approve, reject, cancel, terminate,
 * retry, open. Machine output on stdout only; progress and the live tree on stderr.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ApiProblemError, followRunEvents, type Run, type RunAction, type RunList } from '../../client/index.js';
import type { CliContext } from '../context.js';
import { CliError, duration, EXIT, phaseLabel, table, writeMachine } from '../output.js';
import { getRun, request, runPath } from './http.js';
import { runTree, type ProgressWait } from './tree.js';
import { sayFailure, waitForRun } from './wait.js';

/** 30s, 5m, 1h, 1h30m, or plain seconds. */
export function parseDuration(text: string): number {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(text);
  if (!m || !text) throw new CliError(`"${text}" is not a duration`, EXIT.usage, 'write e.g. 90s, 5m or 1h');
  return ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
}

function age(iso: string | undefined, now = Date.now()): string {
  if (!iso) return '';
  const s = Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172_800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86_400)}d`;
}

const decisionBody = (step: string, comment?: string) => ({ type: 'application/json', text: JSON.stringify({ step, ...(comment ? { comment } : {}) }) });

export function registerRunCommands(program: Command, ctx: CliContext): void {
  program
    .command('up')
    .description('start a run of an application spec (POST /v1/runs); --wait follows it to its end')
    .requiredOption('-f, --file <file>', 'the spec, YAML or JSON')
    .option('--wait', 'follow the run and end with its outcome (0 Succeeded, 1 Failed, 3 Cancelled, 4 timeout)')
    .option('--timeout <duration>', 'with --wait: stop waiting after this long (the run goes on)')
    .option('--idempotency-key <key>', 'the same key and spec answer the same run')
    .action(async (opts: { file: string; wait?: boolean; timeout?: string; idempotencyKey?: string }) => {
      const timeoutMs = opts.timeout ? parseDuration(opts.timeout) : undefined;
      const text = await readFile(opts.file, 'utf8').catch((e: NodeJS.ErrnoException) => {
        throw new CliError(`cannot read ${opts.file}: ${e.code ?? e.message}`, EXIT.usage);
      });
      const type = /\.json$/i.test(opts.file) ? 'application/json' : 'application/yaml';
      const t = await ctx.target();
      const res = await fetch(`${t.server.replace(/\/+$/, '')}/v1/runs`, {
        method: 'POST',
        headers: { 'content-type': type, accept: 'application/json', ...(t.token ? { authorization: `Bearer ${t.token}` } : {}), ...(opts.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {}) },
        body: text,
      });
      const answer = (await res.json().catch(() => ({ detail: `HTTP ${res.status}` }))) as Run & Record<string, unknown>;
      if (!res.ok) {
        throw new ApiProblemError(res.status, answer);
      }
      if (!writeMachine(ctx.stdout, ctx.globals().output, answer, (v) => [(v as Run).id])) ctx.stdout.write(answer.id + '\n');
      if (opts.wait) ctx.exitCode = await waitForRun(ctx, answer.id, timeoutMs);
    });

  program
    .command('runs')
    .description('list runs, newest first')
    .option('-a, --application <name>', 'only this application')
    .option('-n, --namespace <ns>', 'only this namespace')
    .option('--phase <phase>', 'only runs in this phase')
    .option('--limit <n>', 'at most this many', '20')
    .action(async (opts: { application?: string; namespace?: string; phase?: string; limit: string }) => {
      const q = new URLSearchParams({ limit: opts.limit, ...(opts.application ? { application: opts.application } : {}), ...(opts.namespace ? { namespace: opts.namespace } : {}), ...(opts.phase ? { phase: opts.phase } : {}) });
      const list = await request<RunList>(ctx, 'GET', `/v1/runs?${q.toString()}`);
      if (writeMachine(ctx.stdout, ctx.globals().output, list, () => list.runs.map((r) => r.id))) return;
      const paint = ctx.paintOut();
      if (!list.runs.length) return void ctx.say('no runs');
      ctx.stdout.write(table(['ID', 'APPLICATION', 'NAMESPACE', 'PHASE', 'AGE'], list.runs.map((r) => [r.id, r.application ?? '', r.namespace ?? '', phaseLabel(r.phase, paint), age(r.startTime)])));
    });

  program
    .command('status')
    .description('a run and its steps; exits 1 when the run failed')
    .argument('<run>', 'the run id')
    .action(async (id: string) => {
      const run = await getRun(ctx, id);
      if (!writeMachine(ctx.stdout, ctx.globals().output, run, () => [run.id])) ctx.stdout.write(runTree(run, ctx.paintOut()).join('\n') + '\n');
      if (run.phase === 'Failed') {
        if (ctx.globals().output === 'table') sayFailure(ctx, run);
        ctx.exitCode = EXIT.failed;
      }
    });

  program
    .command('events')
    .description('a run\'s events; -f follows until the run ends')
    .argument('<run>', 'the run id')
    .option('-f, --follow', 'follow new events')
    .action(async (id: string, opts: { follow?: boolean }) => {
      const t = await ctx.target();
      await getRun(ctx, id); // 404 / 403 as a problem
      const json = ctx.globals().output === 'json';
      const paint = ctx.paintOut();
      const abort = new AbortController();
      await followRunEvents({
        server: t.server,
        ...(t.token ? { token: t.token } : {}),
        runId: id,
        signal: abort.signal,
        onEvent: (e) => {
          if (json) return void ctx.stdout.write(JSON.stringify({ event: e.event, ...(e.id ? { id: e.id } : {}), data: e.data }) + '\n');
          const d = e.data as { at?: string; step?: string; phase?: string; message?: string };
          if (e.event === 'progress') {
            for (const p of e.data as ProgressWait[]) for (const w of p.waiting ?? []) ctx.stdout.write(`progress  ${p.step}  ${w.target} ${w.ready}/${w.desired} ready${w.waitingForCapacity ? ' · waiting for capacity' : ''}${w.message ? ` · ${w.message}` : ''}\n`);
            return;
          }
          ctx.stdout.write(`${e.id ?? '-'}  ${d.at ?? ''}  ${d.step ?? '(run)'}  ${d.phase ? phaseLabel(d.phase, paint) : e.event}${d.message ? `  ${d.message}` : ''}\n`);
        },
        onReconnect: (attempt, reason) => {
          if (!opts.follow) return abort.abort();
          ctx.say(`reconnecting to the events stream (attempt ${attempt}): ${reason}`);
        },
      }).catch((e: Error) => {
        if (!abort.signal.aborted) throw e;
      });
    });

  program
    .command('history')
    .description('what Temporal recorded of a run: activities, attempts, failures')
    .argument('<run>', 'the run id')
    .action(async (id: string) => {
      const h = await request<Record<string, unknown> & { steps?: { step: string; attempts: number; failures?: unknown[]; activities?: unknown[] }[] }>(ctx, 'GET', runPath(id, '/history'));
      if (ctx.globals().output !== 'table') return void writeMachine(ctx.stdout, ctx.globals().output, h, () => [id]);
      ctx.stdout.write(`${id}  ${phaseLabel(String(h.phase), ctx.paintOut())}  ${String(h.temporalStatus ?? '')}${typeof h.seconds === 'number' ? `  ${duration(h.seconds * 1000)}` : ''}\n`);
      const steps = h.steps ?? [];
      if (steps.length) ctx.stdout.write(table(['STEP', 'ATTEMPTS', 'ACTIVITIES', 'FAILURES'], steps.map((s) => [s.step, String(s.attempts), String(s.activities?.length ?? 0), String(s.failures?.length ?? 0)])));
    });

  for (const [name, approved] of [['approve', true], ['reject', false]] as const) {
    program
      .command(name)
      .description(`${name} a step that waits for approval`)
      .argument('<run>', 'the run id')
      .argument('<step>', 'the approval step')
      .option('-m, --comment <text>', 'why')
      .action(async (id: string, step: string, opts: { comment?: string }) => {
        const answer = await request<{ id: string; step: { name: string; phase: string } }>(ctx, 'POST', runPath(id, `/${name}`), decisionBody(step, opts.comment));
        if (!writeMachine(ctx.stdout, ctx.globals().output, answer, () => [id])) ctx.stdout.write(`${approved ? 'approved' : 'rejected'} ${step} of ${id}\n`);
      });
  }

  // cancel and terminate: the same shape, the API answers a RunAction
  const stops = [
    { name: 'cancel', description: 'cancel a run: it cleans up and ends Cancelled', done: 'cancel requested', reason: false },
    { name: 'terminate', description: 'terminate a run at once (no cleanup runs)', done: 'terminated', reason: true },
  ] as const;
  for (const stop of stops) {
    const command = program.command(stop.name).description(stop.description).argument('<run>', 'the run id');
    if (stop.reason) command.option('--reason <text>', 'why (recorded by Temporal)');
    command
      .action(async (id: string, opts: { reason?: string }) => {
        const body = stop.reason ? { type: 'application/json', text: JSON.stringify(opts.reason ? { reason: opts.reason } : {}) } : undefined;
        const answer = await request<RunAction & { message?: string }>(ctx, 'POST', runPath(id, `/${stop.name}`), body);
        if (!writeMachine(ctx.stdout, ctx.globals().output, answer, () => [id])) ctx.stdout.write(`${id}: ${answer.message ?? stop.done}\n`);
      });
  }

  program
    .command('retry')
    .description('retry a failed run: a new run that skips the steps that succeeded')
    .argument('<run>', 'the run id')
    .action(async (id: string) => {
      const answer = await request<{ id: string; skipped?: string[] }>(ctx, 'POST', runPath(id, '/retry'));
      if (!writeMachine(ctx.stdout, ctx.globals().output, answer, (v) => [(v as { id: string }).id])) ctx.stdout.write(answer.id + '\n');
    });

  program
    .command('open')
    .description('print the run\'s Temporal UI link')
    .argument('<run>', 'the run id')
    .action(async (id: string) => {
      const run = await getRun(ctx, id);
      const link = run.links?.temporalUi;
      if (!link) throw new CliError(`the API gave no Temporal UI link for ${id}`, EXIT.failed);
      if (!writeMachine(ctx.stdout, ctx.globals().output, { id, temporalUi: link }, () => [link])) ctx.stdout.write(link + '\n');
    });
}
