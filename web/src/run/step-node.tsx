/** One step drawn as a node: name, type, its phase (icon, word, colour), ready/desired, elapsed. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useNow } from '../use-now.js';
import type { StepNode as StepNodeType } from './plan-graph.js';
import { elapsedMs, formatElapsed, readyOfDesired } from './step-view.js';

export function StepNode({ data, selected }: NodeProps<StepNodeType>) {
  const { step, look } = data;
  const now = useNow(step.phase === 'Running' ? 1000 : undefined);
  const counts = readyOfDesired(step);
  return (
    <div className={`step-node tone-${look.phase}${selected ? ' selected' : ''}`} data-step={step.name} data-phase={look.word}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="step-name" title={step.name}>{step.name}</div>
      <div className="step-type">{step.type}{step.components.length ? ` · ${step.components.join(', ')}` : ''}</div>
      <div className="step-line">
        <span className="step-phase"><span className="icon" aria-hidden="true">{look.icon}</span> {look.word}</span>
        {counts ? <span className="step-counts" title="ready/desired">{counts}</span> : null}
        <span className="step-elapsed">{formatElapsed(elapsedMs(step, now))}</span>
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}
