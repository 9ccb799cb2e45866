/**
 * Review state: which findings the user accepts, how each type is replaced for this text, and
 * whether the redacted output may be exported. The export is built from exactly the accepted
 * set with exactly these operators, so this module is the single place that decides what gets
 * redacted and when the output shown may leave the app.
 */
import type { Decision, Finding, OperatorChoice, UserSettings } from "../domain";

export interface ReviewState {
  /** The text the findings refer to (offsets are into this string). */
  text: string;
  findings: Finding[];
  decisions: Record<string, Decision>;
  manualCount: number;
  /** The analysis settings the findings were computed with (see `analysisKey`). */
  analysisKey: string;
  /** Operators chosen for this text only; they win over the saved defaults. */
  operators: Record<string, OperatorChoice>;
  /** Bumped on every change that alters what the output must show. */
  revision: number;
}

export type ReviewAction =
  | { type: "analyzed"; text: string; findings: Finding[]; analysisKey: string }
  | { type: "decide"; id: string; decision: Decision }
  | { type: "decideAll"; decision: Decision; entityType?: string }
  /** Every finding whose text is exactly `value`. */
  | { type: "decideValue"; decision: Decision; value: string }
  | { type: "retype"; id: string; entityType: string }
  | { type: "addManual"; start: number; end: number; entityType: string }
  | { type: "setOperator"; entityType: string; operator: OperatorChoice }
  | { type: "clearOperator"; entityType: string }
  | { type: "clear" };

export const emptyReview: ReviewState = {
  text: "",
  findings: [],
  decisions: {},
  manualCount: 0,
  analysisKey: "",
  operators: {},
  revision: 0,
};

/**
 * The settings an analysis depends on, as a comparable key: when it changes, the findings on
 * screen were computed with other settings and must be re-analyzed before export. Operators are
 * not part of it (they only change the output, which follows them).
 */
export function analysisKey(s: Pick<UserSettings, "entities" | "threshold" | "allowList" | "denyLists" | "recognizers">): string {
  const deny = Object.keys(s.denyLists)
    .sort()
    .map((k) => [k, s.denyLists[k]]);
  return JSON.stringify([[...s.entities].sort(), s.threshold, s.allowList, deny, s.recognizers]);
}

/**
 * Where each character of `before` is in `after`, for an edit in one place: the common prefix
 * keeps its offsets, the common suffix shifts by the length change, the edited middle is gone.
 */
function positionMap(before: string, after: string): (start: number, end: number) => [number, number] | null {
  if (before === after) return (start, end) => [start, end];
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  const delta = after.length - before.length;
  const tailStart = before.length - suffix;
  return (start, end) => {
    if (end <= prefix) return [start, end];
    if (start >= tailStart) return [start + delta, end + delta];
    return null;
  };
}

const spanKey = (start: number, end: number, entityType: string) => `${start}:${end}:${entityType}`;

/**
 * A new analysis keeps the user's work: a finding at the same place (after the edit, if the
 * text changed), with the same text and detected type, keeps its decision and chosen type;
 * spans added by hand stay where their text still is. Everything else starts accepted.
 */
function carryOver(prev: ReviewState, text: string, findings: Finding[]): Pick<ReviewState, "findings" | "decisions" | "manualCount"> {
  const decisions: Record<string, Decision> = {};
  for (const f of findings) decisions[f.id] = "accepted";
  if (prev.findings.length === 0) return { findings, decisions, manualCount: 0 };
  const map = positionMap(prev.text, text);
  const previous = new Map<string, Finding>();
  const manual: Finding[] = [];
  for (const f of prev.findings) {
    const at = map(f.start, f.end);
    if (!at || prev.text.slice(f.start, f.end) !== text.slice(at[0], at[1])) continue;
    const moved = { ...f, start: at[0], end: at[1] };
    if (f.manual) manual.push(moved);
    else previous.set(spanKey(at[0], at[1], f.detectedType ?? f.entityType), moved);
  }
  const out = findings.map((f) => {
    const old = previous.get(spanKey(f.start, f.end, f.entityType));
    if (!old) return f;
    decisions[f.id] = prev.decisions[old.id] ?? "accepted";
    return old.detectedType ? { ...f, entityType: old.entityType, detectedType: old.detectedType } : f;
  });
  for (const m of manual) decisions[m.id] = prev.decisions[m.id] ?? "accepted";
  return { findings: sortFindings([...out, ...manual]), decisions, manualCount: prev.manualCount };
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.start - b.start || b.end - a.end);
}

