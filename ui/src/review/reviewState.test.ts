import { describe, expect, it } from "vitest";
import type { Finding } from "../domain";
import { acceptedFindings, emptyReview, reviewReducer } from "./reviewState";

const text = "Alice met Bob in Paris";
const findings: Finding[] = [
  { id: "a", entityType: "PERSON", start: 0, end: 5, score: 0.85, recognizer: "Spacy", explanation: "", manual: false },
  { id: "b", entityType: "PERSON", start: 10, end: 13, score: 0.85, recognizer: "Spacy", explanation: "", manual: false },
  { id: "p", entityType: "LOCATION", start: 17, end: 22, score: 0.85, recognizer: "Spacy", explanation: "", manual: false },
];
const analyzed = reviewReducer(emptyReview, { type: "analyzed", text, findings });

describe("reviewReducer", () => {
  it("accepts every finding after analysis", () => {
    expect(acceptedFindings(analyzed).map((f) => f.id)).toEqual(["a", "b", "p"]);
  });

  it("leaves rejected findings out of the export", () => {
    const s = reviewReducer(analyzed, { type: "decide", id: "b", decision: "rejected" });
    expect(acceptedFindings(s).map((f) => f.id)).toEqual(["a", "p"]);
    const back = reviewReducer(s, { type: "decide", id: "b", decision: "accepted" });
    expect(acceptedFindings(back).map((f) => f.id)).toEqual(["a", "b", "p"]);
  });

  it("ignores decisions for unknown ids and returns the same state for no-ops", () => {
    expect(reviewReducer(analyzed, { type: "decide", id: "zzz", decision: "rejected" })).toBe(analyzed);
    expect(reviewReducer(analyzed, { type: "decide", id: "a", decision: "accepted" })).toBe(analyzed);
  });

  it("rejects or accepts all of one type", () => {
    const s = reviewReducer(analyzed, { type: "decideAll", decision: "rejected", entityType: "PERSON" });
    expect(acceptedFindings(s).map((f) => f.id)).toEqual(["p"]);
    const all = reviewReducer(s, { type: "decideAll", decision: "rejected" });
    expect(acceptedFindings(all)).toEqual([]);
  });

  it("adds a missed span as an accepted manual finding and rejects what it overlaps", () => {
    const s = reviewReducer(analyzed, { type: "addManual", start: 13, end: 6, entityType: "PERSON" });
    const manual = s.findings.find((f) => f.manual);
    expect(manual).toMatchObject({ start: 6, end: 13, entityType: "PERSON", id: "m1" });
    expect(text.slice(6, 13)).toBe("met Bob");
    expect(s.decisions.b).toBe("rejected");
    expect(acceptedFindings(s).map((f) => f.id)).toEqual(["a", "m1", "p"]);
  });

  it("keeps both of two overlapping accepted findings for the export (the backend merges them)", () => {
    const street = "27 Rue des Lilas";
    const model: Finding = { id: "loc", entityType: "LOCATION", start: 0, end: 10, score: 0.85, recognizer: "Spacy", explanation: "", manual: false };
    const deny: Finding = { id: "deny", entityType: "LOCATION", start: 3, end: 16, score: 1, recognizer: "Deny", explanation: "", manual: false };
    const s = reviewReducer(emptyReview, { type: "analyzed", text: street, findings: [deny, model] });
    expect(acceptedFindings(s).map((f) => f.id)).toEqual(["loc", "deny"]);
    const one = reviewReducer(s, { type: "decide", id: "loc", decision: "rejected" });
    expect(acceptedFindings(one).map((f) => f.id)).toEqual(["deny"]);
  });

  it("refuses empty or out-of-text manual spans", () => {
    expect(reviewReducer(analyzed, { type: "addManual", start: 4, end: 4, entityType: "X" })).toBe(analyzed);
    const s = reviewReducer(analyzed, { type: "addManual", start: 20, end: 500, entityType: "X" });
    expect(s.findings.find((f) => f.manual)).toMatchObject({ start: 20, end: 22 });
  });

  it("starts over on a new analysis", () => {
    const s = reviewReducer(reviewReducer(analyzed, { type: "decide", id: "a", decision: "rejected" }), {
      type: "analyzed",
      text,
      findings,
    });
    expect(s.decisions.a).toBe("accepted");
  });
});
