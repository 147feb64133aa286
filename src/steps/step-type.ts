/**
 * How a workflow step type declares itself: a name, a zod schema for its `properties`, whether
 * it acts on components, and — for types added by other teams — the name of the activity that
 * runs it. The workflow runs a plugin step by calling that activity by name, so adding a type is
 * registering it here and its activity in the worker: no change to the workflow or the compiler.
 */
import type { z } from 'zod';
import type { Application } from '../model/application.js';

export interface StepCheckIssue {
  path: (string | number)[];
  message: string;
  hint?: string;
}

export interface StepType<P = unknown> {
  readonly name: string;
  readonly description: string;
  readonly properties: z.ZodType<P>;
  /** Whether the step needs `components` (deploy, job, delete) or takes none. */
  readonly components: 'required' | 'optional' | 'none';
  /** Component types the step accepts, when it is particular (a `job` step runs job components). */
  readonly componentTypes?: readonly string[];
  /** Plugin step types: the activity the worker registers for them. Built-in types have none. */
  readonly activity?: string;
  /** Checks that need the application (references to components, policies). */
  check?(properties: P, app: Application): StepCheckIssue[];
}

export const defineStepType = <P>(t: StepType<P>): StepType<P> => t;
