/**
 * The registries page: what a spec may name — component types, traits and step types (plugins
 * included) — each with its description, its fields, and its whole JSON Schema folded away.
 */
import { useEffect } from 'react';
import type { Api } from '../api.js';
import type { RegistryEntry } from './registry-view.js';
import { useRegistries } from './use-registries.js';

function Entry({ entry }: { entry: RegistryEntry }) {
  return (
    <article className="registry-entry" data-kind={entry.kind} data-name={entry.name}>
      <h3><code>{entry.name}</code>{entry.facts.map((f) => <span key={f} className="tag">{f}</span>)}</h3>
      {entry.description ? <p>{entry.description}</p> : null}
      <p className="muted takes">takes {entry.takes}</p>
      {entry.fields.length ? (
        <table className="fields">
          <tbody>
            {entry.fields.map((f) => (
              <tr key={f.name}>
                <td><code>{f.name}</code>{f.required ? <span className="required" title="required">*</span> : null}</td>
                <td className="muted">{f.type}</td>
                <td>{f.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <details>
        <summary>JSON Schema</summary>
        <pre className="schema">{JSON.stringify(entry.schema, null, 2)}</pre>
      </details>
    </article>
  );
}

function Section({ title, id, entries }: { title: string; id: string; entries: RegistryEntry[] | undefined }) {
  return (
    <section className="registry" id={id} aria-label={title}>
      <h2>{title} <span className="muted">({entries?.length ?? 0})</span></h2>
      {entries?.map((e) => <Entry key={e.name} entry={e} />)}
    </section>
  );
}

export function RegistriesPage({ api, onUnauthorized }: { api: Api; onUnauthorized: () => void }) {
  const view = useRegistries(api);
  useEffect(() => {
    if (view.unauthorized) onUnauthorized();
  }, [view.unauthorized, onUnauthorized]);
  if (!view.componentTypes) return <main className="page"><p className={view.error ? 'error' : 'muted'}>{view.error ?? 'Loading the registries…'}</p></main>;
  return (
    <main className="page registries">
      <h1>Registries</h1>
      <nav className="muted"><a href="#component-types">Component types</a> · <a href="#traits">Traits</a> · <a href="#step-types">Step types</a></nav>
      <Section title="Component types" id="component-types" entries={view.componentTypes} />
      <Section title="Traits" id="traits" entries={view.traits} />
      <Section title="Step types" id="step-types" entries={view.stepTypes} />
    </main>
  );
}
