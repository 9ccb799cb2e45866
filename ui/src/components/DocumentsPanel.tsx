/**
 * Batch redaction of documents: drop or pick files, watch per-file and overall progress,
 * cancel, download each redacted copy and the findings report, read per-file errors and
 * which settings the job applied. A job runs with the saved settings of the moment it starts:
 * when they change afterwards, its redacted copies no longer match them, so downloads are
 * paused (with the reason) until the job is run again. A job run with review stops each file
 * after analysis: the file opens in the document review, and its redacted copy is written
 * from the decisions (or "Accept the rest as found" writes the others as found).
 */
/* oxlint-disable jsx-a11y/no-noninteractive-element-interactions -- drag and drop is a mouse shortcut; the file input next to it is the keyboard path. */
import { useEffect, useRef, useState } from "react";
import type { ChangeEvent, DragEvent } from "react";
import { describeError, useApi } from "../api/context";
import { ApiError } from "../api/port";
import type { JobFileView, JobView, SettingsApplied } from "../domain";
import { analysisKey } from "../review/reviewState";
import { useSettings } from "../settings/SettingsContext";
import { filesFromDrop } from "../host/droppedFiles";
import { saveBlob } from "../host/saveFile";
import { DocumentReview, fileStateText } from "./document/DocumentReview";

/** `webkitdirectory` is not in React's input props; every engine Redacta runs on supports it. */
const FOLDER_PICKER = { webkitdirectory: "" } as Record<string, string>;

const pct = (n: number) => `${Math.round(n * 100)}%`;
const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/** Everything a job's output depends on among the saved settings. */
const jobSettingsKey = (s: Parameters<typeof analysisKey>[0] & { operators: object }) => `${analysisKey(s)}|${JSON.stringify(s.operators)}`;

/** Findings per type, most frequent first: "PERSON 3 · EMAIL_ADDRESS 1". */
export function countsText(counts: Record<string, number> | undefined): string {
  if (!counts) return "";
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([t, n]) => `${t} ${n}`)
    .join(" · ");
}

/** File states with a review to open: waiting for one, or reviewed and open to change. */
const REVIEWABLE = new Set(["needs_review", "reviewed"]);

/** "page i of n" for a running PDF or image: the page being read (the last one once all are
 * read, while the copy is written); null for other files. */
export function pageText(f: JobFileView): string | null {
  if (f.status !== "running" || !f.pages) return null;
  const { done, total } = f.pages;
  return `page ${Math.min(done + 1, total)} of ${total}`;
}

/** A file's notes as one line: the backend writes some as full sentences and some as fragments
 * ("page 1: OCR confidence 0.99"), so a sentence is followed by a space, a fragment by "; ". */
