/**
 * The real Temporal dev server (`temporal server start-dev`), started through
 * @temporalio/testing with the CLI binary that scripts/tools.sh provisioned. Used by `npm start`
 * (persistent SQLite file, Web UI) and by the tests (in memory, random port).
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { SEARCH_ATTRIBUTES } from '../workflows/contract.js';
import { ensureTools } from './tools.js';

export interface DevTemporalOptions {
  /** SQLite file to keep history across restarts; in memory when absent. */
  dbFilename?: string;
  port?: number;
  /** Serve the Web UI on this port. */
  uiPort?: number;
  ip?: string;
  /** More `temporal server start-dev` flags (e.g. --ui-codec-endpoint). */
  extraArgs?: string[];
}

export interface DevTemporal {
  env: TestWorkflowEnvironment;
  address: string;
  uiUrl?: string;
  stop(): Promise<void>;
}

/**
 * Registers KubeMin's search attributes on the dev server's namespace. The `--search-attribute`
 * flags are not applied to a SQLite history file made before they existed, so a second
 * `npm start` on an older `.kubemin/temporal.db` would reject every run: add what is missing.
 */
async function ensureSearchAttributes(env: TestWorkflowEnvironment, namespace = 'default'): Promise<void> {
  const op = env.connection.operatorService;
  const existing = await op.listSearchAttributes({ namespace });
  const missing = Object.values(SEARCH_ATTRIBUTES).filter((k) => !(k.name in (existing.customAttributes ?? {})));
  if (missing.length === 0) return;
  const KEYWORD = 2; // temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD
  await op.addSearchAttributes({ namespace, searchAttributes: Object.fromEntries(missing.map((k) => [k.name, KEYWORD])) });
}

export async function startDevTemporal(opts: DevTemporalOptions = {}): Promise<DevTemporal> {
  const tools = await ensureTools('temporal');
  const ip = opts.ip ?? '127.0.0.1';
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: tools.temporal },
      ip,
      ...(opts.port !== undefined ? { port: opts.port } : {}),
      ...(opts.dbFilename ? { dbFilename: opts.dbFilename } : {}),
      ...(opts.uiPort !== undefined ? { ui: true, uiPort: opts.uiPort } : { ui: false }),
      log: { format: 'json', level: 'error' },
      searchAttributes: Object.values(SEARCH_ATTRIBUTES),
      ...(opts.extraArgs ? { extraArgs: opts.extraArgs } : {}),
    },
  });
  await ensureSearchAttributes(env);
  const address = env.connection.options.address;
  return {
    env,
    address,
    ...(opts.uiPort !== undefined ? { uiUrl: `http://${ip}:${opts.uiPort}` } : {}),
    stop: () => env.teardown(),
  };
}
