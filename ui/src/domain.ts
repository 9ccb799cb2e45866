/**
 * The UI's own vocabulary. API shapes come from the generated schema (src/api); these are
 * the few shapes the components share, so they do not depend on wire details.
 */

/** One detected (or user-added) span of personal data in the analyzed text. */
export interface Finding {
  /** Stable id within one analysis (`f<start>-<end>-<type>` or `m<n>` for manual ones). */
  id: string;
  entityType: string;
  /** UTF-16 offsets into the analyzed text, end exclusive (JS string indices). */
  start: number;
  end: number;
  score: number;
  /** Which recognizer found it and why (shown on hover/focus); empty for manual spans. */
  recognizer: string;
  explanation: string;
  /** True when the user marked it by hand. */
  manual: boolean;
  /** The type the engine reported, when the user changed it to `entityType`. */
  detectedType?: string;
}

export type Decision = "accepted" | "rejected";

/** A span of the analyzed text the user selected (UTF-16 offsets, end exclusive). */
export interface SpanSelection {
  start: number;
  end: number;
}

/** Operators a user can pick per entity type. */
export const OPERATORS = ["replace", "redact", "mask", "hash", "encrypt", "pseudonymize", "keep"] as const;
export type OperatorName = (typeof OPERATORS)[number];

/** A per-entity operator choice with its options (only the ones its operator uses). */
export interface OperatorChoice {
  type: OperatorName;
  newValue?: string;
  maskingChar?: string;
  charsToMask?: number;
  fromEnd?: boolean;
  key?: string;
}

/** A user-defined regex recognizer (validated by the backend). */
export interface CustomRecognizer {
  name: string;
  entityType: string;
  pattern: string;
  score: number;
  ignoreCase?: boolean;
  /** Words near a match that raise its score. */
  context?: string[];
}

/** The user's persisted choices (stored by the backend in the OS app-data folder). */
export interface UserSettings {
  entities: string[];
  threshold: number;
  operators: Record<string, OperatorChoice>;
  allowList: string[];
  /** Entity type → words always treated as that type. */
  denyLists: Record<string, string[]>;
  recognizers: CustomRecognizer[];
}

/** Result of a redaction: the output text plus where each replacement landed. */
export interface RedactionResult {
  text: string;
  items: { entityType: string; start: number; end: number; operator: string }[];
}

/** One regex match from the live recognizer test. */
export interface RegexMatch {
  start: number;
  end: number;
  text: string;
}

/** A running or finished document job, as the documents panel shows it. */
export interface JobView {
  id: string;
  /** queued | running | completed | cancelled | failed */
  status: string;
  /** True once the job can no longer change. */
  finished: boolean;
  error?: string;
  findings: number;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  files: JobFileView[];
  /** Which settings the job used (counts, never values); absent from backends that do not say. */
  settingsApplied?: SettingsApplied;
}

/** The settings a document job applied, as its status reports them. */
export interface SettingsApplied {
  /** "user" (saved settings), "request" (sent with the job) or "defaults". */
  source: string;
  /** Enabled entity types, or null for the engine's defaults. */
  entities: string[] | null;
  threshold: number;
  /** Counts of allow-listed values, deny-listed values (all types) and custom recognizers. */
  allowList: number;
  denyLists: number;
  customRecognizers: number;
  /** Entity type → operator name. */
  operators: Record<string, string>;
}

/** A rectangle on a page in PDF points, origin at the page's top-left: `[x0, y0, x1, y1]`. */
export type PageBox = [number, number, number, number];

/** How a document is shown for review. */
export type DocumentKind = "text" | "table" | "docx" | "pages";

/** One piece of a document's text: a paragraph, a cell, a note, a line of a page. */
export interface DocumentUnit {
  unit: number;
  text: string;
  /** body, table, header, footer, comment, note, cell, page… */
  part: string;
  sheet?: string;
  row?: number;
  column?: number;
  columnHeader?: string;
  page?: number;
}

/** A finding of a job's file; text offsets are UTF-16 into its unit's text. */
export interface DocumentFinding {
  id: string;
  entityType: string;
  score: number;
  explanation: string;
  unit?: number;
  start?: number;
  end?: number;
  page?: number;
  box?: PageBox;
  /** One box per line the finding spans. */
  boxes?: PageBox[];
  /** Once the file is reviewed: what was decided, and the type a retyped finding was redacted as. */
  decision?: "accepted" | "rejected" | "retyped";
  retypedAs?: string;
}

/** A span or area the user added to a file that is reviewed (UTF-16 offsets for spans). */
export type DocumentAdded =
  | { entityType: string; unit: number; start: number; end: number }
  | { entityType: string; page: number; box: PageBox };

export interface PageSize {
  page: number;
  width: number;
  height: number;
}

/** Everything the review of one job file needs: its units, findings and pages. */
export interface DocumentData {
  jobId: string;
  index: number;
  name: string;
  kind: DocumentKind;
  /** needs_review | reviewed | done | … */
  state: string;
  units: DocumentUnit[];
  findings: DocumentFinding[];
  counts: Record<string, number>;
  sheets: string[];
  pages: PageSize[];
  /** Once the file is reviewed: the spans and areas the user added. */
  added?: DocumentAdded[];
}

export interface JobFileView {
  index: number;
  name: string;
  /** pending | running | done | failed | skipped | cancelled */
  status: string;
  /** 0..1 (pages read while a PDF or image runs), or null while running without a page
   * count (shown as an indeterminate bar). */
  progress: number | null;
  error?: string;
  notes: string[];
  findings: number;
  /** True when a redacted copy can be downloaded. */
  hasOutput: boolean;
  /** The redacted copy's file name, when one was written. */
  outputName?: string;
  /** Findings per type, when the backend says. */
  counts?: Record<string, number>;
  /** PDFs and images: pages read so far of the file's page count, once it is opened. */
  pages?: { done: number; total: number };
}
