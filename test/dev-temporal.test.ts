/**
 * `npm start` keeps history in a SQLite file; a file made by an older KubeMin (before its search
 * attributes existed) must still take new runs: startDevTemporal registers what is missing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { startDevTemporal } from '../dev/temporal.js';
import { toolPaths } from '../dev/tools.js';
import { SEARCH_ATTRIBUTES } from '../workflows/contract.js';

describe('the dev server on an existing history file', () => {
  it('registers KubeMin\'s search attributes on a file made without them', async () => {
    const dbFilename = join(mkdtempSync(join(tmpdir(), 'kubemin-db-')), 'temporal.db');
    const old = await TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'existing-path', path: (await toolPaths()).temporal }, dbFilename, ip: '127.0.0.1' } });
    const before = await old.connection.operatorService.listSearchAttributes({ namespace: 'default' });
    assert.equal(SEARCH_ATTRIBUTES.phase.name in (before.customAttributes ?? {}), false);
    await old.teardown();

    const dev = await startDevTemporal({ dbFilename });
    try {
      const after = await dev.env.connection.operatorService.listSearchAttributes({ namespace: 'default' });
      for (const key of Object.values(SEARCH_ATTRIBUTES)) assert.ok(key.name in (after.customAttributes ?? {}), `${key.name} is registered`);
    } finally {
      await dev.stop();
    }
  });
});
