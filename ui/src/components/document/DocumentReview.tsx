/**
 * The review of one file of a job before its redacted copy is written: text-like files and
 * Word documents as highlighted text (Word units labelled with their part: body, table,
 * header, footer, comment, note), tables as a grid, PDFs and images as pages with boxes. The
 * findings list beside it is the pasted-text one (accept, reject, reject every occurrence,
 * change type). "Write redacted copy" sends the decisions once; the backend applies them to the
 * findings it stored, through the one redaction pipeline, and writes the file.
 */
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import { describeError, useApi } from "../../api/context";
import type { DocumentData, Finding, PageBox, SpanSelection } from "../../domain";
import { lastAddType, offeredType, rememberAddType, suggestAddType } from "../../review/addType";
import { acceptedCounts, documentDecisions, documentReducer, startDocumentReview } from "../../review/documentReview";
import type { DocumentAction } from "../../review/documentReview";
import type { Decision } from "../../domain";
import type { ReviewAction } from "../../review/reviewState";
import { useSettings } from "../../settings/SettingsContext";
import { saveBlob } from "../../host/saveFile";
import { FindingsList } from "../FindingsList";
import { HighlightView } from "../HighlightView";
import type { TextBlock } from "../HighlightView";
import { PagesReview } from "./PagesReview";
import { TableReview } from "./TableReview";
import { SelectOptions } from "../SelectOptions";

const PART_LABELS: Record<string, string> = {
  body: "Body",
  table: "Table",
  header: "Header",
  footer: "Footer",
  comment: "Comment",
  note: "Note",
  footnote: "Footnote",
  endnote: "Endnote",
  textbox: "Text box",
};

/** `letters/memo.docx` → `memo-redacted.docx`: the name the redacted copy is saved under. */
export function redactedCopyName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? `${base.slice(0, dot)}-redacted${base.slice(dot)}` : `${base}-redacted`;
}

const STATE_TEXT: Record<string, string> = {
  needs_review: "needs review",
  reviewed: "reviewed",
};
export const fileStateText = (s: string) => STATE_TEXT[s] ?? s.replaceAll("_", " ");

interface Props {
  jobId: string;
  index: number;
  onClose: () => void;
  /** Called after the decisions were applied (the job's file list can refresh). */
  onDecided?: () => void;
  /** The written copy's name, when the job has written it (a job may keep the input names). */
  outputName?: string | undefined;
}

/** Loads the file's units and findings, then shows its review (key it by job and file). */
export function DocumentReview({ jobId, index, onClose, onDecided, outputName }: Props) {
  const api = useApi();
  const [data, setData] = useState<DocumentData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.jobs
      ?.openReview(jobId, index)
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(describeError(e)));
    return () => {
      live = false;
    };
  }, [api, jobId, index]);
  if (error) {
    return (
      <section className="doc-review" aria-label="Document review">
        <p role="alert" className="error">
          {error}
        </p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </section>
    );
  }
  if (!data) return <p aria-busy="true">Opening the review…</p>;
  return <LoadedReview key={`${jobId}/${index}`} data={data} onClose={onClose} onDecided={onDecided} outputName={outputName} />;
}

