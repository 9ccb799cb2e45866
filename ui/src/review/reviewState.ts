/**
 * Review state: which findings the user accepts. The export is built from exactly the
 * accepted set, so this reducer is the single place that decides what gets redacted.
 */
import type { Decision, Finding } from "../domain";

export interface ReviewState {
  /** The text the findings refer to (offsets are into this string). */
  text: string;
  findings: Finding[];
  decisions: Record<string, Decision>;
  manualCount: number;
}

export type ReviewAction =
  | { type: "analyzed"; text: string; findings: Finding[] }
  | { type: "decide"; id: string; decision: Decision }
  | { type: "decideAll"; decision: Decision; entityType?: string }
  | { type: "addManual"; start: number; end: number; entityType: string }
  | { type: "clear" };

export const emptyReview: ReviewState = { text: "", findings: [], decisions: {}, manualCount: 0 };

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case "analyzed": {
      const decisions: Record<string, Decision> = {};
      for (const f of action.findings) decisions[f.id] = "accepted";
      return { text: action.text, findings: action.findings, decisions, manualCount: 0 };
    }
    case "decide":
      if (!(action.id in state.decisions) || state.decisions[action.id] === action.decision) return state;
      return { ...state, decisions: { ...state.decisions, [action.id]: action.decision } };
    case "decideAll": {
      const decisions = { ...state.decisions };
      for (const f of state.findings) {
        if (!action.entityType || f.entityType === action.entityType) decisions[f.id] = action.decision;
      }
      return { ...state, decisions };
    }
    case "addManual": {
      const start = Math.max(0, Math.min(action.start, action.end));
      const end = Math.min(state.text.length, Math.max(action.start, action.end));
      if (end <= start) return state;
      const n = state.manualCount + 1;
      const finding: Finding = {
        id: `m${n}`,
        entityType: action.entityType,
        start,
        end,
        score: 1,
        recognizer: "",
        explanation: "Added by you",
        manual: true,
      };
      // Earlier-overlapping automatic findings are rejected: the user's span wins.
      const decisions: Record<string, Decision> = { ...state.decisions, [finding.id]: "accepted" };
      for (const f of state.findings) {
        if (f.start < end && start < f.end) decisions[f.id] = "rejected";
      }
      const findings = [...state.findings, finding].sort((a, b) => a.start - b.start || b.end - a.end);
      return { ...state, findings, decisions, manualCount: n };
    }
    case "clear":
      return emptyReview;
  }
}

/**
 * The findings that go into the export, in text order. Overlapping accepted findings are all
 * sent: the backend merges them into their union, so no accepted character stays in clear.
 */
export function acceptedFindings(state: ReviewState): Finding[] {
  const accepted = state.findings.filter((f) => state.decisions[f.id] === "accepted");
  return accepted.sort((a, b) => a.start - b.start || b.end - a.end);
}
