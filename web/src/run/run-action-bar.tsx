/**
 * The run's actions in its header (cancel, retry, terminate: those its phase allows), each
 * confirmed in a dialog in the page, terminate with a reason; the API's problem (a 403 for a
 * role that may not) is shown in its words.
 */
import { useEffect, useRef, useState } from 'react';
import type { Run } from '../../../client/index.js';
import { runActionsFor, type RunActionName, type RunActionSpec } from './run-actions.js';

/** Does an action; answers the problem's text when the API refused it. */
export interface Act {
  (action: RunActionName, reason: string): Promise<string | undefined>;
}

function ConfirmDialog({ action, act, onClose }: { action: RunActionSpec; act: Act; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const confirm = async () => {
    setBusy(true);
    const problem = await act(action.name, reason);
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  };
  return (
    <dialog ref={ref} className="confirm-dialog" aria-label={`${action.name} run`} onCancel={onClose}>
      <p>{action.question}</p>
      {action.reason ? <label>Reason <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} /></label> : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
      <div className="actions">
        <button type="button" className={`danger ${action.name}`} disabled={busy} onClick={() => void confirm()}>Yes, {action.name}</button>
        <button type="button" disabled={busy} onClick={onClose}>No</button>
      </div>
    </dialog>
  );
}

export function RunActionBar({ phase, act }: { phase: Run['phase']; act: Act }) {
  const [asking, setAsking] = useState<RunActionSpec | undefined>();
  const actions = runActionsFor(phase);
  if (!actions.length) return null;
  return (
    <span className="run-actions">
      {actions.map((a) => (
        <button key={a.name} type="button" className={a.name} onClick={() => setAsking(a)}>{a.label}</button>
      ))}
      {asking ? <ConfirmDialog key={asking.name} action={asking} act={act} onClose={() => setAsking(undefined)} /> : null}
    </span>
  );
}
