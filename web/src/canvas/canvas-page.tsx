/**
 * The application canvas (/apps/new): components as nodes, dependsOn as edges (drawn from the
 * dependency to the dependent), a palette of the registry's component types, the selected
 * component's form, import and export, live validation with each error on its node and field,
 * and Diff and Deploy. The spec lives in the pure model (model.ts); this page holds it and the
 * node positions, and turns React Flow's events into model edits.
 */
import { Background, Controls, ReactFlow, useReactFlow, type Connection, type EdgeChange, type NodeChange, type XYPosition } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import { useEffect, useMemo, useState } from 'react';
import type { Application, DiffResult } from '../../../client/index.js';
import { problemText, type Api } from '../api.js';
import { navigate } from '../router.js';
import { layout, NODE_HEIGHT } from '../run/layout.js';
import { canvasGraph, type ComponentNode as ComponentNodeType } from './canvas-graph.js';
import { ComponentForm } from './component-form.js';
import { ComponentNode } from './component-node.js';
import { DiffView } from './diff-view.js';
import { placeErrors, type SpecError } from './error-places.js';
import { addComponent, componentByKey, connect, connectRefusal, disconnect, emptyModel, explicitSteps, hasExplicitWorkflow, modelFromText, removeComponent, specOf, toJson, toYaml, updateApp, updateComponent, type CanvasModel } from './model.js';
import { ProblemList, ValidationStatus } from './problem-list.js';
import { download, SpecImport } from './spec-import.js';
import { useRegistry } from './use-registry.js';
import { useValidation, type Validation } from './use-validation.js';

const NODE_TYPES = { component: ComponentNode };

const NO_ERRORS: readonly SpecError[] = [];

type Side = { kind: 'form' } | { kind: 'import' } | { kind: 'diff'; diff: DiffResult };

/** Fits the graph to the pane whenever `when` changes (an import). */
function FitOn({ when }: { when: number }) {
  const flow = useReactFlow();
  useEffect(() => {
    const t = setTimeout(() => void flow.fitView({ duration: 150, maxZoom: 1.2 }), 50);
    return () => clearTimeout(t);
  }, [when, flow]);
  return null;
}

/** With nothing selected: the components and the workflow, generated or explicit. */
function Overview({ model, validation, onGenerate }: { model: CanvasModel; validation: Validation; onGenerate: () => void }) {
  const steps = explicitSteps(model);
  const n = model.components.length;
  return (
    <section className="overview" aria-label="workflow">
      <p className="muted">Select a component to edit it, or add one from the palette. {n} component{n === 1 ? '' : 's'}.</p>
      <h3>Workflow</h3>
      {steps.length ? (
        <>
          <p>Explicit steps, kept as imported (edit them in the YAML):</p>
          <ol className="steps">{steps.map((s, i) => <li key={i}>{s}</li>)}</ol>
          <button type="button" onClick={onGenerate}>Use the generated workflow instead</button>
        </>
      ) : (
        <p>Generated: a deploy step per component, after the components it depends on{validation.state === 'valid' ? ` (${validation.steps} step${validation.steps === 1 ? '' : 's'})` : ''}.</p>
      )}
    </section>
  );
}

const positionsOf = (model: CanvasModel): Map<string, XYPosition> => {
  const g = canvasGraph(model);
  return new Map(layout(g.nodes, g.edges).map((n) => [n.id, n.position]));
};

/** Below every node, at the left: where a node from the palette goes. */
const freeSpot = (positions: ReadonlyMap<string, XYPosition>): XYPosition => ({ x: 16, y: Math.max(-NODE_HEIGHT, ...[...positions.values()].map((p) => p.y)) + NODE_HEIGHT + 30 });

