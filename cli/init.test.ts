/**
 * `kubemin init`: from flags with --yes (stdout is the spec only, validated; an invalid one is
 * refused naming the problem), and through a real terminal (tmux) as a person types it, the
 * resulting file deployed with `kubemin up --wait` against the real API, worker, Temporal dev
 * server and local cluster.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { parse } from 'yaml';
import { createApp } from '../api/app.js';
import { compile, traitNames, validateSpecText } from '../src/index.js';
import { kubeApis, testLog, useRunEnvironment } from '../test/support/servers.js';
import { type Answer, createAnswerer, startTerminal } from '../test/support/terminal.js';
import { answeredTraits } from './init/trait-questions.js';
import { main } from './main.js';
import { runCli } from './run-in-process.js';

const SHOP = [
  'init', '--yes', '--name', 'shop', '--namespace', 'demo',
  '--component', 'name=settings,type=config,data.MODE=prod,data.GREETING=hello',
  '--component', 'name=db,type=store,image=postgres:17,volume=/var/lib/postgresql:1Gi',
  '--component', 'name=web,type=webservice,image=nginx:1.27,replicas=2,port=80+443,dependsOn=db+settings,envFrom=settings,cpu=100m',
];

const SHOP_YAML = `name: shop
namespace: demo
components:
  - name: settings
    type: config
    properties:
      data:
        MODE: prod
        GREETING: hello
  - name: db
    type: store
    image: postgres:17
    traits:
      storage:
        - type: persistent
          mountPath: /var/lib/postgresql
          size: 1Gi
  - name: web
    type: webservice
    image: nginx:1.27
    replicas: 2
    ports:
      - port: 80
        name: port-80
      - port: 443
        name: port-443
    dependsOn:
      - db
      - settings
    traits:
      envFrom:
        - type: config
          sourceName: settings
      resources:
        cpu: 100m
`;

describe('kubemin init --yes (flags, no prompts)', () => {
  it('writes only the spec on stdout (golden), and it validates and compiles', async () => {
    const r = await runCli(SHOP);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, SHOP_YAML);
    const plan = compile(validateSpecText(r.out));
    assert.deepEqual(plan.steps.map((s) => s.name), ['deploy-settings', 'deploy-db', 'deploy-web']);
    assert.match(r.err, /valid, 3 components, 3 steps/);
  });

  it('-o json writes the same application as the seed\'s JSON (componentType), which validates the same', async () => {
    const r = await runCli(['-o', 'json', ...SHOP]);
    assert.equal(r.code, 0, r.err);
    const yaml = parse(SHOP_YAML) as { components: { name: string; type: string }[] };
    const seed = { ...yaml, components: yaml.components.map(({ name, type, ...rest }) => ({ name, componentType: type, ...rest })) };
    assert.deepEqual(JSON.parse(r.out), seed);
    assert.deepEqual(validateSpecText(r.out), validateSpecText(SHOP_YAML));
  });

  it('--approval and --gpu-check put the gates before the deploy steps, in dependsOn order', async () => {
    const r = await runCli(['init', '--yes', '--name', 'train', '--approval', '--gpu-check', '--component', 'name=trainer,type=worker,image=pytorch:2,replicas=2,gpu=2,dependsOn=cfg', '--component', 'name=cfg,type=config,data.EPOCHS=3']);
    assert.equal(r.code, 0, r.err);
    const spec = parse(r.out) as { workflow: { steps: { name: string; type: string; properties?: unknown }[] } };
    assert.deepEqual(spec.workflow.steps.map((s) => `${s.type}:${s.name}`), ['approval:approval', 'gpu-check:gpu-check', 'deploy:deploy-cfg', 'deploy:deploy-trainer']);
    assert.deepEqual(spec.workflow.steps[1]?.properties, { gpusPerPod: 2, pods: 2 });
    assert.deepEqual(compile(validateSpecText(r.out)).steps.map((s) => s.name), ['approval', 'gpu-check', 'deploy-cfg', 'deploy-trainer']);
  });

  it('trait flags: env.K=@SOURCE/KEY reads a secret\'s key, readiness=PATH probes the first port', async () => {
    const r = await runCli(['init', '--yes', '--name', 'a', '--component', 'name=creds,type=secret,data.PASSWORD=x', '--component', 'name=web,readiness=/healthz,image=nginx:1.27,port=8080,env.DB_PASSWORD=@creds/PASSWORD,env.MODE=fast,memory=256Mi']);
    assert.equal(r.code, 0, r.err);
    const spec = parse(r.out) as { components: { traits?: unknown }[] };
    assert.deepEqual(spec.components[1]?.traits, {
      envs: [{ name: 'DB_PASSWORD', valueFrom: { secret: { name: 'creds', key: 'PASSWORD' } } }, { name: 'MODE', value: 'fast' }],
      probes: { readiness: { httpGet: { path: '/healthz', port: 8080 } } },
      resources: { memory: '256Mi' },
    });
    compile(validateSpecText(r.out));
  });

  it('refuses a dependsOn naming no component (exit 2, naming it, nothing on stdout)', async () => {
    const r = await runCli(['init', '--yes', '--name', 'shop', '--component', 'name=web,image=nginx:1.27,dependsOn=db']);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /\$\.components\[0\]\.dependsOn\[0\]: unknown component "db"/);
    assert.match(r.err, /nothing written/);
  });

  it('refuses usage it cannot build from (exit 2, naming what is wrong)', async () => {
    const cases: [string[], RegExp][] = [
      [['--component', 'name=web,colour=blue'], /unknown key "colour" \(known: name, type, image/],
      [['--component', 'name=web,image=x,port=http'], /port=http: ports from 1 to 65535/],
      [['--gpu-check', '--component', 'name=web,image=x'], /--gpu-check: no component asks for GPUs/],
      [[], /--yes needs at least one --component/],
    ];
    for (const [flags, message] of cases) {
      const r = await runCli(['init', '--yes', '--name', 'shop', ...flags]);
      assert.equal(r.code, 2, flags.join(' '));
      assert.match(r.err, message);
      assert.equal(r.out, '');
    }
  });

  it('-f writes the file and never overwrites it without --force', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'kubemin-init-')), 'app.yaml');
    await writeFile(file, 'mine\n');
    const refused = await runCli([...SHOP, '-f', file]);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /app\.yaml exists, nothing written/);
    assert.equal(await readFile(file, 'utf8'), 'mine\n');
    const forced = await runCli([...SHOP, '-f', file, '--force']);
    assert.equal(forced.code, 0, forced.err);
    assert.equal(forced.out, '');
    assert.equal(await readFile(file, 'utf8'), SHOP_YAML);
  });

  it('without --yes asks only on a terminal: stdin from a pipe is invalid usage (exit 2)', async () => {
    const err = new PassThrough();
    let said = '';
    err.on('data', (d: Buffer) => (said += d.toString()));
    const code = await main(['node', 'kubemin', 'init'], { stdin: new PassThrough(), stdout: new PassThrough(), stderr: err, env: { NO_COLOR: '1' } });
    assert.equal(code, 2);
    assert.match(said, /stdin is not one[\s\S]*--yes/);
  });

  it('asks only about registered traits', () => {
    for (const name of answeredTraits()) assert.ok(traitNames().includes(name), name);
  });
});

/** What a person answers, question by question: a config with data, then a webservice reading it. */
const dialogue = (namespace: string): Answer[] => [
  { question: 'Application name', text: 'shop' },
  { question: 'Namespace', text: namespace },
  { question: 'Component 1: name', text: 'settings' },
  { question: 'Type of settings', select: 'config' },
  { question: 'Data', text: 'MODE=prod' },
  { question: 'Data', text: 'GREETING=hello world' },
  { question: 'Data', text: '' },
  { question: 'Add another component?', confirm: true },
  { question: 'Component 2: name', text: 'web' },
  { question: 'Type of web', select: 'webservice' },
  { question: 'Image', text: 'nginx:1.27' },
  { question: 'Replicas', text: '2' },
  { question: 'Ports', text: '80' },
  { question: 'web depends on', choose: ['settings'] },
  { question: 'Traits', choose: ['envFrom'] },
  { question: 'Inject every key of', choose: ['settings'] },
  { question: 'Add another component?', confirm: false },
  { question: 'Workflow', select: 'generated' },
];

