import { describe, expect, it } from "vitest";
import { documentDecisions, documentReducer, startDocumentReview } from "../review/documentReview";
import { fromWireDocument, toWireDecisions } from "./reviewWire";
import type { WireFindings, WirePreview } from "./reviewWire";

// "😀" is one code point (the backend's unit) and two UTF-16 units (JavaScript's).
const preview: WirePreview = {
  kind: "docx",
  units: [
    { unit: 0, text: "😀 Ann Lee", part: "body" },
    { unit: 1, text: "Bo Ray", part: "footer", page: null },
  ],
};
const findings: WireFindings = {
  index: 2,
  name: "memo.docx",
  kind: "docx",
  state: "needs_review",
  counts: { PERSON: 1 },
  findings: [{ id: "x1", entity_type: "PERSON", score: 0.85, explanation: "spaCy", location: { unit: 0, start: 2, end: 9 } }],
};

/** The wire form of a one-page PDF (US Letter, in points) whose text layer is `text`. */
function onePagePdf(text: string, review: Omit<WireFindings, "index" | "name" | "kind">): [WirePreview, WireFindings] {
  return [
    { kind: "pages", units: [{ unit: 0, text, part: "page", page: 1 }], pages: [{ page: 1, width: 612, height: 792 }] },
    { index: 0, name: "a.pdf", kind: "pages", ...review },
  ];
}

describe("review wire", () => {
  it("reads units and findings, offsets converted to UTF-16", () => {
    const d = fromWireDocument("job", preview, findings);
    expect(d).toMatchObject({ jobId: "job", index: 2, name: "memo.docx", kind: "docx", state: "needs_review", counts: { PERSON: 1 } });
    expect(d.units[1]).toEqual({ unit: 1, text: "Bo Ray", part: "footer", sheet: undefined, row: undefined, column: undefined, columnHeader: undefined, page: undefined });
    const f = d.findings[0];
    expect(d.units[0]?.text.slice(f?.start, f?.end)).toBe("Ann Lee");
  });

  it("reads page boxes, and sends added spans in code points and drawn areas as boxes", () => {
    const pages = fromWireDocument(
      "job",
      ...onePagePdf("😀 Ann", {
        state: "needs_review",
        counts: { PERSON: 1 },
        findings: [{ id: "p", entity_type: "PERSON", score: 1, explanation: "", location: { page: 1, box: [1, 2, 3, 4], boxes: [[1, 2, 3, 4]] } }],
      }),
    );
    expect(pages.findings[0]).toEqual({ id: "p", entityType: "PERSON", score: 1, explanation: "", page: 1, box: [1, 2, 3, 4], boxes: [[1, 2, 3, 4]] });
    let s = startDocumentReview(pages);
    s = documentReducer(s, { type: "review", action: { type: "addManual", start: 3, end: 6, entityType: "PERSON" } });
    s = documentReducer(s, { type: "draw", page: 1, box: [10, 20, 110, 40], entityType: "PERSON" });
    s = documentReducer(s, { type: "review", action: { type: "decide", id: "p", decision: "rejected" } });
    expect(toWireDecisions(pages, documentDecisions(s))).toEqual({
      rejected: ["p"],
      retyped: {},
      added: [
        { unit: 0, start: 2, end: 5, entity_type: "PERSON" },
        { page: 1, box: [10, 20, 110, 40], entity_type: "PERSON" },
      ],
    });
  });

  it("reads a reviewed file's decisions and additions, and the review starts from them", () => {
    const reviewed = fromWireDocument(
      "job",
      ...onePagePdf("😀 Ann Lee, ann@x.org", {
        state: "reviewed",
        counts: { PERSON: 1, EMAIL_ADDRESS: 1 },
        findings: [
          { id: "f1", entity_type: "PERSON", score: 0.85, explanation: "", location: { unit: 0, start: 2, end: 9 }, decision: "rejected" },
          { id: "f2", entity_type: "EMAIL_ADDRESS", score: 1, explanation: "", location: { unit: 0, start: 11, end: 20 }, decision: "retyped", retyped_as: "CONTACT" },
        ],
        added: [
          { entity_type: "TERM", location: { unit: 0, start: 0, end: 1 } },
          { entity_type: "REDACTED", location: { page: 1, box: [10, 20, 110, 40], boxes: [[10, 20, 110, 40]] } },
        ],
      }),
    );
    expect(reviewed.findings.map((f) => [f.decision, f.retypedAs])).toEqual([
      ["rejected", undefined],
      ["retyped", "CONTACT"],
    ]);
    expect(reviewed.added).toEqual([
      { entityType: "TERM", unit: 0, start: 0, end: 2 },
      { entityType: "REDACTED", page: 1, box: [10, 20, 110, 40] },
    ]);
    const s = startDocumentReview(reviewed);
    const byId = Object.fromEntries(s.review.findings.map((f) => [f.id, f]));
    expect(s.review.decisions).toMatchObject({ f1: "rejected", f2: "accepted" });
    expect(byId.f2?.entityType).toBe("CONTACT");
    const added = s.review.findings.filter((f) => f.manual);
    expect(added.map((f) => [s.doc.text.slice(f.start, f.end), f.entityType, s.review.decisions[f.id]])).toEqual([["😀", "TERM", "accepted"]]);
    expect(s.drawn).toEqual([{ id: "d1", page: 1, box: [10, 20, 110, 40], entityType: "REDACTED" }]);
    // What the view shows is what the copy was written from.
    expect(toWireDecisions(reviewed, documentDecisions(s))).toEqual({
      rejected: ["f1"],
      retyped: { f2: "CONTACT" },
      added: [
        { unit: 0, start: 0, end: 1, entity_type: "TERM" },
        { page: 1, box: [10, 20, 110, 40], entity_type: "REDACTED" },
      ],
    });
  });
});
