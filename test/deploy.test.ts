/**
 * deploy/: the Prometheus alert rules, the example Prometheus configuration and the Grafana
 * dashboard. Every PromQL expression must parse with Prometheus's own grammar (lezer-promql),
 * and every metric it names must exist: KubeMin's in the registry of workers/metrics.ts, the
 * Temporal SDK's in a scrape of a real worker's SDK exporter, after one real run.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { parser } from '@prometheus-io/lezer-promql';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { parse } from 'yaml';
import { compile, validateApplication } from '../src/index.js';
import { createMetrics, SDK_PROMETHEUS_NAMING } from '../workers/metrics.js';
import { createKubeMinWorker, type KubeMinWorker } from '../workers/worker.js';
import { RUN_WORKFLOW_TYPE, type RunStatus } from '../workflows/contract.js';
import { kubeConfig, namespaces, temporalClient, testLog, uniqueName } from './support/servers.js';

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/**
 * The SDK exporter's naming, as the worker process installs it: durations in seconds with a
 * `_seconds` suffix, counters with `_total` (Prometheus conventions). The temporal_* names in
 * deploy/ hold only with these options.
 */

/** Series Prometheus makes itself for every target. */
const PROMETHEUS_SYNTHETIC = new Set(['up']);

interface Rule {
  alert?: unknown;
  expr?: unknown;
  for?: unknown;
  labels?: { severity?: unknown; kind?: unknown };
  annotations?: { summary?: unknown; description?: unknown; runbook?: unknown };
}
interface RuleFile {
  groups: { name: string; rules: Rule[] }[];
}
interface Target {
  refId?: string;
  expr?: string;
}
interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { uid?: string };
  targets?: Target[];
}
interface Dashboard {
  schemaVersion: number;
  panels: Panel[];
  templating: { list: { name: string; type: string; definition?: string }[] };
}

const rules = parse(read('deploy/prometheus/alerts.yaml')) as RuleFile;
const allRules = rules.groups.flatMap((g) => g.rules.map((r) => ({ group: g.name, ...r })));
const dashboard = JSON.parse(read('deploy/grafana/kubemin-dashboard.json')) as Dashboard;
const dataPanels = dashboard.panels.filter((p) => p.type !== 'row');

/** Grafana's interval variables stand where PromQL wants a duration. */
const withoutGrafanaVariables = (expr: string): string => expr.replace(/\$__(rate_interval|interval|range)\b/g, '5m');

/** Parses with Prometheus's grammar: the syntax errors, and the metric names selected. */
function promql(expr: string): { errors: string[]; metrics: string[] } {
  const errors: string[] = [];
  const metrics: string[] = [];
  const cursor = parser.parse(expr).cursor();
  do {
    if (cursor.type.isError) errors.push(`at ${cursor.from}: "${expr.slice(Math.max(0, cursor.from - 20), cursor.to + 20)}"`);
    if (cursor.type.name === 'VectorSelector') {
      const selector = cursor.node;
      const name = selector.getChild('Identifier');
      assert.ok(name, `a selector without a metric name in ${expr}: ${expr.slice(selector.from, selector.to)}`);
      metrics.push(expr.slice(name.from, name.to));
    }
  } while (cursor.next());
  return { errors, metrics };
}

/** Every PromQL expression in deploy/, with where it is. */
const expressions: { where: string; expr: string }[] = [
  ...allRules.map((r) => ({ where: `alert ${String(r.alert)}`, expr: String(r.expr) })),
  ...dataPanels.flatMap((p) => (p.targets ?? []).map((t) => ({ where: `panel ${p.id} "${p.title}" ${t.refId ?? ''}`, expr: withoutGrafanaVariables(t.expr ?? '') }))),
];
const referenced = () => new Set(expressions.flatMap((e) => promql(e.expr).metrics));