const KUBEMIN = fileURLToPath(new URL('./kubemin.mjs', import.meta.url));

describe('kubemin init on a terminal (tmux)', () => {
  it('refuses an answer the validator would refuse, in its words; Ctrl-C then ends it with exit 2, "cancelled, nothing written", nothing on stdout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kubemin-init-'));
    const t = await startTerminal(`node ${KUBEMIN} init > ${dir}/app.yaml`, dir);
    try {
      await createAnswerer(t).text('Application name', 'shop');
      await t.waitFor((s) => s.includes('Namespace'), 'the namespace question');
      await t.type('Bad_NS');
      await t.press('Enter');
      await t.waitFor((s) => s.includes('must be a DNS-1123 label'), 'the validator\'s message');
      await t.press('C-c');
      assert.equal(await t.exitCode(), 2);
      assert.match(await t.screen(), /cancelled, nothing written/);
    } finally {
      await t.close();
    }
    assert.equal(await readFile(join(dir, 'app.yaml'), 'utf8'), '');
  });

  it('with stdout on the terminal it writes kubemin.yaml in the current directory, and refuses to overwrite it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kubemin-init-'));
    const command = `node ${KUBEMIN} ${SHOP.join(' ')}`;
    for (const expected of [0, 2]) {
      const t = await startTerminal(command, dir);
      try {
        assert.equal(await t.exitCode(), expected, await t.screen());
        if (expected === 2) assert.match(await t.screen(), /kubemin\.yaml exists, nothing written/);
      } finally {
        await t.close();
      }
    }
    assert.equal(await readFile(join(dir, 'kubemin.yaml'), 'utf8'), SHOP_YAML);
  });
});

