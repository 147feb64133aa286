/** Every error of the spec as the API named it, each leading to its node when it has one. */
import type { SpecError } from './error-places.js';
import { placeOf } from './error-places.js';
import type { CanvasModel } from './model.js';
import type { Validation } from './use-validation.js';

export function ValidationStatus({ validation }: { validation: Validation }) {
  if (validation.state === 'checking') return <span className="validity muted" data-validity="checking">checking…</span>;
  if (validation.state === 'valid') return <span className="validity tone-succeeded" data-validity="valid" title={`revision ${validation.revision}`}>valid · {validation.steps} step{validation.steps === 1 ? '' : 's'} · revision {validation.revision}</span>;
  if (validation.state === 'invalid') return <span className="validity tone-failed" data-validity="invalid">{validation.errors.length} error{validation.errors.length === 1 ? '' : 's'}</span>;
  return <span className="validity tone-capacity" data-validity="failed" title={validation.detail}>not checked: {validation.detail}</span>;
}

export function ProblemList({ model, errors, onSelect }: { model: CanvasModel; errors: readonly SpecError[]; onSelect: (key: string) => void }) {
  if (errors.length === 0) return null;
  return (
    <section className="problems" aria-label="problems">
      <h3>Problems</h3>
      <ul>
        {errors.map((e, i) => {
          const place = placeOf(e.path);
          const c = place.kind === 'component' ? model.components[place.index] : undefined;
          return (
            <li key={i} data-path={e.path}>
              {c ? <button type="button" className="link" onClick={() => onSelect(c.key)}>{c.spec.name || `component ${place.kind === 'component' ? place.index + 1 : ''}`}</button> : null}
              <code>{e.path}</code>: {e.message}
              {e.hint ? <span className="muted"> ({e.hint})</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
