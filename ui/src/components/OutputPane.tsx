/** The redacted output with copy and save; shows its own loading and error states. */
import { useState } from "react";
import { saveText } from "../host/saveFile";

interface Props {
  output: string | null;
  busy: boolean;
  error: string | null;
  fileName: string;
}

export function OutputPane({ output, busy, error, fileName }: Props) {
  const [copied, setCopied] = useState<"ok" | "failed" | null>(null);

  const copy = async () => {
    if (output === null) return;
    try {
      await navigator.clipboard.writeText(output);
      setCopied("ok");
    } catch {
      setCopied("failed");
    }
    setTimeout(() => setCopied(null), 2000);
  };

  return (
    <section className="pane output" aria-label="Redacted text" aria-busy={busy}>
      <header className="pane-head">
        <h2>Redacted</h2>
        <div className="row">
          <button type="button" onClick={copy} disabled={output === null}>
            Copy
          </button>
          <button type="button" onClick={() => output !== null && void saveText(output, fileName)} disabled={output === null}>
            Save…
          </button>
          <output className="status-text">
            {copied === "ok" ? "Copied" : copied === "failed" ? "Copy failed: select the text and copy it" : busy ? "Updating…" : ""}
          </output>
        </div>
      </header>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : output === null ? (
        <p className="placeholder">The redacted text appears here after you analyze.</p>
      ) : (
        <textarea className="output-text" readOnly value={output} aria-label="Redacted output" data-testid="output" />
      )}
    </section>
  );
}
