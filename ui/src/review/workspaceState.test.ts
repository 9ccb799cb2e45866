import { describe, expect, it } from "vitest";
import type { Finding } from "../domain";
import { acceptedFindings } from "./reviewState";
import { emptyWorkspace, redactedName, workspaceReducer } from "./workspaceState";
import type { WorkspaceAction, WorkspaceState } from "./workspaceState";

const TEXT = "Hi Alice, mail alice@example.com.";
const finding = (id: string, start: number, end: number, entityType = "PERSON"): Finding => ({
  id,
  entityType,
  start,
  end,
  score: 0.85,
  recognizer: "Test",
  explanation: "",
  manual: false,
});
const FINDINGS = [finding("b", 15, 32, "EMAIL_ADDRESS"), finding("a", 3, 8)];

const run = (actions: WorkspaceAction[], from: WorkspaceState = emptyWorkspace) => actions.reduce(workspaceReducer, from);

describe("workspace state", () => {
  it("an analysis leaves edit mode, keeps the analyzed text as the draft and focuses the first finding", () => {
    const s = run([
      { type: "edit", draft: TEXT },
      { type: "analyzeStarted", startedAt: 100 },
      { type: "analyzeProgress", done: 10, total: 33, at: 600 },
    ]);
    expect(s.analyzing).toBe(true);
    expect(s.progress).toEqual({ done: 10, total: 33, startedAt: 100, at: 600 });
    const done = run([{ type: "analyzed", text: TEXT, findings: FINDINGS, analysisKey: "k" }, { type: "analyzeEnded" }], s);
    expect(done.editing).toBe(false);
    expect(done.analyzing).toBe(false);
    expect(done.progress).toBeNull();
    expect(done.focusRequest).toEqual({ id: "a", seq: 1 });
    expect(done.review.text).toBe(TEXT);
    expect(acceptedFindings(done.review).map((f) => f.id)).toEqual(["a", "b"]);
  });

  it("ignores progress that arrives after the analysis ended", () => {
    const s = run([{ type: "analyzeStarted", startedAt: 0 }, { type: "analyzeEnded" }, { type: "analyzeProgress", done: 1, total: 2, at: 5 }]);
    expect(s.progress).toBeNull();
  });

  it("a started analysis clears the previous error; a failure keeps the review on screen", () => {
    const analyzed = run([{ type: "analyzed", text: TEXT, findings: FINDINGS, analysisKey: "k" }]);
    const failed = run([{ type: "analyzeStarted", startedAt: 0 }, { type: "analyzeFailed", error: "Cancelled." }, { type: "analyzeEnded" }], analyzed);
    expect(failed.analyzeError).toBe("Cancelled.");
    expect(failed.review).toBe(analyzed.review);
    expect(run([{ type: "analyzeStarted", startedAt: 1 }], failed).analyzeError).toBeNull();
  });

  it("a loaded file starts a new review under a derived save name", () => {
    const analyzed = run([
      { type: "analyzed", text: TEXT, findings: FINDINGS, analysisKey: "k" },
      { type: "review", action: { type: "decide", id: "a", decision: "rejected" } },
      { type: "fileFailed", error: "old" },
    ]);
    const s = workspaceReducer(analyzed, { type: "fileLoaded", name: "ticket.txt", text: "Other text" });
    expect(s.draft).toBe("Other text");
    expect(s.review.text).toBe("");
    expect(s.review.decisions).toEqual({});
    expect(s.review.revision).toBeGreaterThan(analyzed.review.revision);
    expect(s.fileName).toBe("ticket.redacted.txt");
    expect(s.editing).toBe(true);
    expect(s.analyzeError).toBeNull();
    expect(redactedName("notes")).toBe("notes.redacted");
  });

  it("adds the selected span with the chosen type and clears the selection", () => {
    const selected = run([
      { type: "analyzed", text: TEXT, findings: [finding("a", 3, 8)], analysisKey: "k" },
      { type: "select", selection: { start: 15, end: 32 }, addType: "EMAIL_ADDRESS" },
    ]);
    expect(selected.addType).toBe("EMAIL_ADDRESS"); // the type offered for this selection
    expect(run([{ type: "select", selection: null }], selected).addType).toBe("EMAIL_ADDRESS");
    const s = run([{ type: "addSelection", entityType: "EMAIL_ADDRESS" }], selected);
    expect(s.selection).toBeNull();
    const added = s.review.findings.find((f) => f.manual);
    expect(added).toMatchObject({ start: 15, end: 32, entityType: "EMAIL_ADDRESS" });
    expect(run([{ type: "addSelection", entityType: "PERSON" }], s)).toBe(s);
  });

  it("review actions go through the review reducer; a no-op keeps the same state object", () => {
    const s = run([{ type: "analyzed", text: TEXT, findings: FINDINGS, analysisKey: "k" }]);
    expect(workspaceReducer(s, { type: "review", action: { type: "decide", id: "a", decision: "accepted" } })).toBe(s);
    const rejected = workspaceReducer(s, { type: "review", action: { type: "decide", id: "a", decision: "rejected" } });
    expect(acceptedFindings(rejected.review).map((f) => f.id)).toEqual(["b"]);
  });

  it("remembers which review state the shown output was computed for, and its failure", () => {
    const s = run([{ type: "outputFailed", error: "offline" }, { type: "outputReady", text: "Hi <PERSON>", key: "3|{}" }]);
    expect(s.output).toEqual({ text: "Hi <PERSON>", key: "3|{}" });
    expect(s.outputError).toBeNull();
    expect(run([{ type: "outputFailed", error: "offline" }], s).output).toEqual(s.output);
  });

  it("showing a finding leaves edit mode and asks again for focus each time", () => {
    const s = run([{ type: "startEditing" }, { type: "show", id: "b" }, { type: "show", id: "b" }]);
    expect(s.editing).toBe(false);
    expect(s.focusRequest).toEqual({ id: "b", seq: 2 });
    expect(run([{ type: "dragging", over: false }])).toBe(emptyWorkspace);
  });
});
