/**
 * The dialogue of `kubemin init`: the application's name and namespace, then components one by
 * one (type from the registry, its basics and properties, dependsOn among the components already
 * given, traits), then the workflow (generated, or explicit with an approval and/or a GPU check).
 * It asks through a Prompter and answers the application as data; validating and writing it is
 * the command's work.
 */
import { componentTypeNames, findComponentType } from '../../src/index.js';
import { askComponentBasics } from './component-questions.js';
import { type AppDraft, type ComponentDraft, labelProblem } from './draft.js';
import type { Prompter } from './prompts.js';
import { askTraits } from './trait-questions.js';
import { gpuNeed, withGates } from './workflow.js';

export interface DialogueDefaults {
  name?: string;
  namespace?: string;
}

async function askComponent(p: Prompter, earlier: readonly ComponentDraft[]): Promise<ComponentDraft> {
  const taken = new Set(earlier.map((c) => c.name));
  const name = await p.text(`Component ${earlier.length + 1}: name`, {
    placeholder: earlier.length ? 'api' : 'web',
    check: (a) => labelProblem(a) ?? (taken.has(a) ? `"${a}" is already a component` : undefined),
  });
  const types = componentTypeNames().map((t) => ({ value: t, label: t, hint: findComponentType(t)?.description ?? '' }));
  const type = await p.select(`Type of ${name}`, types, types[0]?.value);
  let component = await askComponentBasics({ p, component: { name, type }, earlier });
  if (earlier.length) {
    const dependsOn = await p.multiselect(`${name} depends on (space to choose, enter to go on)`, earlier.map((c) => ({ value: c.name, label: c.name, hint: c.type })));
    if (dependsOn.length) component = { ...component, dependsOn };
  }
  const traits = await askTraits({ p, component, earlier });
  return traits ? { ...component, traits } : component;
}

async function askWorkflow(p: Prompter, app: AppDraft): Promise<AppDraft> {
  const how = await p.select('Workflow', [
    { value: 'generated', label: 'generated', hint: 'a deploy step per component, in dependsOn order' },
    { value: 'explicit', label: 'explicit', hint: 'gates (approval, GPU check) before the deploy steps' },
  ], 'generated');
  if (how === 'generated') return app;
  const gates = [{ value: 'approval', label: 'approval', hint: 'wait until a person approves' }];
  const need = gpuNeed(app);
  if (need) gates.push({ value: 'gpu-check', label: 'GPU check', hint: `${need.pods} pod(s) with ${need.gpusPerPod} free GPU(s) each` });
  const chosen = await p.multiselect('Before the deploy steps', gates, ['approval']);
  return withGates(app, { approval: chosen.includes('approval'), gpuCheck: chosen.includes('gpu-check') });
}

/** Asks for a whole application. */
export async function runDialogue(p: Prompter, defaults: DialogueDefaults = {}): Promise<AppDraft> {
  p.intro('kubemin init');
  const name = await p.text('Application name', { ...(defaults.name ? { initial: defaults.name } : { placeholder: 'hello' }), check: labelProblem });
  const namespace = await p.text('Namespace', { initial: defaults.namespace ?? 'default', check: labelProblem });
  const components: ComponentDraft[] = [];
  do components.push(await askComponent(p, components));
  while (await p.confirm('Add another component?', false));
  return askWorkflow(p, { name, namespace, components });
}
