/**
 * The dialogue of `kubemin init` answered by a script instead of a person: every question is
 * checked against the one the script expects (and a choice against the options offered), so
 * these tests pin the order of the questions and the spec each answer produces.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compile, validateSpecText } from '../../src/index.js';
import { runDialogue } from './dialogue.js';
import type { Choice, Prompter } from './prompts.js';
import { specText } from './write-spec.js';

type Scripted = [question: string, answer: string | boolean | string[]];

/** A Prompter answering `script` in order; it fails on a question the script does not expect. */
function scripted(script: readonly Scripted[]): Prompter & { offered: Map<string, string[]>; left: () => number } {
  const queue = [...script];
  const offered = new Map<string, string[]>();
  const next = (message: string, choices?: readonly Choice[]) => {
    const [question, answer] = queue.shift() ?? ['(nothing more)', ''];
    assert.ok(message.startsWith(question), `asked "${message}", the script expected "${question}"`);
    if (choices) offered.set(question, choices.map((c) => c.value));
    for (const a of [answer].flat()) if (choices && typeof a === 'string') assert.ok(choices.some((c) => c.value === a), `"${a}" is not offered by "${message}": ${choices.map((c) => c.value).join(', ')}`);
    return answer;
  };
  return {
    offered,
    left: () => queue.length,
    text: (message, o) => Promise.resolve((next(message) as string) || (o?.initial ?? '')),
    select: <V extends string>(message: string, choices: readonly Choice<V>[]) => Promise.resolve(next(message, choices) as V),
    multiselect: <V extends string>(message: string, choices: readonly Choice<V>[]) => Promise.resolve(next(message, choices) as V[]),
    confirm: (message) => Promise.resolve(next(message) as boolean),
    info: () => undefined,
    intro: () => undefined,
    outro: () => undefined,
  };
}

describe('the init dialogue', () => {
  it('offers the registry\'s types, and for a workload only the traits that apply to it', async () => {
    const p = scripted([
      ['Application name', 'ml'],
      ['Namespace', ''],
      ['Component 1: name', 'creds'],
      ['Type of creds', 'secret'],
      ['Values', 'TOKEN=s3cret'],
      ['Values', ''],
      ['Add another component?', true],
      ['Component 2: name', 'trainer'],
      ['Type of trainer', 'job'],
      ['Image', 'pytorch:2'],
      ['trainer depends on', ['creds']],
      ['Traits', ['storage', 'envFrom', 'envs', 'resources']],
      ['Volume 1', 'persistent'],
      ['Mount path', '/data'],
      ['Size', '5Gi'],
      ['Another volume?', true],
      ['Volume 2', 'source'],
      ['Mount path', '/etc/creds'],
      ['Which one', 'creds'],
      ['Another volume?', false],
      ['Inject every key of', ['creds']],
      ['Environment variables', 'EPOCHS=3'],
      ['Environment variables', 'API_TOKEN=@creds/TOKEN'],
      ['Environment variables', ''],
      ['CPU request', '2'],
      ['Memory', '4Gi'],
      ['GPUs per pod', '2'],
      ['Add another component?', false],
      ['Workflow', 'explicit'],
      ['Before the deploy steps', ['approval', 'gpu-check']],
    ]);
    const app = await runDialogue(p);
    assert.equal(p.left(), 0, 'every scripted answer is asked for');
    assert.ok(p.offered.get('Type of creds')?.includes('webservice') && p.offered.get('Type of creds')?.includes('config'));
    // probes apply to Deployments and StatefulSets, not to a Job
    assert.deepEqual(p.offered.get('Traits'), ['storage', 'envFrom', 'envs', 'resources']);
    assert.deepEqual(app.components[1]?.traits, {
      storage: [{ type: 'persistent', mountPath: '/data', size: '5Gi' }, { type: 'secret', sourceName: 'creds', mountPath: '/etc/creds' }],
      envFrom: [{ type: 'secret', sourceName: 'creds' }],
      envs: [{ name: 'EPOCHS', value: '3' }, { name: 'API_TOKEN', valueFrom: { secret: { name: 'creds', key: 'TOKEN' } } }],
      resources: { cpu: '2', memory: '4Gi', gpu: 2 },
    });
    assert.equal(app.namespace, 'default');
    assert.deepEqual(app.components[0]?.properties, { stringData: { TOKEN: 's3cret' } });
    const plan = compile(validateSpecText(specText(app, 'yaml')));
    assert.deepEqual(plan.steps.map((s) => s.name), ['approval', 'gpu-check', 'deploy-creds', 'deploy-trainer']);
    assert.deepEqual(plan.steps[1]?.properties, { gpusPerPod: 2, pods: 1 });
  });

  it('asks no dependsOn for the first component, and offers no GPU check when no component has GPUs', async () => {
    const p = scripted([
      ['Application name', 'hello'],
      ['Namespace', 'demo'],
      ['Component 1: name', 'web'],
      ['Type of web', 'webservice'],
      ['Image', 'nginx:1.27'],
      ['Replicas', '2'],
      ['Ports', '8080'],
      ['Traits', ['probes']],
      ['Readiness probe', 'httpGet'],
      ['Path', '/healthz'],
      ['Port', ''],
      ['Add another component?', false],
      ['Workflow', 'explicit'],
      ['Before the deploy steps', ['approval']],
    ]);
    const app = await runDialogue(p);
    assert.equal(p.left(), 0, 'every scripted answer is asked for');
    assert.deepEqual(p.offered.get('Before the deploy steps'), ['approval']);
    assert.deepEqual(p.offered.get('Traits'), ['storage', 'envs', 'resources', 'probes'], 'envFrom needs a config or secret given before');
    assert.deepEqual(app.components[0], { name: 'web', type: 'webservice', image: 'nginx:1.27', replicas: 2, port: 8080, traits: { probes: { readiness: { httpGet: { path: '/healthz', port: 8080 } } } } });
    assert.deepEqual(compile(validateSpecText(specText(app, 'yaml'))).steps.map((s) => s.name), ['approval', 'deploy-web']);
  });

  it('a gateway routes to the components given before it that have a Service', async () => {
    const p = scripted([
      ['Application name', 'site'],
      ['Namespace', ''],
      ['Component 1: name', 'web'],
      ['Type of web', 'webservice'],
      ['Image', 'nginx:1.27'],
      ['Replicas', ''],
      ['Ports', '80'],
      ['Traits', []],
      ['Add another component?', true],
      ['Component 2: name', 'jobs'],
      ['Type of jobs', 'worker'],
      ['Image', 'busybox:1.36'],
      ['Replicas', ''],
      ['jobs depends on', []],
      ['Traits', []],
      ['Add another component?', true],
      ['Component 3: name', 'entry'],
      ['Type of entry', 'gateway'],
      ['Route traffic to', ['web']],
      ['Host name', 'site.example.com'],
      ['Path prefix for web', ''],
      ['entry depends on', []],
      ['Add another component?', false],
      ['Workflow', 'generated'],
    ]);
    const app = await runDialogue(p);
    assert.equal(p.left(), 0, 'every scripted answer is asked for');
    assert.deepEqual(p.offered.get('Route traffic to'), ['web'], 'a worker has no Service');
    assert.deepEqual(app.components[2], { name: 'entry', type: 'gateway', properties: { routes: [{ host: 'site.example.com', path: '/', component: 'web' }] } });
    assert.deepEqual(compile(validateSpecText(specText(app, 'yaml'))).steps.map((s) => s.name), ['deploy-web', 'deploy-jobs', 'deploy-entry']);
  });
});