export function notesText(notes: readonly string[]): string {
  return notes.reduce((line, n) => (line ? `${line}${/[.!?]$/.test(line) ? " " : "; "}${n}` : n), "");
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** The message for a failed upload. The backend refuses an upload over its body limit as a
 * whole (413) without knowing which files the user chose, so the panel names the size of the
 * selection and its largest file, which is what the user can change. */
export function uploadError(err: unknown, files: readonly Pick<File, "name" | "size">[]): string {
  if (!(err instanceof ApiError) || err.status !== 413 || files.length === 0) return describeError(err);
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const largest = files.reduce((a, b) => (b.size > a.size ? b : a));
  const limit = /\((\d+(?:\.\d+)? MB)\)/.exec(err.message)?.[1];
  const what = files.length === 1 ? "This file" : `These ${files.length} files`;
  const verb = files.length === 1 ? "is" : "are";
  return (
    `${what} (${megabytes(total)}) ${verb} more than one job takes${limit ? ` (${limit})` : ""}. ` +
    `Choose fewer or smaller files (the largest: ${baseName(largest.name)}, ${megabytes(largest.size)}); a folder can be sent in parts.`
  );
}

/** The files being read now, each with the page it is on inside a PDF or image; null when
 * none is. Files run side by side, so the job's last started file is not "the" current one. */
export function nowText(files: readonly JobFileView[]): string | null {
  const running = files.filter((f) => f.status === "running");
  if (running.length === 0) return null;
  return running
    .map((f) => {
      const where = pageText(f);
      return where ? `${baseName(f.name)} (${where})` : baseName(f.name);
    })
    .join(", ");
}

/** Why a file was not processed, for every skipped or failed file. */
export function fileReason(f: JobFileView): string | null {
  if (f.error) return f.error;
  if (f.status !== "skipped") return null;
  if (f.notes.length) return notesText(f.notes);
  const ext = /\.[^./\\]+$/.exec(f.name)?.[0];
  return `not a supported document type (${ext ? `${ext} files are not read` : "no file extension"})`;
}

/** The zip's name: the backend's own (`redacta-redacted-<job>.zip`), kept when saved here. */
export const zipName = (jobId: string) => `redacta-redacted-${jobId.slice(0, 8)}.zip`;

/** Why "Download all" cannot run now (null: it can). It zips every written copy, so it waits
 * until no file is still being read or waiting for its review; a job that wrote nothing has
 * nothing to give, and `blocked` (settings changed since the job ran) pauses every download. */
export function downloadAllReason(job: JobView, blocked: string | null): string | null {
  if (!job.finished) {
    return job.files.some((f) => f.status === "needs_review")
      ? "Download all is ready once every file is written: review the files that wait, or accept the rest as found."
      : "Download all is ready when the job ends.";
  }
  if (!job.files.some((f) => f.hasOutput)) return "No redacted copy was written, so there is nothing to download.";
  return blocked;
}

const SOURCE = { user: "your saved settings", request: "settings sent with the job", defaults: "the default settings" } as const;

/** One line per aspect of the settings a job applied (counts, never values). */
export function describeApplied(a: SettingsApplied): string[] {
  const ops = Object.entries(a.operators)
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([t, o]) => `${t} → ${o}`);
  return [
    `Source: ${SOURCE[a.source as keyof typeof SOURCE] ?? a.source}`,
    a.entities ? `Entity types: ${a.entities.length}` : "Entity types: the engine's defaults",
    `Minimum score: ${a.threshold.toFixed(2)}`,
    `Allow-list entries: ${a.allowList} · deny-list entries: ${a.denyLists} · custom recognizers: ${a.customRecognizers}`,
    `Operators: ${ops.length ? ops.join(", ") : "defaults"}`,
  ];
}

