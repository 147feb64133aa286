/**
 * The selected step's panel: phase, attempts, timings, message and reason, what it waits for,
 * a failure's events and log tails, the approval decision, and approve/reject (each confirmed,
 * with a comment) while it awaits approval.
 */
import { useState, type ReactNode } from 'react';
import type { StepStatus } from '../../../client/index.js';
import { useNow } from '../use-now.js';
import { elapsedMs, formatElapsed, shownPhase } from './step-view.js';

export interface Decide {
  (step: string, approved: boolean, comment: string): Promise<string | undefined>;
}

function Decision({ step, decide }: { step: StepStatus; decide: Decide }) {
  const [asking, setAsking] = useState<'approve' | 'reject' | undefined>();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  if (!asking) {
    return (
      <div className="actions">
        <button type="button" className="approve" onClick={() => setAsking('approve')}>Approve…</button>
        <button type="button" className="reject" onClick={() => setAsking('reject')}>Reject…</button>
      </div>
    );
  }
  const confirm = async () => {
    setBusy(true);
    setError(await decide(step.name, asking === 'approve', comment));
    setBusy(false);
    setAsking(undefined);
  };
  return (
    <div className="confirm" role="dialog" aria-label={`${asking} ${step.name}`}>
      <p>{asking === 'approve' ? 'Approve' : 'Reject'} step <b>{step.name}</b>?</p>
      <label>Comment <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} /></label>
      <div className="actions">
        <button type="button" className={asking} disabled={busy} onClick={() => void confirm()}>Yes, {asking}</button>
        <button type="button" disabled={busy} onClick={() => setAsking(undefined)}>No</button>
      </div>
      {error ? <p className="error" role="alert">{error}</p> : null}
    </div>
  );
}

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <dt>{label}</dt>
    <dd>{children}</dd>
  </>
);

export function StepPanel({ step, onClose, decide }: { step: StepStatus; onClose: () => void; decide: Decide }) {
  const look = shownPhase(step);
  const now = useNow(step.phase === 'Running' ? 1000 : undefined);
  return (
    <aside className="panel" aria-label={`step ${step.name}`}>
      <header>
        <h2>{step.name}</h2>
        <button type="button" className="link" onClick={onClose} aria-label="close">✕</button>
      </header>
      <p className={`phase tone-${look.phase}`}><span aria-hidden="true">{look.icon}</span> {look.word}</p>
      {step.phase === 'Running' && step.awaitingApproval ? <Decision step={step} decide={decide} /> : null}
      <dl>
        <Row label="Type">{step.type}</Row>
        {step.components.length ? <Row label="Components">{step.components.join(', ')}</Row> : null}
        {step.dependsOn?.length ? <Row label="After">{step.dependsOn.join(', ')}</Row> : null}
        <Row label="Attempts">{step.attempts}</Row>
        {step.startedAt ? <Row label="Started">{new Date(step.startedAt).toLocaleString()}</Row> : null}
        {step.finishedAt ? <Row label="Finished">{new Date(step.finishedAt).toLocaleString()}</Row> : null}
        {step.startedAt ? <Row label="Elapsed">{formatElapsed(elapsedMs(step, now))}</Row> : null}
        {step.message ? <Row label="Message"><span className="message">{step.message}</span></Row> : null}
        {step.reason ? <Row label="Reason">{step.reason}</Row> : null}
        {step.skipped ? <Row label="Skipped">{step.skipped === 'condition' ? 'its condition did not hold' : 'a step before it did not succeed'}</Row> : null}
        {step.decision ? <Row label="Decision">{step.decision.approved ? 'approved' : 'rejected'} by {step.decision.by}{step.decision.comment ? `: ${step.decision.comment}` : ''}</Row> : null}
      </dl>
      {step.waiting?.length ? (
        <section>
          <h3>Waits for</h3>
          <ul>
            {step.waiting.map((w, i) => (
              <li key={`${w.target ?? ''}${i}`}>{w.target}: {w.ready ?? 0}/{w.desired ?? 0} {w.state}{w.waitingForCapacity ? ' (waiting for capacity)' : ''}{w.message ? ` — ${w.message}` : ''}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {step.events?.length ? (
        <section>
          <h3>Events</h3>
          <ul>{step.events.map((e, i) => <li key={i}>{e}</li>)}</ul>
        </section>
      ) : null}
      {step.logs?.length ? (
        <section>
          <h3>Logs</h3>
          {step.logs.map((l) => (
            <div key={`${l.pod}/${l.container}`}>
              <p className="muted">{l.pod}/{l.container}</p>
              <pre>{l.tail}</pre>
            </div>
          ))}
        </section>
      ) : null}
    </aside>
  );
}
