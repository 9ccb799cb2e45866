import { describe, expect, it } from "vitest";
import { jobView, settingsApplied } from "../api/jobsApi";
import type { JobFileView, JobView } from "../domain";
import { ApiError } from "../api/port";
import { describeApplied, downloadAllReason, fileReason, notesText, nowText, pageText, uploadError } from "./DocumentsPanel";

const file = (over: Partial<JobFileView>): JobFileView => ({
  index: 0,
  name: "a.txt",
  status: "done",
  progress: 1,
  notes: [],
  findings: 0,
  hasOutput: true,
  ...over,
});

const wireFile = (index: number, path: string) => ({ index, path, state: "done" as const });

describe("fileReason", () => {
  it("gives a reason for every skipped or failed file, and none for a done one", () => {
    expect(fileReason(file({ status: "failed", error: "Not a valid .docx file." }))).toBe("Not a valid .docx file.");
    expect(fileReason(file({ status: "skipped", name: "photos/cat.png" }))).toBe("not a supported document type (.png files are not read)");
    expect(fileReason(file({ status: "skipped", name: "Makefile" }))).toBe("not a supported document type (no file extension)");
    expect(fileReason(file({ status: "skipped", notes: ["empty file"] }))).toBe("empty file");
    expect(fileReason(file({}))).toBeNull();
  });
});

describe("notesText", () => {
  it("joins full sentences with a space and fragments with a semicolon, never '.;'", () => {
    expect(
      notesText([
        "2 author name(s) removed from the document's metadata.",
        "The first-page thumbnail is not kept in the output.",
      ]),
    ).toBe("2 author name(s) removed from the document's metadata. The first-page thumbnail is not kept in the output.");
    expect(notesText(["page 1: OCR confidence 0.99, 10 words", "page 2: OCR confidence 0.98, 14 words", "PDF rebuilt."])).toBe(
      "page 1: OCR confidence 0.99, 10 words; page 2: OCR confidence 0.98, 14 words; PDF rebuilt.",
    );
    expect(notesText([])).toBe("");
  });
});

/** A chosen file of `n` MB (decimal, as the messages count). */
const mb = (n: number) => ({ name: "", size: n * 1_000_000 });

describe("uploadError", () => {
  const server = "Request body too large: the limit is 26214400 bytes (25.0 MB). Send a smaller text or document, or raise REDACTA_MAX_BODY_BYTES.";
  it("says which files are too many or too big for one job, and what to do, on a 413", () => {
    expect(uploadError(new ApiError(server, 413), [{ ...mb(31.2), name: "huge.txt" }, { ...mb(0.01), name: "notes.txt" }])).toBe(
      "These 2 files (31.2 MB) are more than one job takes (25.0 MB). Choose fewer or smaller files (the largest: huge.txt, 31.2 MB); a folder can be sent in parts.",
    );
    expect(uploadError(new ApiError("too large", 413), [{ ...mb(40), name: "scan.pdf" }])).toBe(
      "This file (40.0 MB) is more than one job takes. Choose fewer or smaller files (the largest: scan.pdf, 40.0 MB); a folder can be sent in parts.",
    );
  });
  it("leaves other errors as they are", () => {
    expect(uploadError(new ApiError("Bad options", 422), [mb(1)])).toBe("Bad options");
    expect(uploadError(new TypeError("fetch failed"), [mb(1)])).toBe("Cannot reach the Redacta backend. It may be starting or stopped.");
  });
});

describe("settings applied", () => {
  it("reads the job status field (counts only) and describes it", () => {
    const a = settingsApplied({
      source: "user",
      entities: ["PERSON", "EMPLOYEE_ID"],
      threshold: 0.4,
      allow_list: 2,
      deny_lists: 1,
      custom_recognizers: 1,
      operators: { PERSON: "pseudonymize", DEFAULT: { type: "replace" } },
    });
    expect(a).toEqual({
      source: "user",
      entities: ["PERSON", "EMPLOYEE_ID"],
      threshold: 0.4,
      allowList: 2,
      denyLists: 1,
      customRecognizers: 1,
      operators: { PERSON: "pseudonymize", DEFAULT: "replace" },
    });
    expect(describeApplied(a as NonNullable<typeof a>)).toEqual([
      "Source: your saved settings",
      "Entity types: 2",
      "Minimum score: 0.40",
      "Allow-list entries: 2 · deny-list entries: 1 · custom recognizers: 1",
      "Operators: DEFAULT → replace, PERSON → pseudonymize",
    ]);
    expect(settingsApplied(undefined)).toBeUndefined();
    expect(settingsApplied({ source: "defaults", entities: null, threshold: 0.35 })?.entities).toBeNull();
  });

  it("lists a job's files by name, numbers in numeric order", () => {
    const job = jobView({
      id: "j",
      state: "completed",
      findings: 0,
      files_done: 3,
      files_total: 3,
      bytes_done: 0,
      bytes_total: 0,
      files: [wireFile(0, "page10.txt"), wireFile(1, "b/page2.txt"), wireFile(2, "page2.txt"), wireFile(3, "Page1.txt")],
    } as unknown as Parameters<typeof jobView>[0]);
    expect(job.files.map((x) => x.name)).toEqual(["b/page2.txt", "Page1.txt", "page2.txt", "page10.txt"]);
  });
});

