/**
 * The web console in headless Chromium (Debian's, driven by playwright-core) against the real
 * API on a real port (createApp with the built console and bearer tokens), a real worker, the
 * Temporal dev server and the local cluster: a run's graph, its approval from the panel, the
 * nodes turning Succeeded live, the banner while the API is down, the runs list's filters, the
 * registries page, cancelling a run after confirming, and a workflow group drawn as a group.
 * Screenshots go to .kubemin/screenshots/ (git-ignored).
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createApp } from '../api/app.js';
import { draftFromFlags } from '../cli/init/flags.js';
import { specText } from '../cli/init/write-spec.js';
import type { ApiToken } from '../api/auth.js';
import { failingJobSpec } from '../test/support/failing-spec.js';
import { testLog, useRunEnvironment } from '../test/support/servers.js';
import { ensureConsoleBuilt } from '../workers/console-build.js';

const SHOTS = fileURLToPath(new URL('../.kubemin/screenshots/', import.meta.url));
const TOKEN: ApiToken = { name: 'web-test', token: 'web-test-token-0123456789abcdef', role: 'operator', namespaces: ['*'] };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('the web console in Chromium (HTTP + Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('web');
  let server: ServerType;
  let port = 0;
  let base = '';
  let consoleDir = '';
  let profile = '';
  let browser: BrowserContext;
  let page: Page;

  const listen = async (p: number) => {
    const app = createApp({ temporal: env.client, taskQueue: env.worker.taskQueue, uiUrl: 'http://127.0.0.1:8233', log: testLog, eventsPollMs: 100, tokens: [TOKEN], consoleDir });
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: p });
    await new Promise((r) => server.once('listening', r));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  };
  const stopServer = () =>
    new Promise((r) => {
      server.close(r);
      (server as Server).closeAllConnections();
    });

  before(async () => {
    consoleDir = (await ensureConsoleBuilt((line) => testLog.info(line))).dir;
    await listen(0);
    await mkdir(SHOTS, { recursive: true });
    profile = await mkdtemp(join(tmpdir(), 'kubemin-chromium-'));
    browser = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 800 } });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(30_000);
  });
  after(async () => {
    await browser?.close();
    server?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  async function start(spec: object): Promise<string> {
    const res = await fetch(`${base}/v1/runs`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN.token}` }, body: JSON.stringify(spec) });
    assert.equal(res.status, 202, await res.clone().text());
    return ((await res.json()) as { id: string }).id;
  }

  function startRun(namespace: string): Promise<string> {
    return start({
      name: 'shop',
      namespace,
      components: [
        { name: 'api', type: 'webservice', image: 'registry.local/api:1', replicas: 1, port: 8080 },
        { name: 'web', type: 'webservice', image: 'registry.local/web:1', replicas: 2, port: 8080 },
      ],
      workflow: {
        steps: [
          { name: 'deploy-api', type: 'deploy', components: ['api'] },
          { name: 'release', type: 'approval', properties: { message: 'ship web?' } },
          { name: 'ship', type: 'deploy', components: ['web'] },
        ],
      },
    });
  }

  /** The revision POST /v1/validate gives a spec's text. */
  async function revisionOf(text: string): Promise<string> {
    const res = await fetch(`${base}/v1/validate`, { method: 'POST', headers: { 'content-type': 'application/yaml', authorization: `Bearer ${TOKEN.token}` }, body: text });
    assert.equal(res.status, 200, await res.clone().text());
    return ((await res.json()) as { revision: string }).revision;
  }

  const node = (step: string, phase?: string) => `.react-flow__node[data-id="${step}"] [data-step="${step}"]${phase ? `[data-phase="${phase}"]` : ''}`;

  it('serves the console at its pages and keeps API 404s problem+json on the real port', async () => {
    const pageRes = await fetch(`${base}/runs/x`);
    assert.equal(pageRes.status, 200);
    assert.match(await pageRes.text(), /<div id="root"><\/div>/);
    const apiRes = await fetch(`${base}/v1/nope`, { headers: { authorization: `Bearer ${TOKEN.token}` } });
    assert.equal(apiRes.status, 404);
    assert.equal(apiRes.headers.get('content-type'), 'application/problem+json');
  });

  it('draws the plan as a graph, waits at the approval, is approved from the panel and turns Succeeded live; the banner shows while the API is down', async () => {
    const namespace = env.scratch.next();
    const id = await startRun(namespace);
    // the token once in the URL: kept in localStorage and taken out of the address bar
    await page.goto(`${base}/runs/${encodeURIComponent(id)}?token=${TOKEN.token}`);
    await page.waitForSelector(node('deploy-api'));
    assert.equal(new URL(page.url()).searchParams.get('token'), null);
    assert.equal(await page.evaluate(() => localStorage.getItem('kubemin.token')), TOKEN.token);
    assert.deepEqual((await page.$$eval('.react-flow__node', (ns) => ns.map((n) => n.getAttribute('data-id')))).sort(), ['deploy-api', 'release', 'ship']);
    // a horizontal edge has a zero-height box: attached, not visible
    await page.waitForSelector('.react-flow__edge[data-id="deploy-api->release"] .react-flow__edge-path', { state: 'attached' });
    await page.waitForSelector('.react-flow__edge[data-id="release->ship"] .react-flow__edge-path', { state: 'attached' });
    assert.equal(await page.locator('.react-flow__edge').count(), 2);

    await page.waitForSelector(node('deploy-api', 'Succeeded'), { timeout: 60_000 });
    await page.waitForSelector(node('release', 'awaiting approval'), { timeout: 60_000 });
    assert.equal(await page.getAttribute(`[data-step="ship"]`, 'data-phase'), 'Pending');
    await page.screenshot({ path: join(SHOTS, 'run-awaiting-approval.png') });
    // the page is never reloaded from here on: a marker on window would not survive a reload
    await page.evaluate(() => Object.assign(window, { kubeminMarker: 'same page' }));

    // the API goes away: the banner says so, and clears by itself when the API is back
    const same = port;
    await stopServer();
    await page.waitForSelector('.banner:has-text("disconnected — reconnecting")', { timeout: 20_000 });
    await page.screenshot({ path: join(SHOTS, 'run-disconnected.png') });
    await listen(same);
    await page.waitForSelector('.banner', { state: 'detached', timeout: 20_000 });

    await page.click(`.react-flow__node[data-id="release"]`);
    assert.equal(new URL(page.url()).searchParams.get('step'), 'release');
    const panel = page.locator('aside.panel[aria-label="step release"]');
    await panel.locator('button:has-text("Approve…")').click();
    await panel.locator('textarea').fill('looks good');
    await panel.locator('button:has-text("Yes, approve")').click();

    await page.waitForSelector(node('release', 'Succeeded'), { timeout: 30_000 });
    await page.waitForSelector(node('ship', 'Succeeded'), { timeout: 90_000 });
    await page.waitForSelector('[data-run-phase="Succeeded"]', { timeout: 30_000 });
    assert.equal(await page.evaluate(() => (window as unknown as { kubeminMarker?: string }).kubeminMarker), 'same page');
    await panel.locator('dt:text-is("Decision") + dd:has-text("approved by web-test: looks good")').waitFor();
    assert.equal(await page.getAttribute('a:has-text("Temporal Web UI")', 'href'), `http://127.0.0.1:8233/namespaces/default/workflows/${encodeURIComponent(id)}`);
    await page.screenshot({ path: join(SHOTS, 'run-succeeded.png') });

    // a deep link selects its step
    await page.goto(`${base}/runs/${encodeURIComponent(id)}?step=ship`);
    await page.locator('aside.panel[aria-label="step ship"]').waitFor();
    await page.waitForSelector('.react-flow__node.selected[data-id="ship"]', { state: 'attached' });
    // dark mode follows the system setting
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(17, 19, 24)');
    await page.screenshot({ path: join(SHOTS, 'run-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    // the runs list shows the run; a phase filter is kept in the URL and filters
    await page.goto(`${base}/runs?namespace=${namespace}`);
    await page.waitForSelector(`tr[data-run="${id}"]`);
    assert.equal(await page.inputValue('input[name="namespace"]'), namespace);
    await page.selectOption('select[name="phase"]', 'Failed');
    await page.waitForURL((u) => u.searchParams.get('phase') === 'Failed' && u.searchParams.get('namespace') === namespace);
    await page.waitForSelector(`tr[data-run="${id}"]`, { state: 'detached' });
    await page.waitForSelector('text=No runs match these filters');
    await page.selectOption('select[name="phase"]', 'Succeeded');
    await page.waitForURL((u) => u.searchParams.get('phase') === 'Succeeded');
    await page.waitForSelector(`tr[data-run="${id}"] :text("Succeeded")`);
    await page.screenshot({ path: join(SHOTS, 'runs-filtered.png') });
    // and the filtered list is a link: loaded afresh it shows the same
    await page.reload();
    assert.equal(await page.inputValue('select[name="phase"]'), 'Succeeded');
    await page.waitForSelector(`tr[data-run="${id}"]`);
  });

  it('pages through the runs list with the API\'s next link, the page kept in the URL', async () => {
    const namespace = env.scratch.next();
    const web = (name: string) => ({ name, namespace, components: [{ name: 'web', type: 'webservice', image: 'registry.local/web:1', replicas: 1, port: 8080 }] });
    const older = await start(web('one'));
    const newer = await start(web('two'));
    await page.goto(`${base}/runs?namespace=${namespace}&limit=1`);
    await page.waitForSelector(`tr[data-run="${newer}"]`);
    assert.equal(await page.locator('table.runs tbody tr').count(), 1);
    await page.click('button:has-text("Older »")');
    await page.waitForSelector(`tr[data-run="${older}"]`);
    assert.ok(new URL(page.url()).searchParams.get('page'), page.url());
    assert.equal(await page.locator('table.runs tbody tr').count(), 1);
    await page.click('button:has-text("« Newest")');
    await page.waitForSelector(`tr[data-run="${newer}"]`);
    assert.equal(new URL(page.url()).searchParams.get('page'), null);
  });

  it('builds an application on the canvas: imports a spec (2 nodes, 1 edge), adds and connects a node from the palette, removes it with Backspace, shows a broken image on its node and field, adds and removes a trait, exports YAML of the same revision, diffs, deploys it and opens the run, which succeeds', async () => {
    const namespace = env.scratch.next();
    const yaml = [
      'name: canvas-shop',
      `namespace: ${namespace}`,
      'components:',
      '  - name: settings',
      '    type: config',
      '    properties:',
      '      data: { MODE: prod }',
      '  - name: web',
      '    type: webservice',
      '    image: registry.local/web:1',
      '    replicas: 1',
      '    port: 8080',
      '    dependsOn: [settings]',
      '',
    ].join('\n');
    await page.goto(`${base}/apps/new?token=${TOKEN.token}`);
    await page.waitForSelector('.palette button[data-type="webservice"]');
    await page.fill('textarea[name="spec-text"]', yaml);
    await page.click('.spec-import button:has-text("Open")');
    const canvasNode = (key: string) => `.react-flow__node[data-id="${key}"]`;
    await page.waitForSelector(`${canvasNode('c1')} [data-component="settings"]`);
    await page.waitForSelector(`${canvasNode('c2')} [data-component="web"]`);
    assert.equal(await page.locator('.react-flow__node').count(), 2);
    // the edge runs from the dependency to the dependent
    await page.waitForSelector('.react-flow__edge[data-id="c1->c2"] .react-flow__edge-path', { state: 'attached' });
    assert.equal(await page.locator('.react-flow__edge').count(), 1);
    assert.equal(await page.inputValue('input[name="app-namespace"]'), namespace);
    await page.waitForSelector('[data-validity="valid"]');

    // a node from the palette, connected by dragging from the dependency's right handle to its left one, then removed
    await page.click('.palette button[data-type="worker"]');
    await page.waitForSelector(`${canvasNode('c3')} [data-component="worker"]`);
    await page.locator(`${canvasNode('c1')} .react-flow__handle.source`).dragTo(page.locator(`${canvasNode('c3')} .react-flow__handle.target`));
    await page.waitForSelector('.react-flow__edge[data-id="c1->c3"] .react-flow__edge-path', { state: 'attached' });
    await page.waitForSelector('form[aria-label="component worker"] .field[data-field="dependsOn"]:has-text("settings")');
    // a worker without an image: the error is on its node
    await page.waitForSelector(`${canvasNode('c3')} .node-errors`);
    // removed with the keyboard, as React Flow deletes a selected node
    await page.click(canvasNode('c3'));
    await page.keyboard.press('Backspace');
    await page.waitForSelector(canvasNode('c3'), { state: 'detached' });
    // React Flow draws the edges again after the nodes change (CI saw 0 edges for a moment under load): wait for the one left
    await page.waitForSelector('.react-flow__edge[data-id="c1->c2"] .react-flow__edge-path', { state: 'attached' });
    await page.waitForFunction("document.querySelectorAll('.react-flow__edge').length === 1");
    await page.waitForSelector('[data-validity="valid"]');

    // a broken image: the error shows on web's node and its image field, and in the list; Deploy waits for a valid spec
    await page.click(canvasNode('c2'));
    const form = page.locator('form[aria-label="component web"]');
    await form.locator('input[name="image"]').fill('   ');
    await page.waitForSelector(`${canvasNode('c2')} .node-errors:has-text("image")`);
    await form.locator('.field[data-field="image"] .field-error').waitFor();
    await page.waitForSelector('.problems li[data-path="$.components[1].image"]');
    assert.equal(await page.getAttribute(`${canvasNode('c1')} [data-component="settings"]`, 'data-errors'), '0');
    assert.equal(await page.isDisabled('button:has-text("Deploy")'), true);
    await page.screenshot({ path: join(SHOTS, 'canvas-invalid.png') });
    await form.locator('input[name="image"]').fill('registry.local/web:1');
    await page.waitForSelector('[data-validity="valid"]');
    await page.waitForSelector(`${canvasNode('c2')} .node-errors`, { state: 'detached' });
    // a trait the registries offer for the type is added to the traits JSON, and clearing the JSON removes it
    assert.equal(await form.locator('button[data-trait="ingress"]').count(), 1);
    await form.locator('button[data-trait="ingress"]').click();
    await form.locator('textarea[name="traits"]').waitFor();
    assert.match(await form.locator('textarea[name="traits"]').inputValue(), /"ingress": \{\}/);
    await page.waitForSelector('[data-validity="valid"]');
    await page.screenshot({ path: join(SHOTS, 'canvas-valid.png') });
    await form.locator('textarea[name="traits"]').fill('');
    await form.locator('button[data-trait="ingress"]').waitFor();

    // the export means what the import meant: the same revision
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Export YAML")')]);
    assert.equal(download.suggestedFilename(), 'canvas-shop.yaml');
    const exported = await readFile(await download.path(), 'utf8');
    assert.equal(await revisionOf(exported), await revisionOf(yaml));

    // Diff: what the deploy would create
    await page.click('button:has-text("Diff")');
    await page.waitForSelector('.diff-view li[data-action="create"]:has-text("ConfigMap")', { timeout: 60_000 });
    assert.match((await page.textContent('.diff-summary')) ?? '', /to create/);

    await page.click('button:has-text("Deploy")');
    await page.waitForURL((u) => u.pathname.startsWith('/runs/'));
    await page.waitForSelector('.react-flow__node', { state: 'attached' });
    await page.waitForSelector('[data-run-phase="Succeeded"]', { timeout: 120_000 });
    await page.screenshot({ path: join(SHOTS, 'canvas-deployed.png') });
  });

  it('imports the seed scenario on the canvas (5 nodes, its dependsOn edges), shows two broken fields on their own nodes and fields and both in the problems list, deploys it fixed, and every step turns Succeeded live', async () => {
    const namespace = env.scratch.next();
    const seed = await readFile(new URL('../examples/seed-scenario.yaml', import.meta.url), 'utf8');
    const yaml = seed.replace(/^namespace: seed-shop$/m, `namespace: ${namespace}`);
    assert.notEqual(yaml, seed);
    await page.goto(`${base}/apps/new?token=${TOKEN.token}`);
    await page.waitForSelector('.palette button[data-type="webservice"]');
    await page.fill('textarea[name="spec-text"]', yaml);
    await page.click('.spec-import button:has-text("Open")');
    const canvasNode = (key: string) => `.react-flow__node[data-id="${key}"]`;
    const names = ['redis', 'migrate', 'web', 'worker', 'entry'];
    for (const [i, name] of names.entries()) await page.waitForSelector(`${canvasNode(`c${i + 1}`)} [data-component="${name}"]`);
    assert.equal(await page.locator('.react-flow__node').count(), names.length);
    // redis -> migrate -> web and worker (the gateway's route is a property, not a dependsOn)
    for (const edge of ['c1->c2', 'c2->c3', 'c2->c4']) await page.waitForSelector(`.react-flow__edge[data-id="${edge}"] .react-flow__edge-path`, { state: 'attached' });
    assert.equal(await page.locator('.react-flow__edge').count(), 3);
    assert.equal(await page.inputValue('input[name="app-namespace"]'), namespace);
    await page.waitForSelector('[data-validity="valid"]');

    // two broken fields on two components: migrate's image blank, web's replicas -1
    await page.click(canvasNode('c2'));
    const migrate = page.locator('form[aria-label="component migrate"]');
    await migrate.locator('input[name="image"]').fill('   ');
    await page.click(canvasNode('c3'));
    const web = page.locator('form[aria-label="component web"]');
    await web.locator('input[name="replicas"]').fill('-1');
    await page.waitForSelector(`${canvasNode('c2')} .node-errors:has-text("image")`);
    await page.waitForSelector(`${canvasNode('c3')} .node-errors:has-text("replicas")`);
    await web.locator('.field[data-field="replicas"] .field-error').waitFor();
    await page.waitForSelector('.problems li[data-path="$.components[1].image"]');
    await page.waitForSelector('.problems li[data-path="$.components[2].replicas"]');
    assert.equal(await page.locator('.problems li').count(), 2);
    for (const key of ['c1', 'c4', 'c5']) assert.equal(await page.getAttribute(`${canvasNode(key)} .component-node`, 'data-errors'), '0');
    assert.equal(await page.isDisabled('button:has-text("Deploy")'), true);
    await page.click(canvasNode('c2'));
    await migrate.locator('.field[data-field="image"] .field-error').waitFor();
    await page.screenshot({ path: join(SHOTS, 'canvas-seed-invalid.png') });

    await migrate.locator('input[name="image"]').fill('registry.local/shop-migrate:1.0.0');
    await page.click(canvasNode('c3'));
    await web.locator('input[name="replicas"]').fill('2');
    await page.waitForSelector('[data-validity="valid"]');
    await page.waitForSelector('.node-errors', { state: 'detached' });

    await page.click('button:has-text("Deploy")');
    await page.waitForURL((u) => u.pathname.startsWith('/runs/'));
    const steps = names.map((n) => `deploy-${n}`);
    for (const step of steps) await page.waitForSelector(node(step), { state: 'attached' });
    // live: the nodes turn Succeeded on this page, never reloaded (the run takes seconds, so a slow
    // page load may see it already done; the approval test above holds a run to see it mid-way)
    await page.evaluate(() => Object.assign(window, { kubeminMarker: 'seed page' }));
    for (const step of steps) await page.waitForSelector(node(step, 'Succeeded'), { state: 'attached', timeout: 120_000 });
    assert.equal(await page.evaluate(() => (window as unknown as { kubeminMarker?: string }).kubeminMarker), 'seed page');
    await page.waitForSelector('[data-run-phase="Succeeded"]', { timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'canvas-seed-succeeded.png') });
  });

  it('opens a `kubemin init -o json` file (componentType, an approval step) on the canvas, shows its explicit steps, and exports JSON of the same revision', async () => {
    const draft = draftFromFlags({
      name: 'init-shop',
      namespace: env.scratch.next(),
      approval: true,
      component: ['name=cfg,type=config,data.MODE=prod', 'name=db,type=store,image=redis:7,port=6379', 'name=api,type=webservice,image=shop/api:1,port=8080,dependsOn=db+cfg,envFrom=cfg'],
    });
    const json = specText(draft, 'json');
    await page.goto(`${base}/apps/new?token=${TOKEN.token}`);
    await page.setInputFiles('input[name="spec-file"]', { name: 'init-shop.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await page.waitForSelector('.react-flow__node[data-id="c3"] [data-component="api"]');
    assert.equal(await page.locator('.react-flow__node').count(), 3);
    await page.waitForSelector('.react-flow__edge[data-id="c2->c3"] .react-flow__edge-path', { state: 'attached' });
    await page.waitForSelector('.react-flow__edge[data-id="c1->c3"] .react-flow__edge-path', { state: 'attached' });
    await page.waitForSelector('[data-workflow="explicit"]');
    assert.ok((await page.locator('section[aria-label="workflow"] ol.steps li').count()) >= 2);
    await page.waitForSelector('[data-validity="valid"]');
    await page.screenshot({ path: join(SHOTS, 'canvas-init-json.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Export JSON")')]);
    assert.equal(download.suggestedFilename(), 'init-shop.json');
    assert.equal(await revisionOf(await readFile(await download.path(), 'utf8')), await revisionOf(json));
  });

  it('lists the registries: the webservice component type, a trait with its fields and its schema folded away until opened, the approval step type', async () => {
    await page.goto(`${base}/runs?token=${TOKEN.token}`);
    await page.click('nav a:text-is("Registries")');
    await page.waitForURL((u) => u.pathname === '/registries');
    const webservice = page.locator('section[aria-label="Component types"] article[data-name="webservice"]');
    await webservice.waitFor();
    assert.match(await webservice.locator('p').first().innerText(), /\w/);
    assert.ok(await page.locator('section[aria-label="Traits"] article.registry-entry').count() > 0);
    assert.ok(await page.locator('section[aria-label="Step types"] article[data-name="approval"]').count() === 1);
    assert.equal(await webservice.locator('p.takes:text-is("takes no properties")').count(), 1);
    // a trait's fields are listed, its whole schema folded away until opened
    const resources = page.locator('section[aria-label="Traits"] article[data-name="resources"]');
    assert.equal(await resources.locator('table.fields code:text-is("cpu")').count(), 1);
    assert.match(await resources.locator('table.fields tr:has(code:text-is("cpu")) td.muted').innerText(), /^string \| number$/);
    const schema = resources.locator('pre.schema');
    assert.equal(await schema.isVisible(), false);
    await resources.locator('summary:text-is("JSON Schema")').click();
    await schema.waitFor();
    assert.match(await schema.innerText(), /"memory": \{/);
    await resources.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'registries.png') });
  });

  it('cancels a run waiting at an approval from the page after confirming, and the graph shows Cancelled live; terminate, an admin\'s, shows the API\'s 403', async () => {
    const id = await startRun(env.scratch.next());
    await page.goto(`${base}/runs/${encodeURIComponent(id)}?token=${TOKEN.token}`);
    await page.waitForSelector(node('release', 'awaiting approval'), { timeout: 60_000 });
    assert.equal(await page.locator('.run-actions button:text-is("Retry…")').count(), 0);
    await page.evaluate(() => Object.assign(window, { kubeminMarker: 'same page' }));

    // an operator may not terminate: the dialog says the API's problem, and the run goes on
    await page.click('.run-actions button:text-is("Terminate…")');
    const terminate = page.locator('dialog[aria-label="terminate run"]');
    await terminate.locator('textarea').fill('stuck');
    await terminate.locator('button:text-is("Yes, terminate")').click();
    await terminate.locator('.error:has-text("403")').waitFor();
    await page.screenshot({ path: join(SHOTS, 'run-terminate-403.png') });
    await terminate.locator('button:text-is("No")').click();
    await terminate.waitFor({ state: 'detached' });

    await page.click('.run-actions button:text-is("Cancel…")');
    const cancel = page.locator('dialog[aria-label="cancel run"]');
    await cancel.waitFor();
    await page.screenshot({ path: join(SHOTS, 'run-cancel-confirm.png') });
    await cancel.locator('button:text-is("Yes, cancel")').click();
    await cancel.waitFor({ state: 'detached' });
    await page.waitForSelector(node('release', 'Cancelled'), { timeout: 30_000 });
    await page.waitForSelector(node('ship', 'Cancelled'), { timeout: 30_000 });
    await page.waitForSelector('[data-run-phase="Cancelled"]', { timeout: 30_000 });
    assert.equal(await page.getAttribute('[data-step="deploy-api"]', 'data-phase'), 'Succeeded');
    assert.equal(await page.evaluate(() => (window as unknown as { kubeminMarker?: string }).kubeminMarker), 'same page');
    await page.waitForSelector('.run-actions', { state: 'detached' });
    await page.screenshot({ path: join(SHOTS, 'run-cancelled.png') });
  });

  it('retries a failed run from the page after confirming and opens the new run', async () => {
    const namespace = env.scratch.next();
    const id = await start(failingJobSpec(namespace));
    await page.goto(`${base}/runs/${encodeURIComponent(id)}?token=${TOKEN.token}`);
    await page.waitForSelector('[data-run-phase="Failed"]', { timeout: 90_000 });
    assert.deepEqual(await page.locator('.run-actions button').allInnerTexts(), ['Retry…']);
    await page.click('.run-actions button:text-is("Retry…")');
    await page.locator('dialog[aria-label="retry run"] button:text-is("Yes, retry")').click();
    await page.waitForURL((u) => u.pathname.startsWith('/runs/') && decodeURIComponent(u.pathname) !== `/runs/${id}`);
    const retried = decodeURIComponent(new URL(page.url()).pathname.slice('/runs/'.length));
    assert.match(retried, /-retry-/);
    await page.waitForSelector(node('tables'));
    await page.waitForSelector(`code:text-is("${retried}")`);
    await page.screenshot({ path: join(SHOTS, 'run-retried.png') });
  });

  it('draws a workflow group as a group node holding its steps, named by the group', async () => {
    const namespace = env.scratch.next();
    const c = (name: string) => ({ name, type: 'webservice', image: `registry.local/${name}:1`, replicas: 1, port: 8080 });
    const id = await start({
      name: 'grouped',
      namespace,
      components: [c('api'), c('web'), c('edge')],
      workflow: {
        steps: [
          { name: 'apps', mode: 'parallel', steps: [{ name: 'deploy-api', type: 'deploy', components: ['api'] }, { name: 'deploy-web', type: 'deploy', components: ['web'] }] },
          { name: 'deploy-edge', type: 'deploy', components: ['edge'] },
        ],
      },
    });
    await page.goto(`${base}/runs/${encodeURIComponent(id)}?token=${TOKEN.token}`);
    const group = page.locator('.react-flow__node[data-id="group:apps"]');
    await group.waitFor();
    assert.equal(await group.locator('.group-name').innerText(), 'apps');
    const box = await group.boundingBox();
    assert.ok(box);
    for (const step of ['deploy-api', 'deploy-web']) {
      const inner = await page.locator(`.react-flow__node[data-id="${step}"]`).boundingBox();
      assert.ok(inner, step);
      assert.ok(inner.x >= box.x && inner.y >= box.y && inner.x + inner.width <= box.x + box.width + 0.5 && inner.y + inner.height <= box.y + box.height + 0.5, `${step} ${JSON.stringify(inner)} in ${JSON.stringify(box)}`);
    }
    const edge = await page.locator('.react-flow__node[data-id="deploy-edge"]').boundingBox();
    assert.ok(edge && edge.x > box.x + box.width, 'the step after the group is right of it');
    await page.waitForSelector('.react-flow__edge[data-id="deploy-web->deploy-edge"] .react-flow__edge-path', { state: 'attached' });
    await page.waitForSelector(node('deploy-edge', 'Succeeded'), { timeout: 90_000 });
    await page.screenshot({ path: join(SHOTS, 'run-groups.png') });
  });

  it('asks for a token when the API answers 401, and uses the one given', async () => {
    await page.evaluate(() => localStorage.removeItem('kubemin.token'));
    await page.goto(`${base}/runs`);
    await page.waitForSelector('form.token-form');
    await page.waitForSelector('.error:has-text("401")');
    await page.fill('form.token-form input', TOKEN.token);
    await page.click('form.token-form button[type="submit"]');
    await page.waitForSelector('table.runs tbody tr');
    assert.equal(await page.evaluate(() => localStorage.getItem('kubemin.token')), TOKEN.token);
    assert.equal(await page.locator('.error').count(), 0);
  });
});
