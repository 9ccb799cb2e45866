/**
 * What the UI needs from the backend, in the UI's own terms. `httpApi.ts` implements it with the
 * client generated from services/openapi.json; component tests pass a small in-memory one.
 */
import type { CustomRecognizer, DocumentData, Finding, JobView, OperatorChoice, RedactionResult, RegexMatch, UserSettings } from "../domain";
import type { DocumentDecisions } from "../review/documentReview";

export interface BackendInfo {
  version: string;
  /** Every entity type the engine can report (supported and enabled by default), sorted. */
  entities: string[];
  /** The types the engine's own recognizers find (not custom recognizers' or deny lists'). */
  supported: string[];
}

/** How far a running analysis is, in characters of the text. */
export interface AnalyzeProgress {
  done: number;
  total: number;
}

/** The outcome of a restore: the text, how many labels were replaced and which were unknown. */
export interface RestoreResult {
  text: string;
  restored: number;
  unknownLabels: string[];
}

export interface AnalyzeOptions {
  entities: string[];
  threshold: number;
}

export interface BackendApi {
  /** True when the backend process answers its liveness probe. */
  alive(signal?: AbortSignal): Promise<boolean>;
  info(): Promise<BackendInfo>;
  /** Finds personal data; `onProgress` is called as the backend reports progress (long texts). */
  analyze(text: string, options: AnalyzeOptions, signal?: AbortSignal, onProgress?: (p: AnalyzeProgress) => void): Promise<Finding[]>;
  /** Anonymizes exactly the given findings with the per-entity operators. */
  redact(text: string, findings: Finding[], operators: Record<string, OperatorChoice>, signal?: AbortSignal): Promise<RedactionResult>;
  restore(text: string): Promise<RestoreResult>;
  exportVault(passphrase: string): Promise<Blob>;
  importVault(file: Blob, passphrase: string): Promise<number>;
  getSettings(): Promise<UserSettings>;
  putSettings(settings: UserSettings): Promise<UserSettings>;
  testRecognizer(recognizer: CustomRecognizer, sample: string, signal?: AbortSignal): Promise<RegexMatch[]>;
  /** Null when this backend has no documents API yet. */
  jobs: JobsApi | null;
}

/** A file's state after its review decisions were applied. */
export interface DecidedFile {
  state: string;
  counts: Record<string, number>;
  /** Where the copy was written, relative to the job's output. */
  output?: string;
}

export interface JobsApi {
  /**
   * Uploads the files and starts a job; resolves to its id. With `review`, each file stops
   * after analysis until its decisions are sent (or the rest is accepted as found). With
   * `keepNames`, the redacted copies keep the input names instead of `<name>-redacted.<ext>`.
   */
  create(files: File[], options?: { review?: boolean; keepNames?: boolean }): Promise<string>;
  get(id: string): Promise<JobView>;
  /** Calls `onUpdate` with each progress snapshot until the job ends; returns a stop function. */
  watch(id: string, onUpdate: (job: JobView) => void, onError: (message: string) => void): () => void;
  cancel(id: string): Promise<void>;
  /** The redacted copy of file `index`. */
  download(id: string, index: number): Promise<Blob>;
  /** Every redacted copy of a finished job as one zip, under their output paths. */
  downloadAll(id: string): Promise<Blob>;
  /** The job's findings report (no detected values unless the job asked for them). */
  report(id: string, format: "json" | "csv"): Promise<Blob>;
  /** A file's text units, findings and pages, for its review. */
  openReview(id: string, index: number): Promise<DocumentData>;
  /** Page `page` (1-based) of a file, rendered as a PNG. */
  pageImage(id: string, index: number, page: number, signal?: AbortSignal): Promise<Blob>;
  /** Applies the review's decisions to the stored findings and writes the file's output. */
  decide(doc: DocumentData, decisions: DocumentDecisions): Promise<DecidedFile>;
  /** Finishes every file still waiting for review with its findings as found. */
  acceptRemaining(id: string): Promise<void>;
}

/** An error the user can act on: the backend's message (never the user's text). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}
