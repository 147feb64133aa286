/**
 * The web console on a large plan, in headless Chromium (Debian's /usr/bin/chromium through
 * playwright-core): the built console (dist/web, built when missing or stale) is served by a
 * Hono app with nothing but the console, and the page's `GET /v1/runs/<id>` and events stream
 * are answered with page.route by a synthetic run (no Temporal run is started). Measures the
 * time from navigation until every step node is drawn, and the frame time (requestAnimationFrame
 * deltas) while the pane is dragged with the mouse.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { chromium, type Page } from 'playwright-core';
import { mountConsole } from '../api/console.js';
import type { components } from '../client/api-types.js';
import { ensureConsoleBuilt } from '../workers/console-build.js';

type Run = components['schemas']['Run'];
type StepStatus = components['schemas']['StepStatus'];

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1600, height: 900 };

/** `steps` steps, `wide` chains side by side: step r-c waits for (r-1)-c; phases vary so every look is drawn. */
export function syntheticRun(id: string, steps: number, wide: number): Run {
  const phases: StepStatus['phase'][] = ['Succeeded', 'Succeeded', 'Running', 'Pending', 'Failed', 'Skipped'];
  const at = new Date(Date.now() - 60_000).toISOString();
  const list: StepStatus[] = Array.from({ length: steps }, (_, i) => {
    const r = Math.floor(i / wide);
    const c = i % wide;
    return {
      name: `step-${r}-${c}`,
      type: 'apply-component',
      components: [`component-${r}-${c}`],
      phase: phases[i % phases.length] as StepStatus['phase'],
      attempts: 1,
      startedAt: at,
      ...(r > 0 ? { dependsOn: [`step-${r - 1}-${c}`] } : {}),
    };
  });
  const links = { self: `/v1/runs/${id}`, events: `/v1/runs/${id}/events`, history: `/v1/runs/${id}/history`, temporalUi: 'http://127.0.0.1:8233' };
  return { id, links, phase: 'Running', temporalStatus: 'RUNNING', startTime: at, application: 'bench', namespace: 'bench', steps: list };
}

interface Figures {
  drawnMs: number;
  frames: number;
  medianFrameMs: number;
  worstFrameMs: number;
}

async function measure(page: Page, base: string, steps: number, wide: number): Promise<Figures> {
  const id = `bench-web-${steps}`;
  const body = JSON.stringify(syntheticRun(id, steps, wide));
  await page.route(`**/v1/runs/${id}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  // 204: the run has no stream to follow, the console stops following it
  await page.route(`**/v1/runs/${id}/events*`, (route) => route.fulfill({ status: 204 }));
  await page.goto(`${base}/runs/${id}`, { waitUntil: 'commit' });
  // performance.now() counts from this navigation; a node is drawn once React Flow has measured it (no longer hidden)
  const drawn = await page.waitForFunction(
    `(() => {
      const shown = [...document.querySelectorAll('.react-flow__node')].filter((el) => el.querySelector('.step-node') && el.style.visibility !== 'hidden');
      return shown.length >= ${steps} ? performance.now() : false;
    })()`,
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  const drawnMs = (await drawn.jsonValue()) as number;
  await page.waitForTimeout(300); // fitView's animation
  const before = await page.locator('.react-flow__viewport').getAttribute('style');
  // a string, not a function: tsx would add its __name helper to a named inner function, unknown in the page
  await page.evaluate(`(() => {
    window.benchFrames = [];
    window.benchStop = false;
    let last = 0;
    const tick = (t) => {
      window.benchFrames.push(t - last);
      last = t;
      if (!window.benchStop) requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(tick);
    });
  })()`);
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('the graph pane is not on the page');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) {
    await page.mouse.move(x + Math.sin(i / 10) * 400, y + Math.cos(i / 10) * 150 - 150);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  const deltas = (await page.evaluate('window.benchStop = true, window.benchFrames')) as number[];
  const after = await page.locator('.react-flow__viewport').getAttribute('style');
  if (before === after) throw new Error('dragging the pane did not move the graph');
  const sorted = [...deltas].sort((a, b) => a - b);
  return { drawnMs, frames: sorted.length, medianFrameMs: sorted[Math.floor(sorted.length / 2)] ?? NaN, worstFrameMs: sorted.at(-1) ?? NaN };
}

export async function benchWeb(): Promise<void> {
  const { dir } = await ensureConsoleBuilt((line) => process.stderr.write(`[bench] ${line}\n`));
  const app = new Hono();
  mountConsole(app, dir);
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = await mkdtemp(join(tmpdir(), 'kubemin-bench-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport: VIEWPORT });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    // a first load warms the HTTP cache like a returning user's; both sizes are measured after it
    await measure(page, base, 50, 10);
    const f500 = await measure(page, base, 500, 10);
    // 20 wide keeps 1,000 steps within React Flow's smallest zoom (0.1), so all of them are on screen
    const f1000 = await measure(page, base, 1000, 20);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const frame = (f: Figures) => `median ${f.medianFrameMs.toFixed(1)} ms, worst ${f.worstFrameMs.toFixed(1)} ms (${f.frames} frames)`;
    console.log(`\nthe web console in headless Chromium (${VIEWPORT.width}x${VIEWPORT.height}, --disable-gpu): a synthetic run's plan, dependsOn chains`);
    console.table([
      { measure: '500 steps (10 wide): navigation until all step nodes are drawn', value: s(f500.drawnMs), target: '< 2 s' },
      { measure: '500 steps: frame time while dragging the pane', value: frame(f500), target: '' },
      { measure: '1,000 steps (20 wide): navigation until all step nodes are drawn', value: s(f1000.drawnMs), target: '' },
      { measure: '1,000 steps: frame time while dragging the pane', value: frame(f1000), target: '' },
    ]);
  } finally {
    await browser.close();
    server.close();
    await rm(profile, { recursive: true, force: true });
  }
}
