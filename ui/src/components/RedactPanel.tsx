/**
 * The main workspace: text in, findings reviewed, redacted text out. Analysis runs on demand
 * (button or Ctrl+Enter), never per keystroke, and shows its progress; the output is
 * re-rendered by the backend, debounced, whenever the review changes. The rules (what is
 * redacted, what survives re-analysis, when the output may be exported) live in
 * review/reviewState.ts.
 */
/* oxlint-disable jsx-a11y/no-noninteractive-element-interactions -- drag and drop is a mouse shortcut; the file input next to it is the keyboard path. */
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef } from "react";
import type { DragEvent } from "react";
import { describeError, useApi } from "../api/context";
import type { Decision, OperatorName, SpanSelection } from "../domain";
import { acceptedFindings, analysisKey, effectiveOperators, exportGate, outputKey, staleReason } from "../review/reviewState";
import { lastAddType, offeredType, rememberAddType, suggestAddType } from "../review/addType";
import type { ReviewAction } from "../review/reviewState";
import { emptyWorkspace, workspaceReducer } from "../review/workspaceState";
import { useSettings } from "../settings/SettingsContext";
import { FindingsList } from "./FindingsList";
import { HighlightView } from "./HighlightView";
import { OutputPane } from "./OutputPane";
import type { OpenedDocument } from "../host/bridge";
import { saveText } from "../host/saveFile";
import { SelectOptions } from "./SelectOptions";

const SAMPLE =
  "Dear Ms. Jane Whitfield,\n\nYour refund was sent to IBAN DE89 3704 0044 0532 0130 00 on 12 March 2024. " +
  "If anything looks wrong, call Tom Becker at +1 212-555-0187 or write to tom.becker@example.com.\n\n" +
  "Acme Corporation, 42 Harbor Street, Boston";

/** Reads a dropped or picked text file; refuses binary documents (those go to Documents). */
async function readTextFile(file: { name: string; size: number; text(): Promise<string> }): Promise<string> {
  if (file.size > 20 * 1024 * 1024) throw new Error(`${file.name} is larger than 20 MB; use the Documents tab.`);
  const text = await file.text();
  if (text.includes("\u0000")) throw new Error(`${file.name} is not a text file; use the Documents tab for documents.`);
  return text;
}

/** A document from Electron's native open dialog, as a File. */
function openedAsFile(doc: OpenedDocument): File {
  return new File([new Uint8Array(doc.data)], doc.name);
}

/** Files reviewed as documents (tables, Word, PDF, scans) rather than pasted into the editor as text. */
export const DOCUMENT_FILE = /\.(csv|tsv|xlsx|docx|pdf|png|jpe?g|tiff?|bmp|webp)$/i;

/** Share done and an estimate of the time left, from the progress reported so far. */
export function progressText(done: number, total: number, elapsedMs: number): string {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const pct = `${Math.floor(share * 100)} %`;
  if (share <= 0.02 || elapsedMs < 1000) return `${pct} analyzed`;
  const left = Math.max(0, Math.round((elapsedMs * (1 - share)) / share / 1000));
  return `${pct} analyzed · about ${left < 60 ? `${left} s` : `${Math.round(left / 60)} min`} left`;
}

interface Props {
  online: boolean;
  /** Opens a document file (table, Word, PDF) in the document review. */
  onOpenDocument?: (file: File) => void;
}

