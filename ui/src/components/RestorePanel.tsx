/**
 * Puts original values back into text that carries pseudonym labels (<PERSON_1>), e.g. an AI
 * assistant's answer, and moves the session's mapping in and out as a passphrase-encrypted file.
 */
import { useState } from "react";
import { describeError, useApi } from "../api/context";
import { saveBlob, saveText } from "../host/saveFile";

export function RestorePanel({ online }: { online: boolean }) {
  const api = useApi();
  const [input, setInput] = useState("");
  const [restored, setRestored] = useState<string | null>(null);
  const [counts, setCounts] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState("");
  const [vaultMsg, setVaultMsg] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [importFile, setImportFile] = useState<File | null>(null);

  const restore = async () => {
    setBusy(true);
    setError(null);
    setCounts(null);
    try {
      const r = await api.restore(input);
      setRestored(r.text);
      setCounts(restoreSummary(r.restored, r.unknownLabels));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const exportVault = async () => {
    setVaultMsg(null);
    try {
      await saveBlob(await api.exportVault(passphrase), "redacta-mapping.vault");
      setVaultMsg({ kind: "ok", text: "Mapping exported. Keep the file and the passphrase apart." });
    } catch (e) {
      setVaultMsg({ kind: "error", text: describeError(e) });
    }
  };

  const importVault = async () => {
    if (!importFile) return;
    setVaultMsg(null);
    try {
      const n = await api.importVault(importFile, passphrase);
      setVaultMsg({ kind: "ok", text: `Mapping imported (${n} value${n === 1 ? "" : "s"}).` });
    } catch (e) {
      setVaultMsg({ kind: "error", text: describeError(e) });
    }
  };

  const weak = passphrase.length > 0 && passphrase.length < 8;

  return (
    <div className="restore-layout">
      <section className="pane" aria-label="Text with labels">
        <header className="pane-head">
          <h2>Text with labels</h2>
          <button type="button" className="primary" onClick={() => void restore()} disabled={!input.trim() || busy || !online}>
            {busy ? "Restoring…" : "Restore originals"}
          </button>
        </header>
        <textarea
          className="input-text"
          aria-label="Text with pseudonym labels"
          placeholder="Paste text that contains labels like <PERSON_1> (for example an AI assistant's answer)."
          value={input}
          onChange={(e) => setInput(e.target.value)}
        />
      </section>
      <section className="pane" aria-label="Restored text" aria-busy={busy}>
        <header className="pane-head">
          <h2>Restored</h2>
          <div className="row">
            <button type="button" disabled={restored === null} onClick={() => restored !== null && void navigator.clipboard.writeText(restored)}>
              Copy
            </button>
            <button type="button" disabled={restored === null} onClick={() => restored !== null && void saveText(restored, "restored.txt")}>
              Save…
            </button>
            {counts && <output className="status-text">{counts}</output>}
          </div>
        </header>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : restored === null ? (
          <p className="placeholder">Labels are replaced with the values they stand for in this session (pseudonymize operator).</p>
        ) : (
          <textarea className="output-text" readOnly value={restored} aria-label="Restored output" data-testid="restored" />
        )}
      </section>
      <section className="pane vault" aria-labelledby="vault-h">
        <h2 id="vault-h">Session mapping</h2>
        <p className="hint">
          The mapping from labels to original values lives only in memory. Export it, encrypted with a passphrase, to restore
          answers later or on another run.
        </p>
        <label className="field">
          Passphrase
          <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="new-password" />
        </label>
        {weak && <p className="hint">Use at least 8 characters.</p>}
        <div className="row wrap">
          <button type="button" onClick={() => void exportVault()} disabled={!passphrase || weak || !online}>
            Export mapping…
          </button>
          <label className="button">
            Choose mapping file…
            <input type="file" className="visually-hidden" accept=".vault,application/octet-stream,application/json" onChange={(e) => setImportFile(e.target.files?.[0] ?? null)} />
          </label>
          <button type="button" onClick={() => void importVault()} disabled={!importFile || !passphrase || !online}>
            Import {importFile ? `“${importFile.name.length > 24 ? `${importFile.name.slice(0, 21)}…` : importFile.name}”` : "mapping"}
          </button>
        </div>
        {vaultMsg && (
          <p role={vaultMsg.kind === "error" ? "alert" : "status"} className={vaultMsg.kind === "error" ? "error" : "ok"}>
            {vaultMsg.text}
          </p>
        )}
      </section>
    </div>
  );
}

/** "4 restored, 1 unknown": unknown labels were never issued by this session and stay as they are. */
export function restoreSummary(restored: number, unknownLabels: string[]): string {
  const unknown = unknownLabels.length;
  return unknown ? `${restored} restored, ${unknown} unknown (${unknownLabels.slice(0, 3).join(", ")}${unknown > 3 ? ", …" : ""} left as is)` : `${restored} restored`;
}
