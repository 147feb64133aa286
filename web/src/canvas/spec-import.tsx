/** Import: a spec pasted (YAML or JSON) or read from a file; and export as a download. */
import { useState } from 'react';

/** Offers `text` as a file download named `file`. */
export function download(file: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** The import box: `onImport` answers an error to show, or undefined when the spec opened. */
export function SpecImport({ onImport, onClose }: { onImport: (text: string) => string | undefined; onClose: () => void }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const open = (t: string) => setProblem(onImport(t));
  return (
    <section className="spec-import" aria-label="import a spec">
      <header>
        <h2>Import a spec</h2>
        <button type="button" className="link" onClick={onClose}>close</button>
      </header>
      <p className="muted">Paste YAML or JSON (e.g. from <code>kubemin init</code> or <code>kubemin export</code>), or pick a file. It replaces the canvas.</p>
      <textarea name="spec-text" rows={14} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} placeholder={'name: shop\nnamespace: shop\ncomponents:\n  - name: web\n    type: webservice\n    image: nginx:1.27'} />
      <div className="actions">
        <button type="button" onClick={() => open(text)} disabled={!text.trim()}>Open</button>
        <input
          type="file"
          name="spec-file"
          accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void file.text().then(open);
          }}
        />
      </div>
      {problem ? <p className="error" role="alert">{problem}</p> : null}
    </section>
  );
}
