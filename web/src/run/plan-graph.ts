/**
 * The graph is data: a pure function turns a run's steps (with the plan's `dependsOn`) and
 * their live status into React Flow nodes and edges. Layout is a separate step (layout.ts);
 * components only draw.
 */
import type { Edge, Node } from '@xyflow/react';
import type { StepStatus } from '../../../client/index.js';
import { shownPhase, type PhaseLook } from './step-view.js';

export interface StepNodeData extends Record<string, unknown> {
  step: StepStatus;
  look: PhaseLook;
}

export type StepNode = Node<StepNodeData, 'step'>;

export interface PlanGraph {
  nodes: StepNode[];
  edges: Edge[];
}

/** Nodes for the steps, an edge from each dependency to its dependent (unknown names are left out). */
export function planGraph(steps: readonly StepStatus[], selected?: string): PlanGraph {
  const names = new Set(steps.map((s) => s.name));
  const nodes: StepNode[] = steps.map((step) => ({
    id: step.name,
    type: 'step',
    position: { x: 0, y: 0 },
    selected: step.name === selected,
    data: { step, look: shownPhase(step) },
  }));
  const edges: Edge[] = steps.flatMap((step) =>
    (step.dependsOn ?? [])
      .filter((d) => names.has(d))
      .map((d) => ({ id: `${d}->${step.name}`, source: d, target: step.name, animated: step.phase === 'Running' })),
  );
  return { nodes, edges };
}
