/**
 * The redacted output with copy and save; shows its own loading and error states. Copy and
 * Save are enabled only when the export gate allows it (the output matches the review on
 * screen); otherwise the gate's reason is shown next to them.
 */
import { useState } from "react";
import { saveText } from "../host/saveFile";
import type { ExportGate } from "../review/reviewState";

interface Props {
  output: string | null;
  busy: boolean;
  error: string | null;
  fileName: string;
  gate: ExportGate;
}

const refuse = (e: { preventDefault(): void }) => e.preventDefault();

export function OutputPane({ output, busy, error, fileName, gate }: Props) {
  const [copied, setCopied] = useState<"ok" | "failed" | null>(null);
  const exportable = output !== null && gate.allowed;

  const copy = async () => {
    if (!exportable) return;
    try {
      await navigator.clipboard.writeText(output);
      setCopied("ok");
    } catch {
      setCopied("failed");
    }
    setTimeout(() => setCopied(null), 2000);
  };

  const status =
    copied === "ok" ? "Copied" : copied === "failed" ? "Copy failed: select the text and copy it" : output !== null && gate.reason ? gate.reason : "";
  return (
    <section className="pane output" aria-label="Redacted text" aria-busy={busy}>
      <header className="pane-head">
        <h2>Redacted</h2>
        <div className="row">
          <button type="button" onClick={() => void copy()} disabled={!exportable} aria-describedby="export-status">
            Copy
          </button>
          <button
            type="button"
            onClick={() => exportable && void saveText(output, fileName)}
            disabled={!exportable}
            aria-describedby="export-status"
          >
            Save…
          </button>
        </div>
      </header>
      <output id="export-status" className={`status-text${exportable || !status ? "" : " blocked"}`}>
        {status}
      </output>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : output === null ? (
        // Busy with no output yet: the analysis or the first output is on its way, so "after
        // you analyze" would tell a user who just did to do it again.
        <p className="placeholder">{busy ? "Preparing the redacted text…" : "The redacted text appears here after you analyze."}</p>
      ) : (
        <textarea
          className={`output-text${exportable ? "" : " outdated"}`}
          readOnly
          value={output}
          aria-label="Redacted output"
          data-testid="output"
          // An output the gate refuses may hold values the review now redacts: selecting and
          // copying or dragging it out would export them as surely as the Copy button would.
          onCopy={exportable ? undefined : refuse}
          onCut={exportable ? undefined : refuse}
          onDragStart={exportable ? undefined : refuse}
        />
      )}
    </section>
  );
}
