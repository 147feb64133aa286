/**
 * A run: its plan as a graph (steps as nodes, dependsOn as edges, laid out by dagre), live from
 * its event stream (use-run.ts), a banner while the stream is disconnected, and the selected
 * step's panel, and the run's actions (cancel, retry, terminate). `?step=name` selects a step,
 * so a step is a link.
 */
import { Background, Controls, ReactFlow, useReactFlow, useStore, type NodeMouseHandler } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo } from 'react';
import { problemText, type Api } from '../api.js';
import { navigate, withQuery } from '../router.js';
import { layout } from './layout.js';
import { RunActionBar, type Act } from './run-action-bar.js';
import type { RunActionName } from './run-actions.js';
import { GroupNode } from './group-node.js';
import { isStepNode, planGraph, type PlanNode } from './plan-graph.js';
import { StepNode } from './step-node.js';
import { StepPanel, type Decide } from './step-panel.js';
import { runPhaseLook } from './step-view.js';
import { useRun } from './use-run.js';

const NODE_TYPES = { step: StepNode, stepGroup: GroupNode };

/** Each run action's request; retry answers the new run, which the page then opens. */
function runActionCalls(api: Api, id: string) {
  const path = { params: { path: { id } } };
  return {
    cancel: () => api.client.POST('/v1/runs/{id}/cancel', path),
    retry: () => api.client.POST('/v1/runs/{id}/retry', path),
    terminate: (reason: string) => api.client.POST('/v1/runs/{id}/terminate', { ...path, body: reason ? { reason } : {} }),
  } satisfies { [K in RunActionName]: (reason: string) => Promise<{ error?: unknown; response: Response }> };
}

function ConnectionBanner({ state }: { state: ReturnType<typeof useRun>['connection'] }) {
  if (state.state === 'refused') return <div className="banner" role="alert">live updates stopped: {state.reason} (reload to try again)</div>;
  if (state.state !== 'reconnecting') return null;
  return (
    <div className="banner" role="status" title={state.reason}>
      disconnected — reconnecting{state.attempt > 1 ? ` (attempt ${state.attempt})` : ''}…
    </div>
  );
}

/** Fits the graph to its pane again when the pane's width changes (the panel opens or closes). */
function FitToWidth() {
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  useEffect(() => {
    void flow.fitView({ duration: 150 });
  }, [width, flow]);
  return null;
}

export function RunPage({ api, id, selected, onUnauthorized }: { api: Api; id: string; selected: string | undefined; onUnauthorized: () => void }) {
  const view = useRun(api, id);
  const { run } = view;
  const steps = useMemo(() => run?.steps ?? [], [run?.steps]);
  // the layout depends on the plan's shape only: a phase change never moves a node
  const shape = steps.map((s) => `${s.group ?? ''}/${s.name}<${(s.dependsOn ?? []).join(',')}`).join(';');
  const placed = useMemo(() => {
    const g = planGraph(steps);
    return new Map(layout(g.nodes, g.edges).map((n) => [n.id, n]));
  }, [shape]);
  const graph = useMemo(() => {
    const g = planGraph(steps, selected);
    const nodes = g.nodes.map((n): PlanNode => {
      const p = placed.get(n.id);
      return p ? { ...n, position: p.position, ...(p.width ? { width: p.width, height: p.height, style: p.style } : {}) } as PlanNode : n;
    });
    return { nodes, edges: g.edges };
  }, [steps, selected, placed]);
  useEffect(() => {
    if (view.error?.startsWith('401')) onUnauthorized();
  }, [view.error, onUnauthorized]);

  const select = (step: string | undefined) => navigate(withQuery(`/runs/${encodeURIComponent(id)}`, { step }), true);
  const onNodeClick: NodeMouseHandler<PlanNode> = useCallback((_, node) => {
    if (isStepNode(node)) select(node.id);
  }, [id]);
  const decide: Decide = async (step, approved, comment) => {
    const path = approved ? '/v1/runs/{id}/approve' : '/v1/runs/{id}/reject';
    const { error, response } = await api.client.POST(path, { params: { path: { id } }, body: { step, ...(comment ? { comment } : {}) } });
    view.refresh();
    return error ? problemText(response.status, error) : undefined;
  };

  const act: Act = async (action, reason) => {
    const calls = runActionCalls(api, id);
    const { data, error, response } = await calls[action](reason);
    view.refresh();
    if (error) return problemText(response.status, error);
    if (data && 'retryOf' in data) navigate(`/runs/${encodeURIComponent(data.id)}`);
    return undefined;
  };

  if (!run) return <main className="page"><p className={view.error ? 'error' : 'muted'}>{view.error ?? `Loading ${id}…`}</p></main>;
  const look = runPhaseLook(run.phase);
  const step = steps.find((s) => s.name === selected);
  return (
    <main className="run-page">
      <header className="run-head">
        <h1>{run.application ?? id}<span className="muted"> / {run.namespace}</span></h1>
        <span className={`phase tone-${look.phase}`} data-run-phase={run.phase}><span aria-hidden="true">{look.icon}</span> {look.word}</span>
        <code className="muted">{id}</code>
        <RunActionBar phase={run.phase} act={act} />
        <a href={run.links.temporalUi} target="_blank" rel="noreferrer">Temporal Web UI ↗</a>
        {run.message ? <span className="message">{run.message}</span> : null}
      </header>
      <ConnectionBanner state={view.connection} />
      <div className="run-body">
        <div className="graph">
          <ReactFlow colorMode="system" nodes={graph.nodes} edges={graph.edges} nodeTypes={NODE_TYPES} onNodeClick={onNodeClick} onPaneClick={() => select(undefined)} nodesDraggable={false} nodesConnectable={false} fitView minZoom={0.1} onlyRenderVisibleElements={graph.nodes.length > 300}>
            <Background />
            <Controls showInteractive={false} />
            <FitToWidth />
          </ReactFlow>
        </div>
        {step ? <StepPanel step={step} onClose={() => select(undefined)} decide={decide} /> : null}
      </div>
    </main>
  );
}
