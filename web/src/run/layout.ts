/**
 * Places a graph's nodes with dagre, left to right (dependencies before dependents). Pure: the
 * same graph gives the same positions. Positions depend only on names and edges, so a live
 * phase change never moves a node (the page lays out once per plan).
 */
import dagre from '@dagrejs/dagre';
import type { Edge, Node } from '@xyflow/react';

export const NODE_WIDTH = 230;
export const NODE_HEIGHT = 82;

/**
 * Above these sizes dagre's defaults cost too much (measured in Node on this machine, a plan 10
 * steps wide: 500 steps 3.6 s, 1,000 steps 20 s with network-simplex ranking; 0.4 s and 1.0 s
 * with longest-path ranking and no extra ordering pass). Small plans keep the tighter layout.
 */
const FAST_RANKING_FROM = 150;
const FAST_ORDERING_FROM = 300;

export function layout<N extends Node>(nodes: readonly N[], edges: readonly Edge[]): N[] {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 70, marginx: 16, marginy: 16, ...(nodes.length >= FAST_RANKING_FROM ? { ranker: 'longest-path' } : {}) });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of edges) g.setEdge(e.source, e.target);
  dagre.layout(g, { disableOptimalOrderHeuristic: nodes.length >= FAST_ORDERING_FROM });
  return nodes.map((n) => {
    const p = g.node(n.id);
    // dagre gives centres; React Flow wants top-left corners
    return { ...n, position: { x: p.x - NODE_WIDTH / 2, y: p.y - NODE_HEIGHT / 2 } };
  });
}