/** The series names a registry exposes: histogram and summary names with their suffixes. */
async function kubeMinNames(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const m of await createMetrics().registry.getMetricsAsJSON()) {
    names.add(m.name);
    const type = String(m.type);
    const suffixes = type === 'histogram' ? ['_bucket', '_sum', '_count'] : type === 'summary' ? ['_sum', '_count'] : [];
    for (const s of suffixes) names.add(m.name + s);
  }
  return names;
}

/** The series names in a Prometheus text exposition (samples and declared families). */
function exposedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const declared = /^# TYPE (\S+) /.exec(line);
    if (declared?.[1]) names.add(declared[1]);
    else if (line && !line.startsWith('#')) names.add(line.split(/[{ ]/)[0] ?? '');
  }
  return names;
}

describe('deploy/prometheus/alerts.yaml', () => {
  it('has a platform group and a job group, each rule labelled with its kind', () => {
    assert.deepEqual(rules.groups.map((g) => g.name), ['kubemin-platform', 'kubemin-jobs']);
    const kindOf: Record<string, string> = { 'kubemin-platform': 'platform', 'kubemin-jobs': 'job' };
    for (const g of rules.groups) {
      assert.ok(g.rules.length >= 3, `${g.name} has rules`);
      for (const r of g.rules) assert.equal(r.labels?.kind, kindOf[g.name], `${String(r.alert)}: kind`);
    }
  });

  it('gives every rule a unique name, an expression, a duration, a severity and what to do', () => {
    const names = allRules.map((r) => r.alert);
    assert.equal(new Set(names).size, names.length, `duplicate alert names in ${names.join(', ')}`);
    for (const r of allRules) {
      const name = String(r.alert);
      assert.match(name, /^KubeMin[A-Z][A-Za-z]+$/);
      assert.equal(typeof r.expr, 'string', `${name}: expr`);
      assert.match(String(r.for), /^(\d+(ms|s|m|h|d|w|y))+$/, `${name}: for`);
      assert.ok(['critical', 'warning', 'info'].includes(String(r.labels?.severity)), `${name}: severity`);
      for (const key of ['summary', 'description', 'runbook'] as const) {
        assert.ok(typeof r.annotations?.[key] === 'string' && r.annotations[key].trim() !== '', `${name}: annotations.${key}`);
      }
      assert.ok(String(r.annotations?.description).length > 80, `${name}: the description says what to do next`);
    }
  });
});

describe('deploy/prometheus/prometheus.yml', () => {
  const config = parse(read('deploy/prometheus/prometheus.yml')) as {
    rule_files: string[];
    scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
  };

  it('loads the alert rules and scrapes the worker, its SDK exporter and the API', () => {
    assert.deepEqual(config.rule_files, ['alerts.yaml']);
    const targets = Object.fromEntries(config.scrape_configs.map((s) => [s.job_name, s.static_configs.flatMap((c) => c.targets)]));
    assert.deepEqual(targets, { 'kubemin-worker': ['kubemin-worker:9464'], 'kubemin-worker-sdk': ['kubemin-worker:9465'], 'kubemin-api': ['kubemin-api:8080'] });
  });
});

describe('deploy/grafana/kubemin-dashboard.json', () => {
  it('has a Platform and a Jobs row, unique panel ids, and a query in every panel', () => {
    assert.ok(dashboard.schemaVersion >= 36);
    assert.deepEqual(dashboard.panels.filter((p) => p.type === 'row').map((p) => p.title), ['Platform', 'Jobs']);
    const ids = dashboard.panels.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length, `duplicate panel ids in ${ids.join(', ')}`);
    for (const p of dataPanels) {
      assert.ok((p.targets ?? []).length > 0, `panel ${p.id} "${p.title}" has a target`);
      for (const t of p.targets ?? []) assert.ok(t.expr?.trim(), `panel ${p.id} "${p.title}" ${t.refId ?? ''}: expr`);
    }
  });

  it('queries the data source chosen in its variable, and lists applications from the runs metric', () => {
    const vars = Object.fromEntries(dashboard.templating.list.map((v) => [v.name, v]));
    assert.equal(vars.datasource?.type, 'datasource');
    for (const p of dataPanels) assert.equal(p.datasource?.uid, '${datasource}', `panel ${p.id} "${p.title}"`);
    assert.equal(vars.application?.definition, 'label_values(kubemin_runs_finished_total, application)');
  });
});