export function DocumentsPanel({ online }: { online: boolean }) {
  const api = useApi();
  const jobs = api.jobs;
  const { saved } = useSettings();
  const [job, setJob] = useState<JobView | null>(null);
  // The files and the saved settings the current job started with (to run it again, and to
  // tell when its output no longer matches the settings).
  const [jobInput, setJobInput] = useState<{ files: File[]; settingsKey: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [reviewFirst, setReviewFirst] = useState(false);
  const [keepNames, setKeepNames] = useState(false);
  const [reviewing, setReviewing] = useState<number | null>(null);
  const [zipping, setZipping] = useState(false);
  const stopWatch = useRef<(() => void) | null>(null);

  useEffect(() => () => stopWatch.current?.(), []);

  const currentKey = saved ? jobSettingsKey(saved) : null;
  // A job can start before the saved settings have loaded (the backend answers them late when
  // busy); it ran with the settings the backend held, and those cannot be edited here until
  // they load, so the settings that load are the job's: it takes their key, and a change after
  // that marks it outdated. Left unknown, the job would never be marked outdated. (Set while
  // rendering, as React advises for state that follows other state: no extra effect pass.)
  if (currentKey !== null && jobInput?.settingsKey === null) setJobInput({ ...jobInput, settingsKey: currentKey });

  if (!jobs) {
    return (
      <div className="panel-state">
        <h2>Documents</h2>
        <p>This backend does not offer document jobs. Paste text in the Redact tab instead.</p>
      </div>
    );
  }

  const running = job !== null && !job.finished;
  const outdated = jobInput !== null && currentKey !== null && jobInput.settingsKey !== null && jobInput.settingsKey !== currentKey;
  const downloadBlocked = outdated ? "Settings changed after this job ran: run it again to apply them before downloading." : null;

  const start = async (files: File[]) => {
    if (files.length === 0) return;
    setError(null);
    setStarting(true);
    stopWatch.current?.();
    setJobInput({ files, settingsKey: currentKey });
    setReviewing(null);
    try {
      const id = await jobs.create(files, { review: reviewFirst, keepNames });
      stopWatch.current = jobs.watch(id, setJob, setError);
    } catch (e) {
      setError(uploadError(e, files));
    } finally {
      setStarting(false);
    }
  };

  const download = async (index: number, name: string) => {
    if (!job || downloadBlocked) return;
    try {
      await saveBlob(await jobs.download(job.id, index), baseName(name));
    } catch (e) {
      setError(describeError(e));
    }
  };

  const zipReason = job ? downloadAllReason(job, downloadBlocked) : null;
  // The settings notice below already says why downloads are paused; other reasons show here.
  const zipHint = zipReason !== downloadBlocked ? zipReason : null;

  const downloadAll = async () => {
    if (!job || zipping || zipReason) return;
    setError(null);
    setZipping(true);
    try {
      await saveBlob(await jobs.downloadAll(job.id), zipName(job.id));
    } catch (e) {
      setError(`Download all failed: ${describeError(e)}`);
    } finally {
      setZipping(false);
    }
  };

  const report = async (format: "json" | "csv") => {
    if (!job) return;
    try {
      await saveBlob(await jobs.report(job.id, format), `redacta-report.${format}`);
    } catch (e) {
      setError(describeError(e));
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (running) return;
    // Read the items now: the DataTransfer is emptied once this handler returns.
    void filesFromDrop(e.dataTransfer).then(start, (err: unknown) => setError(describeError(err)));
  };

  const onPicked = (e: ChangeEvent<HTMLInputElement>) => {
    void start([...(e.target.files ?? [])]);
    // Cleared so that choosing the same files again starts another job.
    e.target.value = "";
  };

  const acceptRest = async () => {
    if (!job) return;
    try {
      await jobs.acceptRemaining(job.id);
    } catch (e) {
      setError(describeError(e));
    }
  };

  const count = (status: string) => job?.files.filter((f) => f.status === status).length ?? 0;
  const processed = count("done") + count("failed") + count("skipped") + count("needs_review") + count("reviewed");
  const waiting = count("needs_review");
  // Per-file granularity; while running, bytes make the bar move within big files too.
  const overall =
    job && job.filesTotal > 0 ? (running && job.bytesTotal > 0 ? job.bytesDone / job.bytesTotal : processed / job.filesTotal) : 0;
  const summary = job
    ? [
        `${processed} of ${job.filesTotal} files processed`,
        count("failed") ? `${count("failed")} failed` : "",
        count("skipped") ? `${count("skipped")} skipped` : "",
        count("cancelled") ? `${count("cancelled")} cancelled` : "",
        waiting ? `${waiting} to review` : "",
      ]
        .filter(Boolean)
        .join(" · ")
    : "";

  if (job && reviewing !== null) {
    return (
      <DocumentReview
        key={`${job.id}/${reviewing}`}
        jobId={job.id}
        index={reviewing}
        outputName={job.files.find((f) => f.index === reviewing)?.outputName}
        onClose={() => setReviewing(null)}
      />
    );
  }

  return (
    <div className="documents">
      <section
        className={`dropzone${dragging ? " dragging" : ""}`}
        aria-label="Add documents"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>Drop documents or folders here (.txt, .md, .log, .csv, .tsv, .json, .jsonl, .docx, .xlsx, .pdf, scans and photos: .png, .jpg, .jpeg, .tif, .tiff, .bmp, .webp) or</p>
        <div className="row">
          <label className="button primary">
            Choose files…
            <input
              type="file"
              multiple
              className="visually-hidden"
              disabled={!online || starting || running}
              onChange={onPicked}
            />
          </label>
          <label className="button">
            Choose a folder…
            <input
              type="file"
              multiple
              {...FOLDER_PICKER}
              className="visually-hidden"
              disabled={!online || starting || running}
              onChange={onPicked}
            />
          </label>
        </div>
        <label className="inline">
          <input type="checkbox" checked={reviewFirst} disabled={running} onChange={(e) => setReviewFirst(e.target.checked)} />
          Review each file before its redacted copy is written
        </label>
        <label className="inline">
          <input type="checkbox" checked={keepNames} disabled={running} onChange={(e) => setKeepNames(e.target.checked)} />
          Keep original file names
        </label>
        <p className="hint">Your files are not changed: Redacta writes redacted copies that you download here.</p>
      </section>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {starting && <p aria-busy="true">Uploading…</p>}
      {job && (
        <section aria-label="Job progress" className="job">
          <header className="pane-head">
            <h2>
              Job <span className="count">{job.status}</span>
              {job.findings > 0 && <span className="count">· {job.findings} findings</span>}
            </h2>
            <div className="row">
              {waiting > 0 && (
                <button type="button" onClick={() => void acceptRest()} title="Write every file not reviewed yet with its findings as found">
                  Accept the rest as found
                </button>
              )}
              {running && (
                <button type="button" onClick={() => void jobs.cancel(job.id).catch((e: unknown) => setError(describeError(e)))}>
                  Cancel
                </button>
              )}
              <button
                type="button"
                className="primary"
                onClick={() => void downloadAll()}
                disabled={zipping || zipReason !== null}
                aria-busy={zipping}
                aria-describedby={zipHint ? "download-all-reason" : undefined}
                title={zipReason ?? "Every redacted copy in one .zip, in the folders you gave"}
              >
                {zipping ? "Preparing the zip…" : "Download all (.zip)"}
              </button>
              {job.finished && job.status !== "failed" && (
                <>
                  <button type="button" onClick={() => void report("csv")}>
                    Report (CSV)
                  </button>
                  <button type="button" onClick={() => void report("json")}>
                    Report (JSON)
                  </button>
                </>
              )}
            </div>
          </header>
          {job.error && (
            <p role="alert" className="error">
              {job.error}
            </p>
          )}
          {zipHint && (
            <p className="hint" id="download-all-reason">
              {zipHint}
            </p>
          )}
          {downloadBlocked && !running && (
            <div className="notice row wrap">
              <output>{downloadBlocked}</output>
              <button type="button" disabled={!online || starting} onClick={() => jobInput && void start(jobInput.files)}>
                Run again
              </button>
            </div>
          )}
          {job.settingsApplied && (
            <details className="applied">
              <summary>Settings applied</summary>
              <ul aria-label="Settings applied">
                {describeApplied(job.settingsApplied).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </details>
          )}
          <label className="progress-label">
            <span>
              Overall: {summary}
              {running && nowText(job.files) ? ` · now: ${nowText(job.files)}` : ""}
            </span>
            <progress max={1} value={overall} aria-valuetext={pct(overall)} />
          </label>
          <ul className="job-files" aria-label="Files">
            {job.files.map((f) => (
              <li key={f.index} className={`job-file ${f.status}`}>
                <span className="file-name" title={f.name}>
                  {f.name}
                </span>
                {f.progress === null ? (
                  <progress aria-label={`${f.name} progress`} />
                ) : (
                  <progress max={1} value={f.progress} aria-label={`${f.name} progress`} />
                )}
                <span className="file-status">
                  {fileReason(f) ? (
                    <span className={f.status === "skipped" ? "hint" : "error"}>
                      {f.status === "skipped" ? "skipped: " : ""}
                      {fileReason(f)}
                    </span>
                  ) : (
                    <>
                      <span className={`file-state ${f.status}`}>{fileStateText(f.status)}</span>
                      {pageText(f) && <span className="file-pages"> · {pageText(f)}</span>}
                      {(f.status === "done" || REVIEWABLE.has(f.status)) && ` · ${f.findings} findings`}
                      {countsText(f.counts) && <span className="hint"> · {countsText(f.counts)}</span>}
                      {f.notes.length > 0 && <span className="hint"> · {notesText(f.notes)}</span>}
                    </>
                  )}
                </span>
                <span className="file-actions">
                  {REVIEWABLE.has(f.status) && (
                    <button type="button" onClick={() => setReviewing(f.index)} aria-label={`Review ${baseName(f.name)}`}>
                      Review
                    </button>
                  )}
                  {f.hasOutput && (
                    <button
                      type="button"
                      onClick={() => void download(f.index, f.outputName ?? f.name)}
                      disabled={downloadBlocked !== null}
                      title={downloadBlocked ?? undefined}
                      aria-label={`Download ${baseName(f.name)}`}
                    >
                      Download
                    </button>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
