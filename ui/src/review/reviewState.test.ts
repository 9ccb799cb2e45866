import { describe, expect, it } from "vitest";
import type { Finding } from "../domain";
import { acceptedFindings, analysisKey, effectiveOperators, emptyReview, exportGate, outputKey, reviewReducer, staleReason } from "./reviewState";
import type { ExportInputs, ReviewState } from "./reviewState";

const text = "Alice met Bob in Paris";
const findings: Finding[] = [
  { id: "a", entityType: "PERSON", start: 0, end: 5, score: 0.85, recognizer: "Spacy", explanation: "", manual: false },
  { id: "b", entityType: "PERSON", start: 10, end: 13, score: 0.85, recognizer: "Spacy", explanation: "", manual: false },
  { id: "p", entityType: "LOCATION", start: 17, end: 22, score: 0.85, recognizer: "Spacy", explanation: "", manual: false },
];
const analyzed = reviewReducer(emptyReview, { type: "analyzed", text, findings, analysisKey: "k" });

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

  it("adds a missed span as an accepted manual finding and keeps what it overlaps accepted (merged on export)", () => {
    const s = reviewReducer(analyzed, { type: "addManual", start: 13, end: 6, entityType: "PERSON" });
    const manual = s.findings.find((f) => f.manual);
    expect(manual).toMatchObject({ start: 6, end: 13, entityType: "PERSON", id: "m1" });
    expect(text.slice(6, 13)).toBe("met Bob");
    // A narrower or shifted span must not put the rest of a found value back in clear.
    expect(s.decisions.b).toBe("accepted");
    expect(acceptedFindings(s).map((f) => f.id)).toEqual(["a", "m1", "b", "p"]);
  });

  it("keeps both of two overlapping accepted findings for the export (the backend merges them)", () => {
    const street = "27 Rue des Lilas";
    const model: Finding = { id: "loc", entityType: "LOCATION", start: 0, end: 10, score: 0.85, recognizer: "Spacy", explanation: "", manual: false };
    const deny: Finding = { id: "deny", entityType: "LOCATION", start: 3, end: 16, score: 1, recognizer: "Deny", explanation: "", manual: false };
    const s = reviewReducer(emptyReview, { type: "analyzed", text: street, findings: [deny, model], analysisKey: "k" });
    expect(acceptedFindings(s).map((f) => f.id)).toEqual(["loc", "deny"]);
    const one = reviewReducer(s, { type: "decide", id: "loc", decision: "rejected" });
    expect(acceptedFindings(one).map((f) => f.id)).toEqual(["deny"]);
  });

  it("refuses empty or out-of-text manual spans", () => {
    expect(reviewReducer(analyzed, { type: "addManual", start: 4, end: 4, entityType: "X" })).toBe(analyzed);
    const s = reviewReducer(analyzed, { type: "addManual", start: 20, end: 500, entityType: "X" });
    expect(s.findings.find((f) => f.manual)).toMatchObject({ start: 20, end: 22 });
  });

  it("starts over after clear", () => {
    const s = reviewReducer(reviewReducer(analyzed, { type: "decide", id: "a", decision: "rejected" }), { type: "clear" });
    expect(s.findings).toEqual([]);
    const again = reviewReducer(s, { type: "analyzed", text, findings, analysisKey: "k" });
    expect(again.decisions.a).toBe("accepted");
  });
});

const auto = (id: string, entityType: string, start: number, end: number): Finding => ({
  id,
  entityType,
  start,
  end,
  score: 0.85,
  recognizer: "Spacy",
  explanation: "",
  manual: false,
});

describe("re-analysis keeps the review", () => {
  it("keeps rejections, changed types and added spans when the text is the same", () => {
    let s = reviewReducer(analyzed, { type: "decide", id: "b", decision: "rejected" });
    s = reviewReducer(s, { type: "retype", id: "p", entityType: "ORGANIZATION" });
    s = reviewReducer(s, { type: "addManual", start: 6, end: 9, entityType: "NRP" });
    // The engine ids may differ between runs; position, text and detected type match them.
    const again = reviewReducer(s, {
      type: "analyzed",
      text,
      findings: [auto("x1", "PERSON", 0, 5), auto("x2", "PERSON", 10, 13), auto("x3", "LOCATION", 17, 22)],
      analysisKey: "k2",
    });
    expect(again.analysisKey).toBe("k2");
    expect(again.decisions.x2).toBe("rejected");
    expect(again.findings.find((f) => f.id === "x3")).toMatchObject({ entityType: "ORGANIZATION", detectedType: "LOCATION" });
    expect(again.findings.find((f) => f.manual)).toMatchObject({ id: "m1", start: 6, end: 9 });
    expect(acceptedFindings(again).map((f) => f.id)).toEqual(["x1", "m1", "x3"]);
  });

  it("follows an edit: spans before it keep their place, spans after it move, spans inside it are dropped", () => {
    let s = reviewReducer(analyzed, { type: "decide", id: "a", decision: "rejected" });
    s = reviewReducer(s, { type: "decide", id: "p", decision: "rejected" });
    s = reviewReducer(s, { type: "addManual", start: 10, end: 13, entityType: "PERSON" }); // "Bob"
    const edited = "Alice met dear Bobby in Paris"; // "Bob" became "dear Bobby": the manual span is gone
    const shift = edited.length - text.length;
    const again = reviewReducer(s, {
      type: "analyzed",
      text: edited,
      findings: [auto("n1", "PERSON", 0, 5), auto("n2", "PERSON", 15, 20), auto("n3", "LOCATION", 17 + shift, 22 + shift)],
      analysisKey: "k",
    });
    expect(edited.slice(17 + shift, 22 + shift)).toBe("Paris");
    expect(again.decisions).toEqual({ n1: "rejected", n2: "accepted", n3: "rejected" });
    expect(again.findings.some((f) => f.manual)).toBe(false);
  });

  it("does not carry a decision to a finding of another type at the same place", () => {
    const s = reviewReducer(analyzed, { type: "decide", id: "p", decision: "rejected" });
    const again = reviewReducer(s, { type: "analyzed", text, findings: [auto("q", "ORGANIZATION", 17, 22)], analysisKey: "k" });
    expect(again.decisions.q).toBe("accepted");
  });
});