export function RedactPanel({ online, onOpenDocument }: Props) {
  const api = useApi();
  const { saved, info, update, editable } = useSettings();
  const [ws, send] = useReducer(workspaceReducer, emptyWorkspace);
  const { draft, fileName, review, editing, analyzing, progress, analyzeError, output, outputError, selection, focusRequest, dragging } = ws;
  const dispatch = useCallback((action: ReviewAction) => send({ type: "review", action }), []);
  const analyzeAbort = useRef<AbortController | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  const analyzed = review.text.length > 0;
  const settingsKey = useMemo(() => (saved ? analysisKey(saved) : null), [saved]);
  const stale = staleReason(review, draft, settingsKey);
  const textChanged = analyzed && draft !== review.text;
  const savedOperators = useMemo(() => saved?.operators ?? {}, [saved]);
  const operators = useMemo(() => effectiveOperators(savedOperators, review), [savedOperators, review]);
  const accepted = useMemo(() => acceptedFindings(review), [review]);
  const wantedOutput = outputKey(review, savedOperators);
  const gate = exportGate({
    review,
    draft,
    settingsKey,
    wantedOutput,
    shownOutput: output?.key ?? null,
    outputError,
    analyzing,
    online,
  });
  const outputBusy = analyzed && online && output?.key !== wantedOutput && !outputError;

  const analyze = useCallback(async (fromInput?: string) => {
    // From the keyboard, read the textarea itself: a paste may not have re-rendered yet.
    const text = fromInput ?? draft;
    if (!text.trim()) return;
    analyzeAbort.current?.abort();
    const ctl = new AbortController();
    analyzeAbort.current = ctl;
    send({ type: "analyzeStarted", startedAt: performance.now() });
    try {
      // Ctrl+Enter can come before the settings have loaded: read the stored ones then, so the
      // request is neither dropped nor run without the user's settings.
      const settings = saved ?? (await api.getSettings());
      const findings = await api.analyze(text, { entities: settings.entities, threshold: settings.threshold }, ctl.signal, (p) =>
        send({ type: "analyzeProgress", done: p.done, total: p.total, at: performance.now() }),
      );
      send({ type: "analyzed", text, findings, analysisKey: analysisKey(settings) });
    } catch (e) {
      if (!ctl.signal.aborted) send({ type: "analyzeFailed", error: describeError(e) });
    } finally {
      if (analyzeAbort.current === ctl) {
        analyzeAbort.current = null;
        send({ type: "analyzeEnded" });
      }
    }
  }, [api, draft, saved]);

  // Output follows the review (decisions, types, operators); older requests are cancelled.
  const outputInputs = useMemo(
    () => ({ text: review.text, accepted, operators, key: wantedOutput }),
    [review.text, accepted, operators, wantedOutput],
  );
  useEffect(() => {
    if (!analyzed || !online) return;
    const ctl = new AbortController();
    const inputs = outputInputs;
    const t = setTimeout(() => {
      api
        .redact(inputs.text, inputs.accepted, inputs.operators, ctl.signal)
        .then((r) => send({ type: "outputReady", text: r.text, key: inputs.key }))
        .catch((e: unknown) => {
          if (ctl.signal.aborted) return;
          send({ type: "outputFailed", error: describeError(e) });
        });
    }, 150);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [api, analyzed, online, outputInputs]);

  const onDecide = useCallback((id: string, decision: Decision) => dispatch({ type: "decide", id, decision }), [dispatch]);
  const onToggle = useCallback(
    (id: string) => dispatch({ type: "decide", id, decision: review.decisions[id] === "rejected" ? "accepted" : "rejected" }),
    [dispatch, review.decisions],
  );
  const onDecideAll = useCallback((decision: Decision, entityType?: string) => dispatch({ type: "decideAll", decision, entityType }), [dispatch]);
  const onDecideValue = useCallback((decision: Decision, value: string) => dispatch({ type: "decideValue", decision, value }), [dispatch]);
  const onRetype = useCallback((id: string, entityType: string) => dispatch({ type: "retype", id, entityType }), [dispatch]);
  const onAllowValue = useCallback(
    (value: string) => {
      update((s) => (s.allowList.includes(value) ? s : { ...s, allowList: [...s.allowList, value] }));
      dispatch({ type: "decideValue", decision: "rejected", value });
    },
    [update, dispatch],
  );
  const onOperator = useCallback(
    (entityType: string, op: OperatorName) =>
      dispatch({ type: "setOperator", entityType, operator: { ...(operators[entityType] ?? operators.DEFAULT), type: op } }),
    [operators, dispatch],
  );
  const onSaveOperator = useCallback(
    (entityType: string) => {
      const choice = operators[entityType];
      if (!choice) return;
      update((s) => ({ ...s, operators: { ...s.operators, [entityType]: choice } }));
    },
    [operators, update],
  );
  const onShow = useCallback((id: string) => send({ type: "show", id }), []);
  const entityChoices = useMemo(() => {
    const set = new Set([...(info?.entities ?? []), ...review.findings.map((f) => f.entityType)]);
    return [...set].sort();
  }, [info, review.findings]);
  // The type the add bar shows is the one sent: one of the choices.
  const addType = offeredType([ws.addType], entityChoices);
  const setSelection = useCallback(
    (s: SpanSelection | null) =>
      send({ type: "select", selection: s, ...(s ? { addType: suggestAddType(review.text.slice(s.start, s.end), lastAddType(), entityChoices) } : {}) }),
    [review.text, entityChoices],
  );

  const loadFile = useCallback(async (file: File | undefined) => {
    if (!file) return;
    if (onOpenDocument && DOCUMENT_FILE.test(file.name)) {
      onOpenDocument(file);
      return;
    }
    try {
      send({ type: "fileLoaded", name: file.name, text: await readTextFile(file) });
    } catch (e) {
      send({ type: "fileFailed", error: describeError(e) });
    }
  }, [onOpenDocument]);

  // Electron: File > Open uses the native dialog, File > Save saves the redacted text (same gate as the buttons).
  // Registered in a layout effect, so the menu never acts on an output older than the screen's.
  const menuOutput = gate.allowed && output ? output.text : null;
  useLayoutEffect(() => {
    const bridge = window.redacta;
    if (!bridge?.onMenuCommand) return;
    return bridge.onMenuCommand((command) => {
      if (command === "open-document" && bridge.openDocument) {
        void bridge.openDocument().then((doc) => doc && loadFile(openedAsFile(doc)));
      } else if (command === "save-result" && menuOutput !== null) {
        void saveText(menuOutput, fileName);
      }
    });
  }, [menuOutput, fileName, loadFile]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    send({ type: "dragging", over: false });
    void loadFile(e.dataTransfer.files[0]);
  };

  // Keyboard path for adding a missed span: select it in the textarea (text unchanged since analysis).
  const onTextareaSelect = () => {
    const el = textareaRef.current;
    if (!el || textChanged || !analyzed) return;
    setSelection(el.selectionEnd > el.selectionStart ? { start: el.selectionStart, end: el.selectionEnd } : null);
  };

  const addSpan = () => {
    if (!selection) return;
    send({ type: "addSelection", entityType: addType });
    rememberAddType(addType);
    window.getSelection()?.removeAllRanges();
  };


  return (
    <div className="redact-layout">
      <section
        className={`pane original${dragging ? " dragging" : ""}`}
        aria-label="Original text"
        onDragOver={(e) => {
          e.preventDefault();
          send({ type: "dragging", over: true });
        }}
        onDragLeave={() => send({ type: "dragging", over: false })}
        onDrop={onDrop}
      >
        <header className="pane-head">
          <h2>Original</h2>
          <div className="row">
            {editing || !analyzed ? (
              <>
                <label className="button">
                  Open file…
                  <input
                    type="file"
                    accept=".txt,.md,.log,.csv,.tsv,.json,.jsonl,.docx,.xlsx,.pdf,.png,.jpg,.jpeg,.tif,.tiff,.bmp,.webp,text/*"
                    className="visually-hidden"
                    onChange={(e) => void loadFile(e.target.files?.[0])}
                  />
                </label>
                {!draft && (
                  <button type="button" onClick={() => send({ type: "edit", draft: SAMPLE })}>
                    Try a sample
                  </button>
                )}
                <button
                  type="button"
                  className="primary"
                  onClick={() => void analyze()}
                  disabled={!draft.trim() || analyzing || !online || !saved}
                  aria-keyshortcuts="Control+Enter"
                >
                  {analyzing ? "Analyzing…" : "Analyze"}
                </button>
                {analyzing && (
                  <button type="button" onClick={() => analyzeAbort.current?.abort()}>
                    Cancel
                  </button>
                )}
              </>
            ) : (
              <button type="button" onClick={() => send({ type: "startEditing" })}>
                Edit text
              </button>
            )}
          </div>
        </header>
        {analyzeError && (
          <p role="alert" className="error">
            {analyzeError}
          </p>
        )}
        {analyzing && (
          <div className="analyze-progress">
            <progress
              aria-label="Analysis progress"
              max={1}
              value={progress && progress.total > 0 ? progress.done / progress.total : undefined}
            />
            <output>
              {progress ? progressText(progress.done, progress.total, progress.at - progress.startedAt) : "Analyzing…"}
            </output>
          </div>
        )}
        {stale && !analyzing && (
          <div className="notice row wrap">
            <output>{stale} The findings and the output are out of date; export is paused.</output>
            <button type="button" onClick={() => void analyze()} disabled={!online || !saved || !draft.trim()}>
              Re-analyze
            </button>
          </div>
        )}
        {selection && (
          <fieldset className="add-bar">
            <legend className="visually-hidden">Add a missed finding</legend>
            <span>
              Add “<strong>{truncate(review.text.slice(selection.start, selection.end))}</strong>” as
            </span>
            <select aria-label="Entity type for the selected text" value={addType} onChange={(e) => send({ type: "setAddType", entityType: e.target.value })}>
              <SelectOptions values={entityChoices} />
            </select>
            <button type="button" className="primary" onClick={addSpan}>
              Add finding
            </button>
            <button type="button" onClick={() => setSelection(null)}>
              Dismiss
            </button>
          </fieldset>
        )}
        {editing || !analyzed ? (
          <textarea
            ref={textareaRef}
            className="input-text"
            aria-label="Text to redact"
            placeholder="Paste or type text here, or drop a text file. Press Ctrl+Enter to analyze."
            value={draft}
            spellCheck={false}
            onChange={(e) => send({ type: "edit", draft: e.target.value })}
            onSelect={onTextareaSelect}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void analyze(e.currentTarget.value);
              }
            }}
          />
        ) : (
          <HighlightView
            text={review.text}
            findings={review.findings}
            decisions={review.decisions}
            onToggle={onToggle}
            onSelectSpan={setSelection}
            focusRequest={focusRequest}
          />
        )}
      </section>
      <OutputPane
        output={analyzed && output ? output.text : null}
        busy={outputBusy || analyzing}
        error={outputError}
        fileName={fileName}
        gate={gate}
      />
      <aside className="side">
        {analyzed ? (
          <FindingsList
            text={review.text}
            findings={review.findings}
            decisions={review.decisions}
            operators={operators}
            savedOperators={savedOperators}
            entityTypes={entityChoices}
            settingsEditable={editable}
            onDecide={onDecide}
            onDecideAll={onDecideAll}
            onDecideValue={onDecideValue}
            onRetype={onRetype}
            onAllowValue={onAllowValue}
            onOperator={onOperator}
            onSaveOperator={onSaveOperator}
            onShow={onShow}
          />
        ) : (
          <section className="findings empty-state" aria-label="Findings">
            <h2>Findings</h2>
            <p>Paste text and press Analyze. Every finding is listed here for you to accept or reject before you export.</p>
          </section>
        )}
      </aside>
    </div>
  );
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
