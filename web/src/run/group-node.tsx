/** A workflow group drawn as a box around its steps (they are its children), named at its top. */
import type { NodeProps } from '@xyflow/react';
import type { GroupNode as GroupNodeType } from './plan-graph.js';

export function GroupNode({ data }: NodeProps<GroupNodeType>) {
  return (
    <div className="group-node" data-group={data.name} aria-label={`group ${data.name}`}>
      <span className="group-name">{data.name}</span>
    </div>
  );
}
