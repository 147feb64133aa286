/**
 * Places a graph's nodes with dagre, left to right (dependencies before dependents). Pure: the
 * same graph gives the same positions. Positions depend only on names and edges, so a live
 * phase change never moves a node (the page lays out once per plan).
 */
import dagre from '@dagrejs/dagre';
import type { Edge, Node } from '@xyflow/react';

export const NODE_WIDTH = 230;
export const NODE_HEIGHT = 82;

export function layout<N extends Node>(nodes: readonly N[], edges: readonly Edge[]): N[] {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 70, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  return nodes.map((n) => {
    const p = g.node(n.id);
    // dagre gives centres; React Flow wants top-left corners
    return { ...n, position: { x: p.x - NODE_WIDTH / 2, y: p.y - NODE_HEIGHT / 2 } };
  });
}
