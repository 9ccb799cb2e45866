/**
 * Review of one document of a job before its redacted copy is written. The document's text
 * units (paragraphs, cells, notes, PDF text lines) are laid end to end into one text, so the
 * findings are reviewed by the same rules as pasted text (`reviewState.ts`: decide, decide
 * all, reject every occurrence, change type, add a span); the export maps them back to units.
 * Pages add what text cannot express: the boxes of findings on a page image, and areas the
 * user draws to redact anything on the page.
 */
import type { Decision, DocumentData, DocumentFinding, DocumentUnit, Finding, PageBox } from "../domain";
import { emptyReview, reviewReducer } from "./reviewState";
import type { ReviewAction, ReviewState } from "./reviewState";

/** Between two units in the laid-out text; never part of a unit, so never sent back. */
export const UNIT_SEPARATOR = "\n";

export interface PlacedUnit {
  unit: DocumentUnit;
  /** Where the unit's text starts in the laid-out text (UTF-16). */
  start: number;
  end: number;
}

/** A document's units laid end to end, and where each one is. */
export interface LaidOutDocument {
  text: string;
  units: PlacedUnit[];
  byUnit: Map<number, PlacedUnit>;
}

export function layOut(units: readonly DocumentUnit[]): LaidOutDocument {
  const placed: PlacedUnit[] = [];
  let at = 0;
  for (const unit of units) {
    if (placed.length > 0) at += UNIT_SEPARATOR.length;
    placed.push({ unit, start: at, end: at + unit.text.length });
    at += unit.text.length;
  }
  return {
    text: placed.map((p) => p.unit.text).join(UNIT_SEPARATOR),
    units: placed,
    byUnit: new Map(placed.map((p) => [p.unit.unit, p])),
  };
}

/** A span of one unit (UTF-16 offsets into the unit's text). */
export interface UnitSpan {
  unit: number;
  start: number;
  end: number;
}

/** Cuts a span of the laid-out text into one span per unit it covers (separators dropped). */
export function unitSpans(doc: LaidOutDocument, start: number, end: number): UnitSpan[] {
  const out: UnitSpan[] = [];
  for (const p of doc.units) {
    if (p.end <= start) continue;
    if (p.start >= end) break;
    const s = Math.max(start, p.start);
    const e = Math.min(end, p.end);
    if (e > s) out.push({ unit: p.unit.unit, start: s - p.start, end: e - p.start });
  }
  return out;
}

/** A box drawn by the user on a page, to be redacted whatever is under it. */
export interface DrawnArea {
  id: string;
  page: number;
  box: PageBox;
  entityType: string;
}

export interface DocumentReviewState {
  data: DocumentData;
  doc: LaidOutDocument;
  /** Findings in laid-out offsets, decisions, types and added spans: the pasted-text rules. */
  review: ReviewState;
  /** Page location of every finding that has one (pages kind). */
  areas: Record<string, { page: number; box: PageBox; boxes: PageBox[] }>;
  drawn: DrawnArea[];
  drawnCount: number;
  /** Bumped on every change: an export is for the state it was made from. */
  revision: number;
}

export type DocumentAction =
  | { type: "review"; action: ReviewAction }
  /** Adds every non-empty cell of a column as a whole-cell span of `entityType`. */
  | { type: "redactColumn"; sheet: string | null; column: number; entityType: string }
  /** Rejects every finding and added span in a column. */
  | { type: "skipColumn"; sheet: string | null; column: number }
  | { type: "draw"; page: number; box: PageBox; entityType: string }
  | { type: "removeDrawn"; id: string }
  | { type: "retypeDrawn"; id: string; entityType: string };

/** Where a finding of the document sits in the laid-out text (empty at 0 when it has no text). */
function placeFinding(doc: LaidOutDocument, f: DocumentFinding): Finding {
  const p = f.unit !== undefined ? doc.byUnit.get(f.unit) : undefined;
  const start = p ? p.start + Math.min(f.start ?? 0, p.unit.text.length) : 0;
  const end = p ? p.start + Math.min(f.end ?? 0, p.unit.text.length) : 0;
  return {
    id: f.id,
    entityType: f.entityType,
    start,
    end: Math.max(start, end),
    score: f.score,
    recognizer: "",
    explanation: f.explanation,
    manual: false,
  };
}

/**
 * The review of a document as loaded: as found while it needs review; once reviewed, with the
 * decisions its redacted copy was written from (rejections, new types, added spans and areas).
 */
