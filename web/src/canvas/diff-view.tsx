/** What a deploy would change (POST /v1/diff's answer): the counts, then each object and its changed fields. */
import type { DiffResult } from '../../../client/index.js';

const short = (v: unknown): string => (v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));

export function DiffView({ diff, onClose }: { diff: DiffResult; onClose: () => void }) {
  const { summary } = diff;
  const changed = diff.changes.filter((c) => c.action !== 'unchanged');
  return (
    <section className="diff-view" aria-label="diff">
      <header>
        <h2>Diff of {diff.namespace}/{diff.application}</h2>
        <button type="button" className="link" onClick={onClose}>close</button>
      </header>
      <p className="diff-summary">{summary.create} to create, {summary.change} to change, {summary.prune} to prune, {summary.unchanged} unchanged</p>
      {changed.length === 0 ? <p className="muted">Nothing would change.</p> : null}
      <ul className="diff-changes">
        {changed.map((c) => (
          <li key={`${c.kind}/${c.namespace ?? ''}/${c.name}`} data-action={c.action}>
            <span className={`diff-action action-${c.action}`}>{c.action}</span> {c.kind} <strong>{c.name}</strong>
            {c.note ? <span className="muted"> — {c.note}</span> : null}
            {c.fields?.length ? (
              <ul>
                {c.fields.map((f) => <li key={f.path}><code>{f.path}</code>: {short(f.from)} → {short(f.to)}</li>)}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
