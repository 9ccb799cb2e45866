import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { ApiError } from "../api/port";
import type { JobsApi } from "../api/port";
import type { JobFileView, JobView } from "../domain";
import type { HostBridge } from "../host/bridge";
import { fakeApi } from "../test/fakeApi";

afterEach(() => {
  delete window.redacta;
});

const file = (index: number, name: string, status: string, over: Partial<JobFileView> = {}): JobFileView => ({
  index,
  name,
  status,
  progress: 1,
  notes: [],
  findings: 1,
  hasOutput: status === "done" || status === "reviewed",
  ...over,
});

const job = (status: string, files: JobFileView[]): JobView => ({
  id: "0123456789abcdef",
  status,
  finished: ["completed", "cancelled", "failed"].includes(status),
  findings: 2,
  filesDone: files.length,
  filesTotal: files.length,
  bytesDone: 10,
  bytesTotal: 10,
  files,
});

/** A blob promise the test resolves when it chooses. */
function deferred(): { promise: Promise<Blob>; resolve: (blob: Blob) => void } {
  let resolve: ((blob: Blob) => void) | null = null;
  const promise = new Promise<Blob>((r) => {
    resolve = r;
  });
  return { promise, resolve: (blob) => resolve?.(blob) };
}

/** A review job the test moves on by hand: `push` sends the next snapshot to the panel. */
function reviewJobs() {
  let onUpdate: ((job: JobView) => void) | null = null;
  let zip: (() => Promise<Blob>) | null = null;
  const jobs = {
    create: async () => "0123456789abcdef",
    get: () => Promise.reject(new Error("watched, not read")),
    watch: (_id: string, update: (job: JobView) => void) => {
      onUpdate = update;
      return () => undefined;
    },
    cancel: async () => undefined,
    download: async () => new Blob(["x"]),
    downloadAll: vi.fn<JobsApi["downloadAll"]>(() => (zip ? zip() : Promise.reject(new Error("no zip set")))),
    report: async () => new Blob(["{}"]),
    openReview: () => Promise.reject(new Error("no review in this test")),
    pageImage: () => Promise.reject(new Error("no pages in this test")),
    decide: () => Promise.reject(new Error("no review in this test")),
    acceptRemaining: async () => undefined,
  } satisfies JobsApi;
  return {
    jobs,
    push: (j: JobView) => onUpdate?.(j),
    zipWith: (f: () => Promise<Blob>) => {
      zip = f;
    },
  };
}

describe("Download all", () => {
  it("waits for every file to be written, then saves the job's zip; says when it is being made and when it failed", async () => {
    const saveResult = vi.fn<NonNullable<HostBridge["saveResult"]>>(async () => true);
    window.redacta = { getBackend: async () => ({ baseUrl: "app://redacta", token: "t" }), saveResult };
    const api = fakeApi();
    const backend = reviewJobs();
    api.jobs = backend.jobs;
    const user = userEvent.setup();
    render(<App connect={async () => api} />);
    await user.click(await screen.findByRole("tab", { name: "Documents" }));
    const choose = screen.getByLabelText("Choose files…");
    await waitFor(() => expect(choose).toBeEnabled());
    await user.upload(choose, [new File(["Laura Chen"], "a.txt"), new File(["x"], "b.docx")]);

    backend.push(job("awaiting_review", [file(0, "a.txt", "needs_review"), file(1, "b.docx", "failed", { error: "Not a valid .docx file." })]));
    const all = await screen.findByRole("button", { name: "Download all (.zip)" });
    expect(all).toBeDisabled();
    expect(all).toHaveAccessibleDescription(/ready once every file is written: review the files that wait, or accept the rest as found/);

    backend.push(job("completed", [file(0, "a.txt", "reviewed", { outputName: "a-redacted.txt" }), file(1, "b.docx", "failed", { error: "Not a valid .docx file." })]));
    await waitFor(() => expect(all).toBeEnabled());
    expect(screen.queryByText(/^Download all is ready/)).toBeNull();

    // While the zip is made the button says so and cannot be pressed twice.
    const made = deferred();
    backend.zipWith(() => made.promise);
    await user.click(all);
    expect(await screen.findByRole("button", { name: "Preparing the zip…" })).toBeDisabled();
    made.resolve(new Blob(["PK zip"]));
    await waitFor(() => expect(saveResult).toHaveBeenCalledTimes(1));
    const [name, bytes] = saveResult.mock.calls[0] ?? [];
    expect(name).toBe("redacta-redacted-01234567.zip");
    expect(new TextDecoder().decode(bytes as Uint8Array)).toBe("PK zip");
    expect(backend.jobs.downloadAll).toHaveBeenCalledWith("0123456789abcdef");
    expect(await screen.findByRole("button", { name: "Download all (.zip)" })).toBeEnabled();

    backend.zipWith(() => Promise.reject(new ApiError("The job is gone.", 404)));
    await user.click(screen.getByRole("button", { name: "Download all (.zip)" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Download all failed: The job is gone.");
    expect(screen.getByRole("button", { name: "Download all (.zip)" })).toBeEnabled();
    expect(saveResult).toHaveBeenCalledTimes(1);
  });
});
