/**
 * A document opened on the Redact page: it is uploaded as a one-file job run with review, and
 * once analysed it opens in the document review. Nothing is written until the user decides.
 */
import { useEffect, useState } from "react";
import { describeError, useApi } from "../../api/context";
import type { JobFileView } from "../../domain";
import { DocumentReview } from "./DocumentReview";

/** File states in which the analysis is over: reviewable, or with nothing to review. */
const SETTLED = new Set(["needs_review", "reviewed", "done", "failed", "skipped", "cancelled"]);

export function FileReview({ file, onClose }: { file: File; onClose: () => void }) {
  const api = useApi();
  const [jobId, setJobId] = useState<string | null>(null);
  const [settled, setSettled] = useState<JobFileView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const jobs = api.jobs;
    if (!jobs) return;
    let stop: (() => void) | null = null;
    let live = true;
    jobs
      .create([file], { review: true })
      .then((id) => {
        if (!live) return;
        setJobId(id);
        stop = jobs.watch(
          id,
          (job) => {
            const f = job.files[0];
            if (f && SETTLED.has(f.status)) {
              setSettled(f);
              stop?.();
            }
          },
          setError,
        );
      })
      .catch((e: unknown) => live && setError(describeError(e)));
    return () => {
      live = false;
      stop?.();
    };
  }, [api, file]);

  const problem = !api.jobs
    ? "This backend cannot open documents."
    : (error ?? (settled && !["needs_review", "reviewed"].includes(settled.status) ? (settled.error ?? `The file was not analysed (${settled.status}).`) : null));
  if (problem) {
    return (
      <section className="pane" aria-label="Document review">
        <p role="alert" className="error">
          {file.name}: {problem}
        </p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </section>
    );
  }
  if (!jobId || !settled) {
    return (
      <section className="pane" aria-label="Document review" aria-busy="true">
        <p>Analysing {file.name}…</p>
        <progress aria-label="Analysis progress" />
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </section>
    );
  }
  return <DocumentReview key={`${jobId}/${settled.index}`} jobId={jobId} index={settled.index} onClose={onClose} />;
}
