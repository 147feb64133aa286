/**
 * The registry of workflow step types: the built-ins, and plugin types other teams register
 * with registerStepType (see examples/plugins/ai-eval). Unknown names fail naming the known.
 */
import { KubeMinError } from '../errors.js';
import { BUILTIN_STEP_TYPES } from './builtin.js';
import type { StepType } from './step-type.js';

const registry = new Map<string, StepType<unknown>>(BUILTIN_STEP_TYPES.map((t) => [t.name, t as StepType<unknown>]));

/** Adds a plugin step type. It must name the activity the worker registers to run it. */
export function registerStepType<P>(t: StepType<P>): void {
  const existing = registry.get(t.name);
  if (existing && existing !== t) throw new KubeMinError('StepTypeConflict', `step type "${t.name}" is already registered`, [], 'choose another name');
  if (!t.activity) throw new KubeMinError('StepTypeInvalid', `plugin step type "${t.name}" names no activity`, [], 'set `activity` to the name of the activity the worker registers');
  registry.set(t.name, t as StepType<unknown>);
}

export const stepTypeNames = (): string[] => [...registry.keys()];

export const findStepType = (name: string): StepType<unknown> | undefined => registry.get(name);
