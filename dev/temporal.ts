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
}

export interface DevTemporal {
  env: TestWorkflowEnvironment;
  address: string;
  uiUrl?: string;
  stop(): Promise<void>;
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
    },
  });
  const address = env.connection.options.address;
  return {
    env,
    address,
    ...(opts.uiPort !== undefined ? { uiUrl: `http://${ip}:${opts.uiPort}` } : {}),
    stop: () => env.teardown(),
  };
}
