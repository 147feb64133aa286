/**
 * The graph is data: a pure function turns a run's steps (with the plan's `dependsOn` and
 * `group`) and their live status into React Flow nodes and edges: a node per step, a group node
 * per workflow group holding its steps (parentId), an edge per dependency. Layout is a separate
 * step (layout.ts); components only draw.
 */
import type { Edge, Node } from '@xyflow/react';
import type { StepStatus } from '../../../client/index.js';
import { shownPhase, type PhaseLook } from './step-view.js';

export interface StepNodeData extends Record<string, unknown> {
  step: StepStatus;
  look: PhaseLook;
}

export interface GroupNodeData extends Record<string, unknown> {
  name: string;
  steps: string[];
}

export type StepNode = Node<StepNodeData, 'step'>;
export type GroupNode = Node<GroupNodeData, 'stepGroup'>;
export type PlanNode = StepNode | GroupNode;

export interface PlanGraph {
  /** Group nodes come before the steps they hold (React Flow wants parents first). */
  nodes: PlanNode[];
  edges: Edge[];
}

/** The id of a group's node: step names are DNS labels, so a colon never meets one. */
export const groupNodeId = (group: string) => `group:${group}`;

export const isStepNode = (n: PlanNode): n is StepNode => n.type === 'step';

function groupNodes(steps: readonly StepStatus[]): GroupNode[] {
  const members = new Map<string, string[]>();
  for (const s of steps) if (s.group) members.set(s.group, [...(members.get(s.group) ?? []), s.name]);
  return [...members].map(([name, names]) => ({
    id: groupNodeId(name),
    type: 'stepGroup',
    position: { x: 0, y: 0 },
    selectable: false,
    data: { name, steps: names },
  }));
}

/** Nodes for the groups and steps, an edge from each dependency to its dependent (unknown names are left out). */
export function planGraph(steps: readonly StepStatus[], selected?: string): PlanGraph {
  const names = new Set(steps.map((s) => s.name));
  const stepNodes: StepNode[] = steps.map((step) => ({
    id: step.name,
    type: 'step',
    position: { x: 0, y: 0 },
    selected: step.name === selected,
    ...(step.group ? { parentId: groupNodeId(step.group) } : {}),
    data: { step, look: shownPhase(step) },
  }));
  const edges: Edge[] = steps.flatMap((step) =>
    (step.dependsOn ?? [])
      .filter((d) => names.has(d))
      .map((d) => ({ id: `${d}->${step.name}`, source: d, target: step.name, animated: step.phase === 'Running' })),
  );
  return { nodes: [...groupNodes(steps), ...stepNodes], edges };
}