describe("review conveniences", () => {
  const twice = "Ann wrote to Ann and Bo";
  const base = reviewReducer(emptyReview, {
    type: "analyzed",
    text: twice,
    findings: [auto("1", "PERSON", 0, 3), auto("2", "PERSON", 13, 16), auto("3", "PERSON", 21, 23)],
    analysisKey: "k",
  });

  it("rejects every occurrence of a value", () => {
    const s = reviewReducer(base, { type: "decideValue", decision: "rejected", value: "Ann" });
    expect(acceptedFindings(s).map((f) => f.id)).toEqual(["3"]);
  });

  it("changes a finding's type and remembers what was detected; changing it back forgets it", () => {
    const s = reviewReducer(base, { type: "retype", id: "3", entityType: "LOCATION" });
    expect(s.findings.find((f) => f.id === "3")).toMatchObject({ entityType: "LOCATION", detectedType: "PERSON" });
    const back = reviewReducer(s, { type: "retype", id: "3", entityType: "PERSON" });
    expect(back.findings.find((f) => f.id === "3")?.detectedType).toBeUndefined();
  });

  it("keeps operator choices for this text apart from the saved defaults", () => {
    const saved = { DEFAULT: { type: "replace" as const }, PHONE_NUMBER: { type: "mask" as const } };
    const s = reviewReducer(base, { type: "setOperator", entityType: "PERSON", operator: { type: "pseudonymize" } });
    expect(effectiveOperators(saved, s)).toEqual({ ...saved, PERSON: { type: "pseudonymize" } });
    expect(saved).not.toHaveProperty("PERSON");
    expect(effectiveOperators(saved, reviewReducer(s, { type: "clearOperator", entityType: "PERSON" }))).toEqual(saved);
  });
});

describe("analysisKey", () => {
  const settings = { entities: ["PERSON", "EMAIL_ADDRESS"], threshold: 0.35, allowList: [], denyLists: { LOCATION: ["Rue"] }, recognizers: [] };
  it("ignores the order of entities and deny lists, but not their content", () => {
    expect(analysisKey({ ...settings, entities: ["EMAIL_ADDRESS", "PERSON"] })).toBe(analysisKey(settings));
    expect(analysisKey({ ...settings, allowList: ["Acme"] })).not.toBe(analysisKey(settings));
    expect(analysisKey({ ...settings, threshold: 0.5 })).not.toBe(analysisKey(settings));
    expect(analysisKey({ ...settings, denyLists: { LOCATION: ["Rue", "Via"] } })).not.toBe(analysisKey(settings));
  });
});

describe("exportGate", () => {
  const review: ReviewState = { ...analyzed, analysisKey: "k" };
  const current = outputKey(review, {});
  const ok: ExportInputs = {
    review,
    draft: text,
    settingsKey: "k",
    wantedOutput: current,
    shownOutput: current,
    outputError: null,
    analyzing: false,
    online: true,
  };

  it("allows export only when the shown output was computed for the text, settings and decisions on screen", () => {
    expect(exportGate(ok)).toEqual({ allowed: true, reason: null });
    expect(exportGate({ ...ok, draft: `${text}!` })).toMatchObject({ allowed: false, reason: expect.stringContaining("text changed") });
    expect(exportGate({ ...ok, settingsKey: "other" })).toMatchObject({ allowed: false, reason: expect.stringContaining("Settings changed") });
    expect(exportGate({ ...ok, analyzing: true }).allowed).toBe(false);
    expect(exportGate({ ...ok, review: emptyReview }).allowed).toBe(false);
  });

  it("blocks a decision the output does not show yet, and says why when the engine is unreachable", () => {
    const decided = reviewReducer(review, { type: "decide", id: "a", decision: "rejected" });
    const wanted = outputKey(decided, {});
    expect(wanted).not.toBe(current);
    const pending = { ...ok, review: decided, wantedOutput: wanted };
    expect(exportGate(pending)).toMatchObject({ allowed: false, reason: expect.stringContaining("Updating") });
    expect(exportGate({ ...pending, online: false })).toMatchObject({ allowed: false, reason: expect.stringContaining("offline") });
    expect(exportGate({ ...pending, outputError: "network down" })).toMatchObject({ allowed: false, reason: expect.stringContaining("could not be updated") });
    expect(exportGate({ ...pending, shownOutput: wanted })).toEqual({ allowed: true, reason: null });
  });

  it("blocks when the saved operators change until the output follows them", () => {
    const wanted = outputKey(review, { PERSON: { type: "mask" } });
    expect(exportGate({ ...ok, wantedOutput: wanted }).allowed).toBe(false);
  });
});

describe("staleReason", () => {
  it("says what changed since the analysis", () => {
    const review: ReviewState = { ...analyzed, analysisKey: "k" };
    expect(staleReason(review, text, "k")).toBeNull();
    expect(staleReason(review, "other", "k")).toContain("text changed");
    expect(staleReason(review, text, "k2")).toContain("Settings changed");
    expect(staleReason(emptyReview, "draft", "k")).toBeNull();
  });
});