export function startDocumentReview(data: DocumentData): DocumentReviewState {
  const doc = layOut(data.units);
  const findings = data.findings.map((f) => placeFinding(doc, f));
  let review = reviewReducer(emptyReview, { type: "analyzed", text: doc.text, findings, analysisKey: "" });
  const areas: DocumentReviewState["areas"] = {};
  for (const f of data.findings) {
    if (f.page !== undefined && f.box) areas[f.id] = { page: f.page, box: f.box, boxes: f.boxes?.length ? f.boxes : [f.box] };
    if (f.decision === "rejected") review = reviewReducer(review, { type: "decide", id: f.id, decision: "rejected" });
    if (f.decision === "retyped" && f.retypedAs) review = reviewReducer(review, { type: "retype", id: f.id, entityType: f.retypedAs });
  }
  const drawn: DrawnArea[] = [];
  for (const a of data.added ?? []) {
    if ("box" in a) {
      drawn.push({ id: `d${drawn.length + 1}`, page: a.page, box: a.box, entityType: a.entityType });
      continue;
    }
    const p = doc.byUnit.get(a.unit);
    if (p) review = reviewReducer(review, { type: "addManual", start: p.start + a.start, end: p.start + a.end, entityType: a.entityType });
  }
  return { data, doc, review, areas, drawn, drawnCount: drawn.length, revision: 0 };
}

const inSheet = (p: PlacedUnit, sheet: string | null) => p.unit.row !== undefined && p.unit.column !== undefined && (sheet === null || p.unit.sheet === sheet);

/**
 * The row that names the columns of a table (one sheet of a workbook), if it has one: the
 * backend gives every body cell under a named column its `columnHeader`, and the header is the
 * row of unnamed cells above them. A column whose body holds no text (only numbers, which are not analysed)
 * still has its name in that row.
 */
export function headerRow(doc: LaidOutDocument, sheet: string | null): number | undefined {
  const cells = doc.units.filter((p) => inSheet(p, sheet));
  const rows = (named: boolean) => cells.filter((p) => (p.unit.columnHeader !== undefined) === named).map((p) => p.unit.row ?? 0);
  const body = rows(true);
  if (body.length === 0) return undefined;
  const first = Math.min(...rows(false));
  return first < Math.min(...body) ? first : undefined;
}

/** Each column's name: the header its body cells carry, else the header row's text there. */
export function columnNames(doc: LaidOutDocument, sheet: string | null): Map<number, string> {
  const names = new Map<number, string>();
  const cells = doc.units.filter((p) => inSheet(p, sheet));
  for (const c of cells) if (c.unit.columnHeader !== undefined) names.set(c.unit.column ?? 0, c.unit.columnHeader);
  const header = headerRow(doc, sheet);
  for (const c of cells) {
    const column = c.unit.column ?? 0;
    if (c.unit.row === header && c.unit.part === "cell" && !names.has(column) && c.unit.text.trim()) names.set(column, c.unit.text.trim());
  }
  return names;
}

/**
 * The body cells of one column of a table (one sheet of a workbook), in row order. Where the
 * table has a header row, its cell is not part of the column: it names the column, and is
 * reviewed on its own.
 */
export function columnUnits(doc: LaidOutDocument, sheet: string | null, column: number): PlacedUnit[] {
  const header = headerRow(doc, sheet);
  return doc.units
    .filter((p) => p.unit.column === column && inSheet(p, sheet) && p.unit.row !== header)
    .sort((a, b) => (a.unit.row ?? 0) - (b.unit.row ?? 0));
}

/** Ids of the findings (detected or added) that lie inside the given units. */
function findingsIn(state: DocumentReviewState, units: readonly PlacedUnit[]): string[] {
  return state.review.findings
    .filter((f) => f.end > f.start && units.some((p) => f.start >= p.start && f.end <= p.end))
    .map((f) => f.id);
}

/** How a column stands: every cell redacted whole, every finding in it rejected, or neither. */
export function columnState(state: DocumentReviewState, sheet: string | null, column: number): "redacted" | "skipped" | "mixed" | "empty" {
  const cells = columnUnits(state.doc, sheet, column).filter((p) => p.end > p.start);
  if (cells.length === 0) return "empty";
  const accepted = state.review.findings.filter((f) => state.review.decisions[f.id] === "accepted");
  if (cells.length > 0 && cells.every((p) => accepted.some((f) => f.start <= p.start && f.end >= p.end))) return "redacted";
  const ids = findingsIn(state, cells);
  if (ids.every((id) => state.review.decisions[id] === "rejected")) return "skipped";
  return "mixed";
}

function withReview(state: DocumentReviewState, review: ReviewState, change: Partial<DocumentReviewState> = {}): DocumentReviewState {
  if (review === state.review && Object.keys(change).length === 0) return state;
  return { ...state, ...change, review, revision: state.revision + 1 };
}