describe('PromQL in deploy/', () => {
  it('parses every expression with Prometheus\'s grammar', () => {
    assert.ok(expressions.length > 20);
    for (const { where, expr } of expressions) assert.deepEqual(promql(expr).errors, [], `${where}: ${expr}`);
  });

  it('notices a broken expression (the check itself works)', () => {
    assert.notDeepEqual(promql('sum(rate(kubemin_runs_finished_total[5m]) by (application').errors, []);
    assert.deepEqual(promql('histogram_quantile(0.9, sum by (le) (rate(a_bucket[5m]))) > 1 or absent(b)').metrics, ['a_bucket', 'b']);
  });

  it('names only metrics KubeMin exposes (workers/metrics.ts), besides the SDK\'s and Prometheus\'s own', async () => {
    const known = await kubeMinNames();
    const unknown = [...referenced()].filter((n) => !n.startsWith('temporal_') && !PROMETHEUS_SYNTHETIC.has(n) && !known.has(n));
    assert.deepEqual(unknown, []);
    const variable = /label_values\((\w+),/.exec(dashboard.templating.list.find((v) => v.name === 'application')?.definition ?? '');
    assert.ok(variable?.[1] && known.has(variable[1]));
  });
});

describe('Temporal SDK metric names in deploy/ (a real worker\'s SDK exporter, after one run)', () => {
  const scratch = namespaces('deploy');
  let sdkMetricsUrl = '';
  let kmWorker: KubeMinWorker | undefined;
  let running: Promise<void> | undefined;
  let connection: NativeConnection | undefined;

  before(async () => {
    const port = await freePort();
    sdkMetricsUrl = `http://127.0.0.1:${port}/metrics`;
    Runtime.install({
      logger: new DefaultLogger('WARN'),
      telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${port}`, ...SDK_PROMETHEUS_NAMING } } },
    });
    connection = await NativeConnection.connect({ address: process.env.KUBEMIN_TEST_TEMPORAL_ADDRESS ?? '' });
    const taskQueue = uniqueName('deploy-tq');
    kmWorker = await createKubeMinWorker({ connection, namespace: 'default', taskQueue, kubeConfig: kubeConfig(), log: testLog });
    running = kmWorker.run();
    // one run, so that the activity and workflow-task metrics exist (they appear with traffic)
    const t = await temporalClient();
    try {
      const plan = compile(validateApplication({ name: 'm', namespace: scratch.next(), components: [{ name: 'web', type: 'webservice', image: 'web:1', port: 80 }] }));
      const status = (await t.client.workflow.execute(RUN_WORKFLOW_TYPE, { args: [plan], taskQueue, workflowId: uniqueName('deploy-run') })) as RunStatus;
      assert.equal(status.phase, 'Succeeded');
    } finally {
      await t.connection.close();
    }
  });

  after(async () => {
    await scratch.cleanup();
    kmWorker?.worker.shutdown();
    await running;
    await connection?.close();
  });

  it('finds every temporal_* name that the rules and the dashboard use in the scrape', async () => {
    const used = [...referenced()].filter((n) => n.startsWith('temporal_'));
    assert.ok(used.length >= 4, `the SDK metrics used: ${used.join(', ')}`);
    let missing = used;
    for (let i = 0; i < 20 && missing.length > 0; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 250));
      const exposed = exposedNames(await (await fetch(sdkMetricsUrl)).text());
      missing = used.filter((n) => !exposed.has(n));
    }
    assert.deepEqual(missing, [], `not exported by the SDK (${sdkMetricsUrl})`);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