describe('kubemin init through a real terminal, deployed with kubemin up --wait (HTTP + Temporal dev server + local cluster)', () => {
  const env = useRunEnvironment('init');
  let server: ServerType | undefined;
  let base = '';

  before(async () => {
    server = serve({ fetch: createApp({ temporal: env.client, taskQueue: env.worker.taskQueue, uiUrl: 'http://127.0.0.1:8233', log: testLog, eventsPollMs: 100 }).fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((r) => server?.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server?.close();
  });

  it('a config with data, then a webservice depending on it with envFrom: the file validates and deploys (exit 0, Succeeded)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kubemin-init-'));
    const namespace = env.scratch.next();
    const t = await startTerminal(`node ${KUBEMIN} init > ${dir}/app.yaml`, dir);
    try {
      const a = createAnswerer(t);
      for (const step of dialogue(namespace)) await a.answer(step);
      assert.equal(await t.exitCode(), 0, await t.screen());
      assert.match(await t.screen(), /the spec \(stdout\): valid, 2 components, 2 steps/);
    } finally {
      await t.close();
    }

    const file = join(dir, 'app.yaml');
    const text = await readFile(file, 'utf8');
    assert.deepEqual(parse(text), {
      name: 'shop',
      namespace,
      components: [
        { name: 'settings', type: 'config', properties: { data: { MODE: 'prod', GREETING: 'hello world' } } },
        { name: 'web', type: 'webservice', image: 'nginx:1.27', replicas: 2, port: 80, dependsOn: ['settings'], traits: { envFrom: [{ type: 'config', sourceName: 'settings' }] } },
      ],
    });
    const valid = await runCli(['validate', '-f', file]);
    assert.equal(valid.code, 0, valid.err);

    const up = await runCli(['--server', base, 'up', '-f', file, '--wait', '--timeout', '180s']);
    assert.equal(up.code, 0, up.err);
    assert.match(up.err.trim().split('\n').at(-1) ?? '', /✓ Succeeded$/);
    assert.match(up.err, /✓ Succeeded {2}deploy-web/);
    const deployment = await kubeApis().apps.readNamespacedDeployment({ name: 'web', namespace });
    assert.deepEqual(JSON.parse(JSON.stringify(deployment.spec?.template.spec?.containers[0]?.envFrom)), [{ configMapRef: { name: 'settings' } }]);
    assert.equal(deployment.status?.availableReplicas, 2);
  });
});