export function documentReducer(state: DocumentReviewState, action: DocumentAction): DocumentReviewState {
  switch (action.type) {
    case "review":
      return withReview(state, reviewReducer(state.review, action.action));
    case "redactColumn": {
      let review = state.review;
      for (const p of columnUnits(state.doc, action.sheet, action.column)) {
        if (p.end <= p.start) continue;
        const whole = review.findings.find((f) => f.start === p.start && f.end === p.end && f.manual);
        review = whole
          ? reviewReducer(review, { type: "decide", id: whole.id, decision: "accepted" })
          : reviewReducer(review, { type: "addManual", start: p.start, end: p.end, entityType: action.entityType });
      }
      // The column's detected findings stay as they were: a cell redacted whole covers them.
      return withReview(state, review);
    }
    case "skipColumn": {
      let review = state.review;
      for (const id of findingsIn(state, columnUnits(state.doc, action.sheet, action.column))) {
        review = reviewReducer(review, { type: "decide", id, decision: "rejected" });
      }
      return withReview(state, review);
    }
    case "draw": {
      const box = normalizeBox(action.box);
      if (box[2] - box[0] < 1 || box[3] - box[1] < 1) return state;
      const n = state.drawnCount + 1;
      const area: DrawnArea = { id: `d${n}`, page: action.page, box, entityType: action.entityType };
      return withReview(state, state.review, { drawn: [...state.drawn, area], drawnCount: n });
    }
    case "removeDrawn":
      if (!state.drawn.some((d) => d.id === action.id)) return state;
      return withReview(state, state.review, { drawn: state.drawn.filter((d) => d.id !== action.id) });
    case "retypeDrawn":
      return withReview(state, state.review, {
        drawn: state.drawn.map((d) => (d.id === action.id ? { ...d, entityType: action.entityType } : d)),
      });
  }
}

/** `[x0, y0, x1, y1]` with x0 ≤ x1 and y0 ≤ y1, whichever corner the drag started from. */
export function normalizeBox(b: PageBox): PageBox {
  return [Math.min(b[0], b[2]), Math.min(b[1], b[3]), Math.max(b[0], b[2]), Math.max(b[1], b[3])];
}

export type AddedItem = (UnitSpan & { entityType: string }) | { page: number; box: PageBox; entityType: string };

/** What is sent to the decisions route (UTF-16 offsets; the API client converts them). */
export interface DocumentDecisions {
  rejected: string[];
  added: AddedItem[];
  retyped: Record<string, string>;
}

/**
 * The decisions for the export: the detected findings the user rejected, the types the user
 * changed on accepted ones, and the accepted added spans (cut per unit) and drawn areas.
 */
export function documentDecisions(state: DocumentReviewState): DocumentDecisions {
  const { review } = state;
  const rejected: string[] = [];
  const retyped: Record<string, string> = {};
  const added: AddedItem[] = [];
  for (const f of review.findings) {
    const decision: Decision | undefined = review.decisions[f.id];
    if (!f.manual) {
      if (decision === "rejected") rejected.push(f.id);
      else if (f.detectedType) retyped[f.id] = f.entityType;
      continue;
    }
    if (decision !== "accepted") continue;
    for (const span of unitSpans(state.doc, f.start, f.end)) added.push({ ...span, entityType: f.entityType });
  }
  for (const d of state.drawn) added.push({ page: d.page, box: d.box, entityType: d.entityType });
  return { rejected, added, retyped };
}

/** Counts per type of what the export will redact (accepted findings and drawn areas). */
export function acceptedCounts(state: DocumentReviewState): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of state.review.findings) {
    if (state.review.decisions[f.id] === "accepted") counts[f.entityType] = (counts[f.entityType] ?? 0) + 1;
  }
  for (const d of state.drawn) counts[d.entityType] = (counts[d.entityType] ?? 0) + 1;
  return counts;
}

/** The findings of one page with their boxes and decisions, drawn areas included. */
export function pageMarks(state: DocumentReviewState, page: number) {
  const found = state.review.findings.flatMap((f) => {
    const area = state.areas[f.id];
    if (!area || area.page !== page) return [];
    return [{ id: f.id, entityType: f.entityType, boxes: area.boxes, decision: state.review.decisions[f.id] ?? "accepted", drawn: false }];
  });
  const drawn = state.drawn
    .filter((d) => d.page === page)
    .map((d) => ({ id: d.id, entityType: d.entityType, boxes: [d.box], decision: "accepted" as Decision, drawn: true }));
  return [...found, ...drawn];
}