function bump(state: ReviewState, change: Partial<ReviewState>): ReviewState {
  return { ...state, ...change, revision: state.revision + 1 };
}

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case "analyzed":
      return bump(state, { text: action.text, analysisKey: action.analysisKey, ...carryOver(state, action.text, action.findings) });
    case "decide":
      if (!(action.id in state.decisions) || state.decisions[action.id] === action.decision) return state;
      return bump(state, { decisions: { ...state.decisions, [action.id]: action.decision } });
    case "decideAll": {
      const decisions = { ...state.decisions };
      for (const f of state.findings) {
        if (!action.entityType || f.entityType === action.entityType) decisions[f.id] = action.decision;
      }
      return bump(state, { decisions });
    }
    case "decideValue": {
      const decisions = { ...state.decisions };
      for (const f of state.findings) {
        if (state.text.slice(f.start, f.end) === action.value) decisions[f.id] = action.decision;
      }
      return bump(state, { decisions });
    }
    case "retype": {
      const findings = state.findings.map((f) => {
        if (f.id !== action.id || f.entityType === action.entityType) return f;
        const detectedType = f.detectedType ?? f.entityType;
        return { ...f, entityType: action.entityType, detectedType: detectedType === action.entityType ? undefined : detectedType };
      });
      return bump(state, { findings });
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
      // Overlapping findings keep their decisions: accepted ones are merged with the user's span
      // into their union (typed by the user's, the surer), so adding a narrower span never puts
      // the rest of a found value back in clear. The user rejects a finding explicitly.
      const decisions: Record<string, Decision> = { ...state.decisions, [finding.id]: "accepted" };
      return bump(state, { findings: sortFindings([...state.findings, finding]), decisions, manualCount: n });
    }
    case "setOperator":
      return bump(state, { operators: { ...state.operators, [action.entityType]: action.operator } });
    case "clearOperator": {
      if (!(action.entityType in state.operators)) return state;
      const operators = { ...state.operators };
      delete operators[action.entityType];
      return bump(state, { operators });
    }
    case "clear":
      return { ...emptyReview, revision: state.revision + 1 };
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

/** The operators the output uses: the saved defaults, overridden by this text's choices. */
export function effectiveOperators(saved: Record<string, OperatorChoice>, state: ReviewState): Record<string, OperatorChoice> {
  return { ...saved, ...state.operators };
}

/** Identifies what the output must reflect: the review (text, decisions, types, operators) and the saved operators. */
export function outputKey(state: ReviewState, savedOperators: Record<string, OperatorChoice>): string {
  return `${state.revision}|${JSON.stringify(savedOperators)}`;
}

export interface ExportInputs {
  review: ReviewState;
  /** The text in the editor now (may differ from the analyzed text). */
  draft: string;
  /** `analysisKey` of the saved settings now; null while they are not loaded. */
  settingsKey: string | null;
  /** The `outputKey` of the inputs now. */
  wantedOutput: string;
  /** The `outputKey` the shown output was computed for; null if none. */
  shownOutput: string | null;
  outputError: string | null;
  analyzing: boolean;
  online: boolean;
}

export type ExportGate = { allowed: true; reason: null } | { allowed: false; reason: string };

const no = (reason: string): ExportGate => ({ allowed: false, reason });

/**
 * Copy, Save and the menu's save are allowed only when the output on screen was computed for
 * the text, settings and decisions on screen; otherwise the reason says what to do.
 */
export function exportGate(i: ExportInputs): ExportGate {
  if (i.analyzing) return no("Analysis in progress.");
  if (!i.review.text) return no("Analyze the text first.");
  if (i.draft !== i.review.text) return no("The text changed since the analysis: re-analyze before exporting.");
  if (i.settingsKey !== null && i.settingsKey !== i.review.analysisKey) {
    return no("Settings changed since the analysis: re-analyze before exporting.");
  }
  if (i.outputError) return no("Export paused: the output could not be updated, so it may not match your review.");
  if (i.shownOutput !== i.wantedOutput) {
    return no(i.online ? "Updating the output to match your review…" : "The engine is offline: the output does not match your latest review yet.");
  }
  return { allowed: true, reason: null };
}

/** Why the findings on screen are out of date, or null if they are current. */
export function staleReason(review: ReviewState, draft: string, settingsKey: string | null): string | null {
  if (!review.text) return null;
  if (draft !== review.text) return "The text changed since the last analysis.";
  if (settingsKey !== null && settingsKey !== review.analysisKey) return "Settings changed since the last analysis.";
  return null;
}
