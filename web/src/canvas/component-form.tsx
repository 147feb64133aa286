/**
 * The selected component's form: its core fields (name, type, image, replicas, port), its
 * dependencies, and its properties and traits as JSON. Each field shows the API's errors for
 * its JSON path. A JSON field that does not parse keeps its text and changes nothing.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { FieldErrors, SpecError } from './error-places.js';
import { dependsOnOf, type ComponentSpec } from './model.js';
import { traitsFor, type ComponentTypeInfo, type TraitInfo } from './registry-view.js';

export interface ComponentFormProps {
  spec: ComponentSpec;
  errors: FieldErrors | undefined;
  types: readonly ComponentTypeInfo[];
  traits: readonly TraitInfo[];
  onChange: (patch: Record<string, unknown>) => void;
  onRemove: () => void;
}

function FieldMessages({ errors }: { errors: readonly SpecError[] | undefined }) {
  if (!errors?.length) return null;
  return <>{errors.map((e, i) => <div key={i} className="field-error">{e.message}{e.hint ? <span className="muted"> ({e.hint})</span> : null}</div>)}</>;
}

function Field({ name, label, errors, children }: { name: string; label: string; errors: FieldErrors | undefined; children: ReactNode }) {
  const mine = errors?.get(name);
  return (
    <label className={`field${mine?.length ? ' invalid' : ''}`} data-field={name}>
      <span className="field-label">{label}</span>
      {children}
      <FieldMessages errors={mine} />
    </label>
  );
}

const textOf = (v: unknown): string => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
/** An empty number field removes the field; anything else is sent as the number it reads as. */
const numberOf = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

/** A JSON object field (properties, traits) edited as text; `{}` and empty remove the field. */
function JsonField({ name, value, errors, onChange }: { name: string; value: unknown; errors: FieldErrors | undefined; onChange: (v: unknown) => void }) {
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [problem, setProblem] = useState<string>();
  // a change from elsewhere (a trait added from the list) shows here, unless the text already says it
  const shown = JSON.stringify(value);
  useEffect(() => {
    setText((t) => {
      try {
        if (JSON.stringify(t.trim() === '' ? undefined : JSON.parse(t)) === shown) return t;
      } catch {
        // text that is not JSON yet is replaced only by a change from elsewhere
      }
      return shown === undefined ? '' : JSON.stringify(JSON.parse(shown), null, 2);
    });
  }, [shown]);
  const edit = (next: string) => {
    setText(next);
    if (next.trim() === '') {
      setProblem(undefined);
      return onChange(undefined);
    }
    try {
      const parsed: unknown = JSON.parse(next);
      setProblem(undefined);
      onChange(parsed);
    } catch (e) {
      setProblem(`not JSON yet: ${(e as Error).message}`);
    }
  };
  return (
    <Field name={name} label={`${name} (JSON)`} errors={errors}>
      <textarea name={name} rows={5} spellCheck={false} value={text} onChange={(e) => edit(e.target.value)} />
      {problem ? <div className="field-error">{problem}</div> : null}
    </Field>
  );
}

/** The traits the type takes: each adds itself to `traits` as `{}` (its schema then says what it needs). */
function TraitChoices({ spec, types, traits, onChange }: Pick<ComponentFormProps, 'spec' | 'types' | 'traits' | 'onChange'>) {
  const current = spec.traits !== null && typeof spec.traits === 'object' && !Array.isArray(spec.traits) ? (spec.traits as Record<string, unknown>) : {};
  const offered = traitsFor(types, traits, spec.type).filter((t) => !(t.name in current));
  if (offered.length === 0) return null;
  return (
    <div className="trait-choices">
      <span className="field-label">add a trait</span>
      {offered.map((t) => <button key={t.name} type="button" data-trait={t.name} title={t.description} onClick={() => onChange({ traits: { ...current, [t.name]: {} } })}>+ {t.name}</button>)}
    </div>
  );
}

export function ComponentForm({ spec, errors, types, traits, onChange, onRemove }: ComponentFormProps) {
  const typeNames = types.some((t) => t.name === spec.type) ? types.map((t) => t.name) : [spec.type, ...types.map((t) => t.name)];
  const deps = dependsOnOf(spec);
  return (
    <form className="component-form" aria-label={`component ${spec.name}`} onSubmit={(e) => e.preventDefault()}>
      <header>
        <h2>{spec.name || '(no name)'}</h2>
        <button type="button" className="reject" onClick={onRemove}>Remove</button>
      </header>
      <FieldMessages errors={errors?.get('')} />
      <Field name="name" label="name" errors={errors}>
        <input name="name" value={textOf(spec.name)} onChange={(e) => onChange({ name: e.target.value })} />
      </Field>
      <Field name="type" label="type" errors={errors}>
        <select name="type" value={spec.type} onChange={(e) => onChange({ type: e.target.value })}>
          {typeNames.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </Field>
      <Field name="image" label="image" errors={errors}>
        <input name="image" value={textOf(spec.image)} placeholder="e.g. nginx:1.27" onChange={(e) => onChange({ image: e.target.value === '' ? undefined : e.target.value })} />
      </Field>
      <Field name="replicas" label="replicas" errors={errors}>
        <input name="replicas" type="number" min={0} value={textOf(spec.replicas)} onChange={(e) => onChange({ replicas: numberOf(e.target.value) })} />
      </Field>
      <Field name="port" label="port" errors={errors}>
        <input name="port" type="number" min={1} max={65535} value={textOf(spec.port)} onChange={(e) => onChange({ port: numberOf(e.target.value) })} />
      </Field>
      <Field name="dependsOn" label="depends on" errors={errors}>
        <span className="muted">{deps.length ? deps.join(', ') : 'nothing (draw an edge into this node to add one)'}</span>
      </Field>
      <JsonField name="properties" value={spec.properties} errors={errors} onChange={(v) => onChange({ properties: v })} />
      <JsonField name="traits" value={spec.traits} errors={errors} onChange={(v) => onChange({ traits: v })} />
      <TraitChoices spec={spec} types={types} traits={traits} onChange={onChange} />
    </form>
  );
}
