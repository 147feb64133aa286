/** Asks for the API's bearer token (kept in this browser's localStorage); empty clears it. */
import { useState, type FormEvent } from 'react';

export function TokenForm({ current, onSave, onCancel }: { current: string | undefined; onSave: (token: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(current ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(text.trim());
  };
  return (
    <form className="token-form" onSubmit={submit}>
      <label>
        API token <input type="password" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" placeholder="a token from KUBEMIN_API_TOKENS" />
      </label>
      <button type="submit">Save</button>
      <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}
