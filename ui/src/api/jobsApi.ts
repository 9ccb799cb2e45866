/**
 * Document jobs over HTTP (generated client). Progress is read by polling the job, which
 * carries every file's state: EventSource cannot send the bearer header, and a local
 * backend answers a poll in a millisecond.
 */
import type { Client } from "openapi-fetch";
import type { JobFileView, JobView, SettingsApplied } from "../domain";
import { fromWireDocument, toWireDecisions } from "./reviewWire";
import type { WirePreview } from "./reviewWire";
import type { components, paths } from "./schema.gen";
import { ApiError } from "./port";
import type { JobsApi } from "./port";
import { errorMessage } from "./errors";

type JobDetail = components["schemas"]["JobDetail"];
type FileResult = components["schemas"]["FileResult"];

const FINAL_JOB = new Set(["completed", "cancelled", "failed"]);
/** File states that have a written output to download. */
const WRITTEN = new Set(["done", "reviewed"]);
const POLL_MS = 400;

function fileView(f: FileResult): JobFileView {
  const status = f.state ?? "pending";
  const pages = f.pages_total ? { done: Math.min(f.pages_done ?? 0, f.pages_total), total: f.pages_total } : undefined;
  const running = pages ? pages.done / pages.total : null;
  return {
    index: f.index,
    name: f.path,
    status,
    progress: status === "running" ? running : status === "pending" || status === "cancelled" ? 0 : 1,
    ...(pages ? { pages } : {}),
    error: f.error ?? undefined,
    notes: f.notes ?? [],
    findings: f.findings ?? 0,
    hasOutput: WRITTEN.has(status) && Boolean(f.output),
    counts: f.by_entity ?? undefined,
    outputName: f.output ? (f.output.split(/[\\/]/).pop() ?? undefined) : undefined,
  };
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/**
 * Reads `settings_applied` from a job status; tolerant of backends (and schema versions) that
 * do not send it, so the panel simply shows nothing then.
 */
export function settingsApplied(raw: unknown): SettingsApplied | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const r = raw as Record<string, unknown>;
  const operators: Record<string, string> = {};
  if (r.operators && typeof r.operators === "object") {
    for (const [k, v] of Object.entries(r.operators as Record<string, unknown>)) {
      const name = typeof v === "string" ? v : v && typeof v === "object" ? (v as { type?: unknown }).type : undefined;
      if (typeof name === "string") operators[k] = name;
    }
  }
  return {
    source: typeof r.source === "string" ? r.source : "defaults",
    entities: Array.isArray(r.entities) ? r.entities.filter((e): e is string => typeof e === "string") : null,
    threshold: num(r.threshold),
    allowList: num(r.allow_list),
    denyLists: num(r.deny_lists),
    customRecognizers: num(r.custom_recognizers),
    operators,
  };
}

/** Files in name order, numbers compared as numbers (page2 before page10). */
const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

export function jobView(j: JobDetail): JobView {
  return {
    id: j.id,
    status: j.state,
    finished: FINAL_JOB.has(j.state),
    error: j.error ?? undefined,
    findings: j.findings,
    filesDone: j.files_done,
    filesTotal: j.files_total,
    bytesDone: j.bytes_done,
    bytesTotal: j.bytes_total,
    files: j.files.map(fileView).sort((a, b) => byName.compare(a.name, b.name) || a.index - b.index),
    settingsApplied: settingsApplied(j.settings_applied),
  };
}

function fail(r: { error?: unknown; response: Response }): never {
  throw new ApiError(errorMessage(r.response.status, r.error), r.response.status);
}

export function createJobsApi(client: Client<paths>): JobsApi {
  const api: JobsApi = {
    async create(files, options) {
      const form = new FormData();
      // The relative path keeps a folder's tree in the output (the browser gives it for folders).
      for (const f of files) form.append("files", f, f.webkitRelativePath || f.name);
      const review = options?.review ?? false;
      const keepNames = options?.keepNames ?? false;
      form.append("options", "{}");
      form.append("review", String(review));
      form.append("keep_names", String(keepNames));
      const r = await client.POST("/api/v1/jobs/upload", {
        // The generated type describes the form fields; the FormData carries the real files.
        body: { files: [], options: "{}", review, keep_names: keepNames },
        bodySerializer: () => form,
      });
      if (!r.data) return fail(r);
      return r.data.id;
    },

    async get(id) {
      const r = await client.GET("/api/v1/jobs/{job_id}", { params: { path: { job_id: id } } });
      if (!r.data) return fail(r);
      return jobView(r.data);
    },

    watch(id, onUpdate, onError) {
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const tick = async () => {
        try {
          const job = await api.get(id);
          if (stopped) return;
          onUpdate(job);
          if (job.finished) return;
        } catch (e) {
          if (stopped) return;
          onError(e instanceof Error ? e.message : "Lost the job's progress.");
        }
        timer = setTimeout(() => void tick(), POLL_MS);
      };
      void tick();
      return () => {
        stopped = true;
        clearTimeout(timer);
      };
    },

    async cancel(id) {
      const r = await client.POST("/api/v1/jobs/{job_id}/cancel", { params: { path: { job_id: id } } });
      if (!r.response.ok) fail(r);
    },

    async download(id, index) {
      const r = await client.GET("/api/v1/jobs/{job_id}/files/{index}", {
        params: { path: { job_id: id, index } },
        parseAs: "blob",
      });
      if (!r.response.ok || !r.data) return fail(r);
      return r.data as Blob;
    },

    async downloadAll(id) {
      const r = await client.GET("/api/v1/jobs/{job_id}/outputs.zip", {
        params: { path: { job_id: id } },
        parseAs: "blob",
      });
      if (!r.response.ok || !r.data) return fail(r);
      return r.data as Blob;
    },

    async report(id, format) {
      const r = await client.GET("/api/v1/jobs/{job_id}/report", {
        params: { path: { job_id: id }, query: { format } },
        parseAs: "blob",
      });
      if (!r.response.ok || !r.data) return fail(r);
      return r.data as Blob;
    },

    async openReview(id, index) {
      const path = { job_id: id, index };
      const [preview, found] = await Promise.all([
        client.GET("/api/v1/jobs/{job_id}/files/{index}/preview", { params: { path } }),
        client.GET("/api/v1/jobs/{job_id}/files/{index}/findings", { params: { path } }),
      ]);
      if (!preview.data) return fail(preview);
      if (!found.data) return fail(found);
      return fromWireDocument(id, preview.data as WirePreview, found.data);
    },

    async pageImage(id, index, page, signal) {
      const r = await client.GET("/api/v1/jobs/{job_id}/files/{index}/preview", {
        params: { path: { job_id: id, index }, query: { page } },
        parseAs: "blob",
        signal,
      });
      if (!r.response.ok || !r.data) return fail(r);
      return r.data as Blob;
    },

    async decide(doc, decisions) {
      const r = await client.POST("/api/v1/jobs/{job_id}/files/{index}/decisions", {
        params: { path: { job_id: doc.jobId, index: doc.index } },
        body: toWireDecisions(doc, decisions),
      });
      if (!r.data) return fail(r);
      return { state: r.data.state, counts: r.data.counts, ...(r.data.output ? { output: r.data.output } : {}) };
    },

    async acceptRemaining(id) {
      const r = await client.POST("/api/v1/jobs/{job_id}/accept-remaining", { params: { path: { job_id: id } } });
      if (!r.response.ok) fail(r);
    },
  };
  return api;
}
