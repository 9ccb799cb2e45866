import { describe, expect, it } from "vitest";
import type { DocumentData, DocumentUnit } from "../domain";
import {
  acceptedCounts,
  columnNames,
  columnState,
  documentDecisions,
  documentReducer,
  layOut,
  normalizeBox,
  pageMarks,
  startDocumentReview,
  unitSpans,
} from "./documentReview";
import type { DocumentAction, DocumentReviewState } from "./documentReview";

const data = (over: Partial<DocumentData>): DocumentData => ({
  jobId: "j",
  index: 0,
  name: "f",
  kind: "docx",
  state: "needs_review",
  units: [],
  findings: [],
  counts: {},
  sheets: [],
  pages: [],
  ...over,
});

const DOCX_UNITS: DocumentUnit[] = [
  { unit: 0, text: "Memo from Jane Roe", part: "body" },
  { unit: 1, text: "Ask Jane Roe or Max Power", part: "table" },
  { unit: 2, text: "Page 1", part: "footer" },
];
const docx = data({
  units: DOCX_UNITS,
  findings: [
    { id: "n1", entityType: "PERSON", score: 0.85, explanation: "", unit: 0, start: 10, end: 18 },
    { id: "n2", entityType: "PERSON", score: 0.85, explanation: "", unit: 1, start: 4, end: 12 },
    { id: "n3", entityType: "PERSON", score: 0.6, explanation: "", unit: 1, start: 16, end: 25 },
  ],
});

const run = (s: DocumentReviewState, ...actions: DocumentAction[]) => actions.reduce(documentReducer, s);

describe("laying out a document", () => {
  it("puts units end to end with one separator and finds each again", () => {
    const doc = layOut(DOCX_UNITS);
    expect(doc.text).toBe("Memo from Jane Roe\nAsk Jane Roe or Max Power\nPage 1");
    for (const p of doc.units) expect(doc.text.slice(p.start, p.end)).toBe(p.unit.text);
  });

  it("cuts a span across units into one span per unit, without the separators", () => {
    const doc = layOut(DOCX_UNITS);
    const from = doc.text.indexOf("Roe");
    const to = doc.text.indexOf(" or");
    expect(unitSpans(doc, from, to)).toEqual([
      { unit: 0, start: 15, end: 18 },
      { unit: 1, start: 0, end: 12 },
    ]);
    expect(unitSpans(doc, 18, 19)).toEqual([]);
  });
});

describe("document review", () => {
  it("places findings in the laid-out text, all accepted", () => {
    const s = startDocumentReview(docx);
    const text = s.doc.text;
    expect(s.review.findings.map((f) => text.slice(f.start, f.end))).toEqual(["Jane Roe", "Jane Roe", "Max Power"]);
    expect(documentDecisions(s)).toEqual({ rejected: [], added: [], retyped: {} });
    expect(acceptedCounts(s)).toEqual({ PERSON: 3 });
  });

  it("sends rejected ids, changed types and added spans per unit", () => {
    const s0 = startDocumentReview(docx);
    const page = s0.doc.text.indexOf("Page 1");
    const s = run(
      s0,
      { type: "review", action: { type: "decide", id: "n3", decision: "rejected" } },
      { type: "review", action: { type: "retype", id: "n2", entityType: "ORGANIZATION" } },
      { type: "review", action: { type: "addManual", start: page + 5, end: page + 6, entityType: "ID" } },
    );
    expect(documentDecisions(s)).toEqual({
      rejected: ["n3"],
      retyped: { n2: "ORGANIZATION" },
      added: [{ unit: 2, start: 5, end: 6, entityType: "ID" }],
    });
    expect(s.revision).toBe(3);
    // An added span the user rejects again is not sent.
    const undone = run(s, { type: "review", action: { type: "decide", id: "m1", decision: "rejected" } });
    expect(documentDecisions(undone).added).toEqual([]);
  });

  it("rejects every occurrence of a value across units (the pasted-text rule)", () => {
    const s = run(startDocumentReview(docx), { type: "review", action: { type: "decideValue", decision: "rejected", value: "Jane Roe" } });
    expect(documentDecisions(s).rejected).toEqual(["n1", "n2"]);
  });
});

