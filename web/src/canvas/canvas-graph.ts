/**
 * The canvas as data: a pure function turns the model (and its placed errors, the selection and
 * the node positions) into React Flow nodes and edges. An edge runs from the dependency
 * (source) to the dependent (target), as in a run's graph. Components only draw.
 */
import type { Edge, Node, XYPosition } from '@xyflow/react';
import { type FieldErrors, type PlacedErrors } from './error-places.js';
import { dependsOnOf, type CanvasModel, type ComponentSpec } from './model.js';

export interface ComponentNodeData extends Record<string, unknown> {
  spec: ComponentSpec;
  errors: FieldErrors | undefined;
}

export type ComponentNode = Node<ComponentNodeData, 'component'>;

export const edgeId = (source: string, target: string): string => `${source}->${target}`;

/** The nodes (one per component) and edges (one per dependsOn naming a component on the canvas). */
export function canvasGraph(model: CanvasModel, o: { errors?: PlacedErrors; selected?: string; positions?: ReadonlyMap<string, XYPosition> } = {}): { nodes: ComponentNode[]; edges: Edge[] } {
  const keyByName = new Map<string, string>();
  for (const c of model.components) if (!keyByName.has(c.spec.name)) keyByName.set(c.spec.name, c.key);
  const nodes: ComponentNode[] = model.components.map((c) => ({
    id: c.key,
    type: 'component',
    position: o.positions?.get(c.key) ?? { x: 0, y: 0 },
    selected: c.key === o.selected,
    data: { spec: c.spec, errors: o.errors?.components.get(c.key) },
  }));
  const edges: Edge[] = model.components.flatMap((c) =>
    dependsOnOf(c.spec).flatMap((d) => {
      const source = keyByName.get(d);
      return source === undefined ? [] : [{ id: edgeId(source, c.key), source, target: c.key }];
    }),
  );
  return { nodes, edges };
}