const runningJob = (files: object[]) =>
  jobView({
    id: "j",
    state: "running",
    created_at: 0,
    output_dir: "/out",
    files_total: files.length,
    files_done: 0,
    files_failed: 0,
    files_skipped: 0,
    bytes_total: 0,
    bytes_done: 0,
    findings: 0,
    settings_applied: { source: "defaults", entities: null, threshold: 0.35, allow_list: 0, deny_lists: 0, custom_recognizers: 0, operators: {} },
    files: files as never,
  }).files;

const named = (files: JobFileView[], name: string): JobFileView => {
  const found = files.find((f) => f.name === name);
  if (!found) throw new Error(`no file ${name}`);
  return found;
};

describe("pages of a running PDF or image", () => {
  it("reads pages_done/pages_total into the file's progress and says which page is read", () => {
    const files = runningJob([
      { index: 0, path: "scan.pdf", state: "running", pages_done: 2, pages_total: 8 },
      { index: 1, path: "t.txt", state: "running" },
      { index: 2, path: "fax.tif", state: "done", pages_done: 3, pages_total: 3 },
    ]);
    const scan = named(files, "scan.pdf");
    expect(scan.pages).toEqual({ done: 2, total: 8 });
    expect(scan.progress).toBe(0.25);
    expect(pageText(scan)).toBe("page 3 of 8");
    const text = named(files, "t.txt");
    expect(text.pages).toBeUndefined();
    expect(text.progress).toBeNull(); // no page count: an indeterminate bar
    expect(pageText(text)).toBeNull();
    const finished = named(files, "fax.tif");
    expect(finished.progress).toBe(1);
    expect(pageText(finished)).toBeNull(); // only a running file is "on" a page
  });

  it("says the first page once the file is opened and stays on the last once all are read", () => {
    const opened = named(runningJob([{ index: 0, path: "scan.pdf", state: "running", pages_done: 0, pages_total: 8 }]), "scan.pdf");
    expect(pageText(opened)).toBe("page 1 of 8");
    expect(opened.progress).toBe(0);
    const read = named(runningJob([{ index: 0, path: "scan.pdf", state: "running", pages_done: 8, pages_total: 8 }]), "scan.pdf");
    expect(pageText(read)).toBe("page 8 of 8");
  });
});

describe("nowText", () => {
  it("names the files running now, not the last one started", () => {
    const files = runningJob([
      { index: 0, path: "in/scan.pdf", state: "running", pages_done: 1, pages_total: 3 },
      { index: 1, path: "in/sub/contacts.xlsx", state: "done" },
      { index: 2, path: "in/notes.txt", state: "running" },
      { index: 3, path: "in/z.txt", state: "queued" },
    ]);
    expect(nowText(files)).toBe("notes.txt, scan.pdf (page 2 of 3)");
    expect(nowText(files.filter((f) => f.status !== "running"))).toBeNull();
  });
});

const jobOf = (status: string, finished: boolean, files: JobFileView[]): JobView => ({
  id: "j",
  status,
  finished,
  findings: 0,
  filesDone: 0,
  filesTotal: files.length,
  bytesDone: 0,
  bytesTotal: 0,
  files,
});

describe("downloadAllReason", () => {
  const paused = "Settings changed after this job ran: run it again to apply them before downloading.";

  it("is ready once the job ended with at least one written copy, unless downloads are paused", () => {
    const ended = jobOf("completed", true, [file({}), file({ index: 1, status: "failed", hasOutput: false, error: "corrupt" })]);
    expect(downloadAllReason(ended, null)).toBeNull();
    expect(downloadAllReason(ended, paused)).toBe(paused);
    expect(downloadAllReason(jobOf("cancelled", true, [file({})]), null)).toBeNull(); // what was written before the cancel
  });

  it("says what to do while files wait for review, and waits for a running job", () => {
    const waiting = jobOf("awaiting_review", false, [file({ status: "reviewed" }), file({ index: 1, status: "needs_review", hasOutput: false })]);
    expect(downloadAllReason(waiting, null)).toMatch(/review the files that wait, or accept the rest as found/);
    expect(downloadAllReason(jobOf("running", false, [file({ status: "running", hasOutput: false })]), null)).toBe("Download all is ready when the job ends.");
  });

  it("has nothing to give when no copy was written", () => {
    const none = jobOf("completed", true, [file({ status: "skipped", hasOutput: false }), file({ index: 1, status: "failed", hasOutput: false })]);
    expect(downloadAllReason(none, null)).toBe("No redacted copy was written, so there is nothing to download.");
  });
});
