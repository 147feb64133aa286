/**
 * One component drawn as a node: its type's badge, name, image and replicas, and its errors.
 * The left handle takes dependencies (edges in), the right one gives them (edges out).
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { ComponentNode as ComponentNodeType } from './canvas-graph.js';
import { componentLook } from './component-look.js';
import { errorCount } from './error-places.js';

export function ComponentNode({ data, selected }: NodeProps<ComponentNodeType>) {
  const { spec, errors } = data;
  const look = componentLook(spec.type);
  const count = errorCount(errors);
  const messages = [...(errors?.entries() ?? [])].flatMap(([field, list]) => list.map((e) => `${field ? `${field}: ` : ''}${e.message}`));
  const detail = [typeof spec.image === 'string' ? spec.image : undefined, typeof spec.replicas === 'number' ? `×${spec.replicas}` : undefined].filter(Boolean).join(' ');
  return (
    <div className={`component-node${selected ? ' selected' : ''}${count ? ' has-errors' : ''}`} data-component={spec.name} data-errors={count}>
      <Handle type="target" position={Position.Left} title="dependencies come in here" />
      <div className="component-head">
        <span className={`badge type-${spec.type}`} title={look.word}>{look.badge}</span>
        <span className="component-name" title={spec.name}>{spec.name || '(no name)'}</span>
      </div>
      <div className="component-detail">{detail || look.word}</div>
      {count ? (
        <div className="node-errors" title={messages.join('\n')}>
          {count} error{count === 1 ? '' : 's'}: {messages[0]}
        </div>
      ) : null}
      <Handle type="source" position={Position.Right} title="drag to a component that depends on this one" />
    </div>
  );
}