const cell = (unit: number, row: number, column: number, text: string, sheet = "People"): DocumentUnit => ({
  unit,
  text,
  part: "cell",
  sheet,
  row,
  column,
  columnHeader: ["name", "note"][column],
});
const header = (unit: number, column: number, text: string): DocumentUnit => ({ unit, text, part: "cell", sheet: "People", row: 0, column });
describe("tables", () => {
  const table = data({
    kind: "table",
    sheets: ["People", "Other"],
    units: [header(5, 0, "name"), header(6, 1, "note"), cell(0, 1, 0, "Ann Lee"), cell(1, 1, 1, "met Bo Ray"), cell(2, 2, 0, "Sam Oak"), cell(3, 2, 1, ""), cell(4, 1, 0, "Zed", "Other")],
    findings: [
      { id: "a", entityType: "PERSON", score: 0.9, explanation: "", unit: 0, start: 0, end: 7 },
      { id: "b", entityType: "PERSON", score: 0.9, explanation: "", unit: 1, start: 4, end: 10 },
    ],
  });

  it("redacts a whole column as whole-cell spans of that sheet only, skipping empty cells and the header", () => {
    const s = run(startDocumentReview(table), { type: "redactColumn", sheet: "People", column: 1, entityType: "PERSON" });
    expect(documentDecisions(s).added).toEqual([{ unit: 1, start: 0, end: 10, entityType: "PERSON" }]);
    expect(columnState(s, "People", 1)).toBe("redacted");
    expect(columnState(s, "People", 0)).toBe("mixed");
    // Doing it twice adds nothing more.
    expect(documentDecisions(run(s, { type: "redactColumn", sheet: "People", column: 1, entityType: "PERSON" })).added).toHaveLength(1);
  });

  it("never takes the header cell of a column without body text as its content", () => {
    const withNumbers = data({ kind: "table", sheets: table.sheets, findings: table.findings, units: [...table.units, header(7, 2, "tier")] });
    const s = run(startDocumentReview(withNumbers), { type: "redactColumn", sheet: "People", column: 2, entityType: "PERSON" });
    expect(documentDecisions(s).added).toEqual([]);
    expect(columnState(s, "People", 2)).toBe("empty");
    expect(columnNames(s.doc, "People").get(2)).toBe("tier");
  });

  it("skips a column: every finding and added span in it is rejected, other columns untouched", () => {
    const s0 = run(startDocumentReview(table), { type: "redactColumn", sheet: "People", column: 0, entityType: "PERSON" });
    const s = run(s0, { type: "skipColumn", sheet: "People", column: 0 });
    expect(documentDecisions(s)).toEqual({ rejected: ["a"], added: [], retyped: {} });
    expect(columnState(s, "People", 0)).toBe("skipped");
    expect(columnState(s, "Other", 0)).toBe("skipped");
  });
});

describe("pages", () => {
  const pdf = data({
    kind: "pages",
    pages: [{ page: 1, width: 612, height: 792 }],
    units: [{ unit: 0, text: "Signed: Ann Lee", part: "page", page: 1 }],
    findings: [
      { id: "p1", entityType: "PERSON", score: 0.85, explanation: "", unit: 0, start: 8, end: 15, page: 1, box: [50, 60, 90, 72], boxes: [[50, 60, 90, 72]] },
      { id: "p2", entityType: "SIGNATURE", score: 0.5, explanation: "", page: 1, box: [10, 10, 30, 20] },
    ],
  });

  it("shows a box per finding with its decision, and drawn areas", () => {
    let s = run(startDocumentReview(pdf), { type: "review", action: { type: "decide", id: "p1", decision: "rejected" } });
    s = run(s, { type: "draw", page: 1, box: [300, 400, 200, 380], entityType: "ORGANIZATION" });
    expect(pageMarks(s, 1)).toEqual([
      { id: "p1", entityType: "PERSON", boxes: [[50, 60, 90, 72]], decision: "rejected", drawn: false },
      { id: "p2", entityType: "SIGNATURE", boxes: [[10, 10, 30, 20]], decision: "accepted", drawn: false },
      { id: "d1", entityType: "ORGANIZATION", boxes: [[200, 380, 300, 400]], decision: "accepted", drawn: true },
    ]);
    expect(pageMarks(s, 2)).toEqual([]);
    expect(documentDecisions(s)).toEqual({ rejected: ["p1"], retyped: {}, added: [{ page: 1, box: [200, 380, 300, 400], entityType: "ORGANIZATION" }] });
  });

  it("ignores a click without a drag, and removes or retypes a drawn area", () => {
    const s0 = startDocumentReview(pdf);
    expect(run(s0, { type: "draw", page: 1, box: [5, 5, 5.5, 30], entityType: "X" })).toBe(s0);
    const s = run(s0, { type: "draw", page: 1, box: [5, 5, 50, 30], entityType: "X" }, { type: "retypeDrawn", id: "d1", entityType: "PERSON" });
    expect(s.drawn[0]?.entityType).toBe("PERSON");
    const gone = run(s, { type: "removeDrawn", id: "d1" });
    expect(gone.drawn).toEqual([]);
    expect(run(gone, { type: "removeDrawn", id: "d1" })).toBe(gone);
    expect(normalizeBox([4, 3, 2, 1])).toEqual([2, 1, 4, 3]);
  });
});
