/**
 * The main workspace: text in, findings reviewed, redacted text out. Analysis runs on demand
 * (button or Ctrl+Enter), never per keystroke; the output is re-rendered by the backend,
 * debounced, whenever the accepted set or an operator changes.
 */
/* oxlint-disable jsx-a11y/no-noninteractive-element-interactions -- drag and drop is a mouse shortcut; the file input next to it is the keyboard path. */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { DragEvent } from "react";
import { describeError, useApi } from "../api/context";
import type { Decision, Finding, OperatorName } from "../domain";
import { acceptedFindings, emptyReview, reviewReducer } from "../review/reviewState";
import { useSettings } from "../settings/SettingsContext";
import { FindingsList } from "./FindingsList";
import { HighlightView } from "./HighlightView";
import type { SpanSelection } from "./HighlightView";
import { OutputPane } from "./OutputPane";
import type { OpenedDocument } from "../host/bridge";
import { saveText } from "../host/saveFile";

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

/** A document from Electron's native open dialog, shaped like a File for readTextFile. */
function openedAsFile(doc: OpenedDocument) {
  return { name: doc.name, size: doc.data.byteLength, text: async () => new TextDecoder().decode(doc.data) };
}

export function RedactPanel({ online }: { online: boolean }) {
  const api = useApi();
  const { settings, info, update } = useSettings();
  const [draft, setDraft] = useState("");
  const [fileName, setFileName] = useState("redacted.txt");
  const [review, dispatch] = useReducer(reviewReducer, emptyReview);
  const [editing, setEditing] = useState(true);
  const [analyzing, setAnalyzing] = useState(false);
  const [analyzeError, setAnalyzeError] = useState<string | null>(null);
  const [output, setOutput] = useState<string | null>(null);
  // The output is "busy" while it belongs to older inputs than the current ones.
  const [outputFor, setOutputFor] = useState<object | null>(null);
  const [outputError, setOutputError] = useState<string | null>(null);
  const [selection, setSelection] = useState<SpanSelection | null>(null);
  const [addType, setAddType] = useState("PERSON");
  const [focusRequest, setFocusRequest] = useState<{ id: string; seq: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  const analyzeAbort = useRef<AbortController | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  const analyzed = review.findings.length > 0 || review.text.length > 0;
  const stale = analyzed && draft !== review.text;
  const operators = useMemo(() => settings?.operators ?? {}, [settings]);
  const accepted = useMemo(() => acceptedFindings(review), [review]);
  const outputInputs = useMemo(() => ({ text: review.text, accepted, operators }), [review.text, accepted, operators]);
  const outputBusy = analyzed && online && outputFor !== outputInputs;

  const analyze = useCallback(async (fromInput?: string) => {
    // From the keyboard, read the textarea itself: a paste may not have re-rendered yet.
    const text = fromInput ?? draft;
    if (!text.trim() || !settings) return;
    analyzeAbort.current?.abort();
    const ctl = new AbortController();
    analyzeAbort.current = ctl;
    setAnalyzing(true);
    setAnalyzeError(null);
    try {
      const findings = await api.analyze(text, { entities: settings.entities, threshold: settings.threshold }, ctl.signal);
      if (text !== draft) setDraft(text);
      dispatch({ type: "analyzed", text, findings });
      setEditing(false);
      setSelection(null);
      // Keyboard users land on the first finding (arrow keys move on, Enter switches it).
      const first = findings.reduce<Finding | undefined>((a, f) => (!a || f.start < a.start ? f : a), undefined);
      if (first) setFocusRequest((r) => ({ id: first.id, seq: (r?.seq ?? 0) + 1 }));
    } catch (e) {
      if (!ctl.signal.aborted) setAnalyzeError(describeError(e));
    } finally {
      if (analyzeAbort.current === ctl) {
        analyzeAbort.current = null;
        setAnalyzing(false);
      }
    }
  }, [api, draft, settings]);

  // Output follows the accepted set and the operators; older requests are cancelled.
  useEffect(() => {
    if (!analyzed || !online) return;
    const ctl = new AbortController();
    const t = setTimeout(() => {
      api
        .redact(outputInputs.text, outputInputs.accepted, outputInputs.operators, ctl.signal)
        .then((r) => {
          setOutput(r.text);
          setOutputError(null);
          setOutputFor(outputInputs);
        })
        .catch((e: unknown) => {
          if (ctl.signal.aborted) return;
          setOutputError(describeError(e));
          setOutputFor(outputInputs);
        });
    }, 150);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [api, analyzed, online, outputInputs]);

  const onDecide = useCallback((id: string, decision: Decision) => dispatch({ type: "decide", id, decision }), []);
  const onToggle = useCallback(
    (id: string) => dispatch({ type: "decide", id, decision: review.decisions[id] === "rejected" ? "accepted" : "rejected" }),
    [review.decisions],
  );
  const onDecideAll = useCallback((decision: Decision, entityType?: string) => dispatch({ type: "decideAll", decision, entityType }), []);
  const onOperator = useCallback(
    (entityType: string, op: OperatorName) =>
      update((s) => ({ ...s, operators: { ...s.operators, [entityType]: { ...s.operators[entityType], type: op } } })),
    [update],
  );
  const onShow = useCallback((id: string) => {
    setEditing(false);
    setFocusRequest((r) => ({ id, seq: (r?.seq ?? 0) + 1 }));
  }, []);

  const loadFile = useCallback(async (file: { name: string; size: number; text(): Promise<string> } | undefined) => {
    if (!file) return;
    try {
      setDraft(await readTextFile(file));
      setFileName(file.name.replace(/(\.[^.]+)?$/, ".redacted$1"));
      setEditing(true);
      setAnalyzeError(null);
    } catch (e) {
      setAnalyzeError(describeError(e));
    }
  }, []);

  // Electron: File > Open uses the native dialog, File > Save saves the redacted text.
  const menuOutput = analyzed ? output : null;
  useEffect(() => {
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
    setDragging(false);
    void loadFile(e.dataTransfer.files[0]);
  };

  // Keyboard path for adding a missed span: select it in the textarea (text unchanged since analysis).
  const onTextareaSelect = () => {
    const el = textareaRef.current;
    if (!el || stale || !analyzed) return;
    setSelection(el.selectionEnd > el.selectionStart ? { start: el.selectionStart, end: el.selectionEnd } : null);
  };

  const addSpan = () => {
    if (!selection) return;
    dispatch({ type: "addManual", start: selection.start, end: selection.end, entityType: addType });
    setSelection(null);
    window.getSelection()?.removeAllRanges();
  };

  const entityChoices = useMemo(() => {
    const set = new Set([...(info?.entities ?? []), ...review.findings.map((f) => f.entityType)]);
    return [...set].sort();
  }, [info, review.findings]);

  return (
    <div className="redact-layout">
      <section
        className={`pane original${dragging ? " dragging" : ""}`}
        aria-label="Original text"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <header className="pane-head">
          <h2>Original</h2>
          <div className="row">
            {editing || !analyzed ? (
              <>
                <label className="button">
                  Open text file…
                  <input
                    type="file"
                    accept=".txt,.md,.log,.csv,.tsv,.json,.jsonl,text/*"
                    className="visually-hidden"
                    onChange={(e) => void loadFile(e.target.files?.[0])}
                  />
                </label>
                {!draft && (
                  <button type="button" onClick={() => setDraft(SAMPLE)}>
                    Try a sample
                  </button>
                )}
                <button
                  type="button"
                  className="primary"
                  onClick={() => void analyze()}
                  disabled={!draft.trim() || analyzing || !online || !settings}
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
              <button type="button" onClick={() => setEditing(true)}>
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
        {stale && !analyzing && (
          <output className="notice">The text changed since the last analysis. Analyze again to update the findings.</output>
        )}
        {selection && (
          <fieldset className="add-bar">
            <legend className="visually-hidden">Add a missed finding</legend>
            <span>
              Add “<strong>{truncate(review.text.slice(selection.start, selection.end))}</strong>” as
            </span>
            <select aria-label="Entity type for the selected text" value={addType} onChange={(e) => setAddType(e.target.value)}>
              {entityChoices.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
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
            onChange={(e) => setDraft(e.target.value)}
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
      <OutputPane output={analyzed ? output : null} busy={outputBusy || analyzing} error={outputError} fileName={fileName} />
      <aside className="side">
        {analyzed ? (
          <FindingsList
            text={review.text}
            findings={review.findings}
            decisions={review.decisions}
            operators={operators}
            onDecide={onDecide}
            onDecideAll={onDecideAll}
            onOperator={onOperator}
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