export function CanvasPage({ api, onUnauthorized }: { api: Api; onUnauthorized: () => void }) {
  const [model, setModel] = useState<CanvasModel>(emptyModel);
  const [positions, setPositions] = useState<Map<string, XYPosition>>(() => new Map());
  const [selected, setSelected] = useState<string>();
  const [selectedEdge, setSelectedEdge] = useState<string>();
  const [side, setSide] = useState<Side>({ kind: 'import' });
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState<'diff' | 'deploy'>();
  const [fits, setFits] = useState(0);
  const types = useRegistry(api);
  const spec = useMemo(() => specOf(model), [model]);
  const validation = useValidation(api, spec);
  const errors = validation.state === 'invalid' ? validation.errors : NO_ERRORS;
  const placed = useMemo(() => placeErrors(model, errors), [model, errors]);
  const graph = useMemo(() => {
    const g = canvasGraph(model, { errors: placed, ...(selected ? { selected } : {}), positions });
    return { nodes: g.nodes, edges: g.edges.map((e) => ({ ...e, selected: e.id === selectedEdge })) };
  }, [model, placed, selected, selectedEdge, positions]);
  const unauthorized = types.unauthorized || (validation.state === 'failed' && validation.status === 401);
  useEffect(() => {
    if (unauthorized) onUnauthorized();
  }, [unauthorized, onUnauthorized]);

  const importText = (text: string): string | undefined => {
    try {
      const next = modelFromText(text);
      setModel(next);
      setPositions(positionsOf(next));
      setSelected(undefined);
      setSide({ kind: 'form' });
      setFits((n) => n + 1);
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  };
  const add = (type: string) => {
    const { model: next, key } = addComponent(model, type);
    setModel(next);
    setPositions((p) => new Map(p).set(key, freeSpot(p)));
    setSelected(key);
    setSide({ kind: 'form' });
  };
  const onConnect = (c: Connection) => {
    const refusal = connectRefusal(model, c.source, c.target);
    setNotice(refusal);
    if (!refusal) setModel((m) => connect(m, c.source, c.target));
  };
  const onNodesChange = (changes: NodeChange<ComponentNodeType>[]) => {
    for (const ch of changes) {
      if (ch.type === 'position' && ch.position) {
        const at = ch.position;
        setPositions((p) => new Map(p).set(ch.id, at));
      } else if (ch.type === 'remove') {
        setModel((m) => removeComponent(m, ch.id));
        setSelected((s) => (s === ch.id ? undefined : s));
      }
    }
  };
  const onEdgesChange = (changes: EdgeChange[]) => {
    for (const ch of changes) {
      if (ch.type === 'select') setSelectedEdge((s) => (ch.selected ? ch.id : s === ch.id ? undefined : s));
      if (ch.type !== 'remove') continue;
      const edge = graph.edges.find((e) => e.id === ch.id);
      if (edge) setModel((m) => disconnect(m, edge.source, edge.target));
    }
  };
  const send = async (what: 'diff' | 'deploy') => {
    setBusy(what);
    setNotice(undefined);
    try {
      const body = spec as unknown as Application;
      if (what === 'diff') {
        const { data, error, response } = await api.client.POST('/v1/diff', { body });
        if (data) setSide({ kind: 'diff', diff: data });
        else setNotice(`Diff: ${problemText(response.status, error)}`);
      } else {
        const { data, error, response } = await api.client.POST('/v1/runs', { body });
        if (data) return navigate(`/runs/${encodeURIComponent(data.id)}`);
        setNotice(`Deploy: ${problemText(response.status, error)}`);
      }
    } catch (e) {
      setNotice(`${what === 'diff' ? 'Diff' : 'Deploy'}: ${problemText(undefined, e)}`);
    } finally {
      setBusy(undefined);
    }
  };

  const current = selected ? componentByKey(model, selected) : undefined;
  const edge = graph.edges.find((e) => e.id === selectedEdge);
  const appError = (field: string) => placed.app.get(field)?.map((e) => e.message).join('; ');
  const appField = (field: 'name' | 'namespace') => (
    <label className={`field inline${appError(field) ? ' invalid' : ''}`} data-field={field}>
      <span className="field-label">{field === 'name' ? 'application' : 'namespace'}</span>
      <input name={`app-${field}`} value={typeof model.app[field] === 'string' ? model.app[field] : ''} onChange={(e) => setModel((m) => updateApp(m, field, e.target.value === '' ? undefined : e.target.value))} />
      {appError(field) ? <span className="field-error">{appError(field)}</span> : null}
    </label>
  );
  const ready = validation.state === 'valid' && !busy;
  const fileBase = typeof model.app.name === 'string' && model.app.name ? model.app.name : 'application';
  return (
    <main className="canvas-page">
      <header className="canvas-head">
        {appField('name')}
        {appField('namespace')}
        <span className="workflow-mode muted" data-workflow={hasExplicitWorkflow(model) ? 'explicit' : 'generated'}>
          workflow: {hasExplicitWorkflow(model) ? 'explicit steps (kept as imported)' : 'generated from dependsOn'}
        </span>
        <ValidationStatus validation={validation} />
        <span className="canvas-actions">
          <button type="button" onClick={() => setSide({ kind: 'import' })}>Import…</button>
          <button type="button" onClick={() => download(`${fileBase}.yaml`, toYaml(model), 'application/yaml')}>Export YAML</button>
          <button type="button" onClick={() => download(`${fileBase}.json`, toJson(model), 'application/json')}>Export JSON</button>
          <button type="button" disabled={!ready} onClick={() => void send('diff')}>{busy === 'diff' ? 'Diffing…' : 'Diff'}</button>
          <button type="button" className="approve" disabled={!ready} onClick={() => void send('deploy')}>{busy === 'deploy' ? 'Deploying…' : 'Deploy'}</button>
        </span>
      </header>
      {notice ? <div className="banner" role="alert">{notice}</div> : null}
      <div className="canvas-body">
        <aside className="palette" aria-label="component types">
          <h3>Add a component</h3>
          {types.error ? <p className="error">{types.error}</p> : null}
          {types.types.map((t) => (
            <button key={t.name} type="button" data-type={t.name} title={t.description} onClick={() => add(t.name)}>+ {t.name}</button>
          ))}
          <p className="muted hint">Draw an edge from a component's right handle (the dependency) to another's left handle (the dependent): the dependent is deployed after it. Select an edge or node and press Backspace to delete it.</p>
        </aside>
        <div className="graph">
          <ReactFlow
            colorMode="system"
            nodes={graph.nodes}
            edges={graph.edges}
            nodeTypes={NODE_TYPES}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onNodeClick={(_, n) => { setSelected(n.id); setSelectedEdge(undefined); setSide({ kind: 'form' }); }}
            onEdgeClick={(_, e) => { setSelectedEdge(e.id); setSelected(undefined); }}
            onPaneClick={() => { setSelected(undefined); setSelectedEdge(undefined); }}
            fitView
            minZoom={0.1}
          >
            <Background />
            <Controls showInteractive={false} />
            <FitOn when={fits} />
          </ReactFlow>
        </div>
        <aside className="panel canvas-side">
          {side.kind === 'import' ? <SpecImport onImport={importText} onClose={() => setSide({ kind: 'form' })} /> : null}
          {side.kind === 'diff' ? <DiffView diff={side.diff} onClose={() => setSide({ kind: 'form' })} /> : null}
          {side.kind === 'form' && current ? (
            <ComponentForm key={current.key} spec={current.spec} errors={placed.components.get(current.key)} types={types.types} traits={types.traits} onChange={(patch) => setModel((m) => updateComponent(m, current.key, patch))} onRemove={() => { setModel((m) => removeComponent(m, current.key)); setSelected(undefined); }} />
          ) : null}
          {side.kind === 'form' && !current && edge ? (
            <section className="edge-info" aria-label="dependency">
              <p>{componentByKey(model, edge.target)?.spec.name} depends on {componentByKey(model, edge.source)?.spec.name}</p>
              <button type="button" className="reject" onClick={() => { setModel((m) => disconnect(m, edge.source, edge.target)); setSelectedEdge(undefined); }}>Remove dependency</button>
            </section>
          ) : null}
          {side.kind === 'form' && !current && !edge ? <Overview model={model} validation={validation} onGenerate={() => setModel((m) => updateApp(m, 'workflow', undefined))} /> : null}
          <ProblemList model={model} errors={errors} onSelect={(key) => { setSelected(key); setSide({ kind: 'form' }); }} />
        </aside>
      </div>
    </main>
  );
}
