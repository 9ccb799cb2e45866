/**
 * The Redact workspace's state around the review: the text being edited, the analysis in
 * flight and its progress, the output shown and what it was computed for, the span selected
 * for adding, and where the keyboard focus should go. The review itself (decisions, types,
 * operators) is `reviewState.ts`; this reducer wraps it so one dispatch moves the whole
 * workspace consistently (an analysis result both replaces the review and leaves edit mode).
 */
import type { Finding, SpanSelection } from "../domain";
import { FIRST_ADD_TYPE } from "./addType";
import { emptyReview, reviewReducer } from "./reviewState";
import type { ReviewAction, ReviewState } from "./reviewState";

export interface AnalysisProgress {
  done: number;
  total: number;
  /** `performance.now()` when the analysis started and when this progress arrived. */
  startedAt: number;
  at: number;
}

export interface WorkspaceState {
  /** The text in the editor (may differ from the analyzed `review.text`). */
  draft: string;
  /** The name the redacted text is saved under. */
  fileName: string;
  review: ReviewState;
  /** True while the textarea is shown instead of the highlighted text. */
  editing: boolean;
  analyzing: boolean;
  /** `performance.now()` when the running analysis started. */
  analysisStartedAt: number;
  progress: AnalysisProgress | null;
  analyzeError: string | null;
  /** The shown output and the review state (`outputKey`) it was computed for. */
  output: { text: string; key: string } | null;
  outputError: string | null;
  /** A span the user selected to add as a finding, with the type offered for it. */
  selection: SpanSelection | null;
  addType: string;
  /** A finding to scroll to and focus; `seq` makes a repeated request count. */
  focusRequest: { id: string; seq: number } | null;
  /** True while a file is dragged over the text pane. */
  dragging: boolean;
}

export type WorkspaceAction =
  | { type: "edit"; draft: string }
  | { type: "startEditing" }
  | { type: "fileLoaded"; name: string; text: string }
  | { type: "fileFailed"; error: string }
  | { type: "analyzeStarted"; startedAt: number }
  | { type: "analyzeProgress"; done: number; total: number; at: number }
  | { type: "analyzed"; text: string; findings: Finding[]; analysisKey: string }
  | { type: "analyzeFailed"; error: string }
  | { type: "analyzeEnded" }
  | { type: "review"; action: ReviewAction }
  | { type: "outputReady"; text: string; key: string }
  | { type: "outputFailed"; error: string }
  /** Selects a span to add; `addType` is the type the add bar offers for it. */
  | { type: "select"; selection: SpanSelection | null; addType?: string }
  | { type: "setAddType"; entityType: string }
  /** Adds the selected span as a finding of `entityType` (the type the add bar shows). */
  | { type: "addSelection"; entityType: string }
  /** Shows the highlighted text and focuses finding `id` in it. */
  | { type: "show"; id: string }
  | { type: "dragging"; over: boolean };

export const emptyWorkspace: WorkspaceState = {
  draft: "",
  fileName: "redacted.txt",
  review: emptyReview,
  editing: true,
  analyzing: false,
  analysisStartedAt: 0,
  progress: null,
  analyzeError: null,
  output: null,
  outputError: null,
  selection: null,
  addType: FIRST_ADD_TYPE,
  focusRequest: null,
  dragging: false,
};

/** `ticket.txt` → `ticket.redacted.txt`; a name without extension gets `.redacted`. */
export function redactedName(name: string): string {
  return name.replace(/(\.[^.]+)?$/, ".redacted$1");
}

const focus = (state: WorkspaceState, id: string) => ({ id, seq: (state.focusRequest?.seq ?? 0) + 1 });

/** The finding that comes first in the text, where keyboard users land after an analysis. */
function firstFinding(findings: readonly Finding[]): Finding | undefined {
  return findings.reduce<Finding | undefined>((a, f) => (!a || f.start < a.start ? f : a), undefined);
}

export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case "edit":
      return action.draft === state.draft ? state : { ...state, draft: action.draft };
    case "startEditing":
      return { ...state, editing: true };
    case "fileLoaded":
      // A new document starts a new review (its own decisions and operator choices).
      return {
        ...state,
        draft: action.text,
        review: reviewReducer(state.review, { type: "clear" }),
        fileName: redactedName(action.name),
        editing: true,
        analyzeError: null,
        selection: null,
      };
    case "fileFailed":
      return { ...state, analyzeError: action.error };
    case "analyzeStarted":
      return { ...state, analyzing: true, analysisStartedAt: action.startedAt, analyzeError: null, progress: null };
    case "analyzeProgress":
      if (!state.analyzing) return state;
      return { ...state, progress: { done: action.done, total: action.total, startedAt: state.analysisStartedAt, at: action.at } };
    case "analyzed": {
      const review = reviewReducer(state.review, { type: "analyzed", text: action.text, findings: action.findings, analysisKey: action.analysisKey });
      const first = firstFinding(action.findings);
      return {
        ...state,
        draft: action.text,
        review,
        editing: false,
        selection: null,
        focusRequest: first ? focus(state, first.id) : state.focusRequest,
      };
    }
    case "analyzeFailed":
      return { ...state, analyzeError: action.error };
    case "analyzeEnded":
      return { ...state, analyzing: false, progress: null };
    case "review": {
      const review = reviewReducer(state.review, action.action);
      return review === state.review ? state : { ...state, review };
    }
    case "outputReady":
      return { ...state, output: { text: action.text, key: action.key }, outputError: null };
    case "outputFailed":
      return { ...state, outputError: action.error };
    case "select":
      return { ...state, selection: action.selection, addType: action.addType ?? state.addType };
    case "setAddType":
      return { ...state, addType: action.entityType };
    case "addSelection": {
      if (!state.selection) return state;
      const { start, end } = state.selection;
      const review = reviewReducer(state.review, { type: "addManual", start, end, entityType: action.entityType });
      return { ...state, review, selection: null };
    }
    case "show":
      return { ...state, editing: false, focusRequest: focus(state, action.id) };
    case "dragging":
      return state.dragging === action.over ? state : { ...state, dragging: action.over };
  }
}