function LoadedReview({
  data,
  onClose,
  onDecided,
  outputName,
}: {
  data: DocumentData;
  onClose: () => void;
  onDecided?: (() => void) | undefined;
  outputName?: string | undefined;
}) {
  const api = useApi();
  const { info, update, editable } = useSettings();
  const [state, send] = useReducer(documentReducer, data, startDocumentReview);
  const [fileState, setFileState] = useState(data.state);
  const [copyName, setCopyName] = useState(outputName ?? redactedCopyName(data.name));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [selection, setSelectionState] = useState<SpanSelection | null>(null);
  const [addTypeChosen, setAddType] = useState(lastAddType);
  const [focusRequest, setFocusRequest] = useState<{ id: string; seq: number } | null>(null);
  const { review, doc } = state;
  // Decisions are applied once: the copy is then written, and the review shows what it was
  // written from, read-only.
  const open = fileState === "needs_review";
  const dispatch = useCallback((action: ReviewAction) => open && send({ type: "review", action }), [open]);
  const act = useCallback((action: DocumentAction) => open && send(action), [open]);

  const entityChoices = useMemo(() => {
    const set = new Set([...(info?.entities ?? []), ...review.findings.map((f) => f.entityType)]);
    return [...set].sort();
  }, [info, review.findings]);
  const addType = offeredType([addTypeChosen], entityChoices);
  const setSelection = useCallback(
    (s: SpanSelection | null) => {
      setSelectionState(s);
      if (s) setAddType(suggestAddType(doc.text.slice(s.start, s.end), lastAddType(), entityChoices));
    },
    [doc.text, entityChoices],
  );
  const counts = acceptedCounts(state);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);

  const blocks = useMemo<TextBlock[]>(
    () => doc.units.map((p) => ({ start: p.start, end: p.end, label: data.kind === "docx" ? (PART_LABELS[p.unit.part] ?? p.unit.part) : undefined })),
    [doc, data.kind],
  );

  const onToggle = useCallback(
    (id: string) => dispatch({ type: "decide", id, decision: review.decisions[id] === "rejected" ? "accepted" : "rejected" }),
    [dispatch, review.decisions],
  );
  const onShow = useCallback((id: string) => {
    if (data.kind === "pages") {
      const box = document.getElementById(`box-${id}`);
      box?.scrollIntoView({ block: "center" });
      box?.focus({ preventScroll: true });
      return;
    }
    if (data.kind === "table") {
      const mark = document.getElementById(`hl-${id}`);
      mark?.scrollIntoView({ block: "nearest" });
      mark?.focus({ preventScroll: true });
      return;
    }
    setFocusRequest((r) => ({ id, seq: (r?.seq ?? 0) + 1 }));
  }, [data.kind]);

  const write = async () => {
    if (!api.jobs) return;
    setBusy(true);
    setError(null);
    try {
      const out = await api.jobs.decide(data, documentDecisions(state));
      setFileState(out.state);
      if (out.output) setCopyName(out.output.split(/[\\/]/).pop() ?? out.output);
      onDecided?.();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    if (!api.jobs) return;
    try {
      await saveBlob(await api.jobs.download(data.jobId, data.index), copyName);
    } catch (e) {
      setError(describeError(e));
    }
  };

  const addSpan = () => {
    if (!selection) return;
    dispatch({ type: "addManual", start: selection.start, end: selection.end, entityType: addType });
    rememberAddType(addType);
    setSelection(null);
    window.getSelection()?.removeAllRanges();
  };

  const describeValue = useCallback(
    (f: Finding) => (f.end > f.start ? doc.text.slice(f.start, f.end) : `area on page ${state.areas[f.id]?.page ?? "?"}`),
    [doc.text, state.areas],
  );

  const typeSelect = (label: string) => (
    <select aria-label={label} value={addType} onChange={(e) => setAddType(e.target.value)}>
      <SelectOptions values={entityChoices} />
    </select>
  );

  return (
    <div className="doc-review-layout">
      <section className="pane doc-review" aria-label="Document review">
        <header className="pane-head">
          <h2 className="doc-title" title={data.name}>
            {data.name} <span className={`count file-state ${fileState}`}>{fileStateText(fileState)}</span>
          </h2>
          <div className="row wrap">
            {open ? (
              <button type="button" className="primary" disabled={busy} onClick={() => void write()}>
                {busy ? "Writing…" : "Write redacted copy"}
              </button>
            ) : (
              <button type="button" className="primary" onClick={() => void download()}>
                Download {copyName}
              </button>
            )}
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </header>
        <p className="hint">
          {total} to redact
          {Object.keys(counts).length > 0 &&
            ` (${Object.entries(counts)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([t, n]) => `${t} ${n}`)
              .join(", ")})`}
          {!open &&
            (data.state === "needs_review"
              ? " · the redacted copy is written from these decisions"
              : " · the redacted copy was written from these decisions (shown as decided, read-only)")}
        </p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {data.kind === "pages" && (
          <div className="add-bar">
            <span>Areas you draw are redacted as</span>
            {typeSelect("Entity type for drawn areas")}
            {state.drawn.length > 0 && (
              <ul className="drawn-list" aria-label="Areas you drew">
                {state.drawn.map((d, i) => (
                  <li key={d.id} className="row">
                    <span>
                      Area {i + 1}, page {d.page}
                    </span>
                    <select
                      aria-label={`Type of area ${i + 1}`}
                      disabled={!open}
                      value={d.entityType}
                      onChange={(e) => act({ type: "retypeDrawn", id: d.id, entityType: e.target.value })}
                    >
                      <SelectOptions values={entityChoices} />
                    </select>
                    <button type="button" disabled={!open} onClick={() => act({ type: "removeDrawn", id: d.id })}>
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {selection && open && data.kind !== "pages" && (
          <fieldset className="add-bar">
            <legend className="visually-hidden">Add a missed finding</legend>
            <span>
              Add “<strong>{truncate(doc.text.slice(selection.start, selection.end))}</strong>” as
            </span>
            {typeSelect("Entity type for the selected text")}
            <button type="button" className="primary" onClick={addSpan}>
              Add finding
            </button>
            <button type="button" onClick={() => setSelection(null)}>
              Dismiss
            </button>
          </fieldset>
        )}
        <div className="doc-body">
          {data.kind === "pages" ? (
            <PagesReview
              state={state}
              onToggle={onToggle}
              onDraw={(page: number, box: PageBox) => {
                act({ type: "draw", page, box, entityType: addType });
                if (open) rememberAddType(addType);
              }}
              onRemoveDrawn={(id) => act({ type: "removeDrawn", id })}
            />
          ) : data.kind === "table" ? (
            <TableReview
              state={state}
              onToggle={onToggle}
              onSelectSpan={setSelection}
              onRedactColumn={(sheet, column) => {
                act({ type: "redactColumn", sheet, column, entityType: addType });
                if (open) rememberAddType(addType);
              }}
              onSkipColumn={(sheet, column) => act({ type: "skipColumn", sheet, column })}
            />
          ) : (
            <HighlightView
              text={doc.text}
              findings={review.findings}
              decisions={review.decisions}
              onToggle={onToggle}
              onSelectSpan={setSelection}
              focusRequest={focusRequest}
              blocks={blocks}
            />
          )}
        </div>
      </section>
      <aside className="side">
        <FindingsList
          text={doc.text}
          findings={review.findings}
          decisions={review.decisions}
          operators={{}}
          savedOperators={{}}
          entityTypes={entityChoices}
          settingsEditable={editable}
          operatorChoice={false}
          describeValue={describeValue}
          onDecide={(id: string, decision: Decision) => dispatch({ type: "decide", id, decision })}
          onDecideAll={(decision, entityType) => dispatch({ type: "decideAll", decision, entityType })}
          onDecideValue={(decision, value) => value && dispatch({ type: "decideValue", decision, value })}
          onRetype={(id, entityType) => dispatch({ type: "retype", id, entityType })}
          onAllowValue={(value) => {
            update((s) => (s.allowList.includes(value) ? s : { ...s, allowList: [...s.allowList, value] }));
            if (value) dispatch({ type: "decideValue", decision: "rejected", value });
          }}
          onOperator={() => undefined}
          onSaveOperator={() => undefined}
          onShow={onShow}
        />
      </aside>
    </div>
  );
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
