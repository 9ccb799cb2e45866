/**
 * Batch redaction of documents: drop files, watch per-file and overall progress, cancel,
 * download results, read per-file errors. Hidden behind a notice when the backend has no
 * jobs API.
 */
/* oxlint-disable jsx-a11y/no-noninteractive-element-interactions -- drag and drop is a mouse shortcut; the file input next to it is the keyboard path. */
import { useEffect, useRef, useState } from "react";
import type { DragEvent } from "react";
import { describeError, useApi } from "../api/context";
import type { JobView } from "../domain";

const FINAL = new Set(["done", "completed", "succeeded", "failed", "cancelled", "canceled", "error"]);

function pct(n: number) {
  return `${Math.round(n * 100)}%`;
}

export function DocumentsPanel({ online }: { online: boolean }) {
  const api = useApi();
  const jobs = api.jobs;
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [dragging, setDragging] = useState(false);
  const stopWatch = useRef<(() => void) | null>(null);

  useEffect(() => () => stopWatch.current?.(), []);

  if (!jobs) {
    return (
      <div className="panel-state">
        <h2>Documents</h2>
        <p>This backend does not offer document jobs yet. Paste text in the Redact tab instead.</p>
      </div>
    );
  }

  const start = async (files: File[]) => {
    if (files.length === 0) return;
    setError(null);
    setStarting(true);
    stopWatch.current?.();
    try {
      const id = await jobs.create(files);
      setJob(await jobs.get(id));
      stopWatch.current = jobs.watch(id, setJob);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setStarting(false);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void start([...e.dataTransfer.files]);
  };

  const running = job !== null && !FINAL.has(job.status);
  const overall = job && job.filesTotal > 0 ? (job.bytesTotal > 0 ? job.bytesDone / job.bytesTotal : job.filesDone / job.filesTotal) : 0;

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
        <p>Drop documents here (.txt, .md, .csv, .json, .docx, .xlsx, .pdf) or</p>
        <label className="button primary">
          Choose files…
          <input
            type="file"
            multiple
            className="visually-hidden"
            disabled={!online || starting || running}
            onChange={(e) => void start([...(e.target.files ?? [])])}
          />
        </label>
        <p className="hint">Originals are never changed; redacted copies are written next to the job's results.</p>
      </section>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {job && (
        <section aria-label="Job progress" className="job">
          <header className="pane-head">
            <h2>
              Job <span className="count">{job.status}</span>
            </h2>
            {running && (
              <button type="button" onClick={() => void jobs.cancel(job.id).catch((e: unknown) => setError(describeError(e)))}>
                Cancel
              </button>
            )}
          </header>
          <label className="progress-label">
            Overall: {job.filesDone} of {job.filesTotal} files
            <progress max={1} value={overall} aria-valuetext={pct(overall)} />
          </label>
          <ul className="job-files" aria-label="Files">
            {job.files.map((f) => (
              <li key={f.name} className={`job-file ${f.status}`}>
                <span className="file-name">{f.name}</span>
                <progress max={1} value={f.progress} aria-label={`${f.name} progress`} />
                <span className="file-status">
                  {f.error ? (
                    <span className="error">{f.error}</span>
                  ) : (
                    <>
                      {f.status}
                      {f.findings !== undefined && ` · ${f.findings} findings`}
                    </>
                  )}
                </span>
                {f.outputUrl && (
                  <a href={f.outputUrl} download>
                    Open result
                  </a>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
