import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { App } from "../App";
import type { JobsApi } from "../api/port";
import type { JobView } from "../domain";
import { fakeApi } from "../test/fakeApi";

/** A job that has finished its one file, with a redacted copy to download. */
const finishedJob = (id: string): JobView => ({
  id,
  status: "completed",
  finished: true,
  findings: 1,
  filesDone: 1,
  filesTotal: 1,
  bytesDone: 10,
  bytesTotal: 10,
  files: [{ index: 0, name: "letter.txt", status: "done", progress: 1, notes: [], findings: 1, hasOutput: true, outputName: "letter-redacted.txt" }],
});

/** Jobs that finish as soon as they are watched; counts the jobs started. */
function instantJobs(): JobsApi & { started: number } {
  const jobs = {
    started: 0,
    create: async () => `job-${++jobs.started}`,
    get: async (id: string) => finishedJob(id),
    watch: (id: string, onUpdate: (job: JobView) => void) => {
      onUpdate(finishedJob(id));
      return () => undefined;
    },
    cancel: async () => undefined,
    download: async () => new Blob(["x"]),
    downloadAll: async () => new Blob(["PK"]),
    report: async () => new Blob(["{}"]),
    openReview: () => Promise.reject(new Error("no review in this test")),
    pageImage: () => Promise.reject(new Error("no pages in this test")),
    decide: () => Promise.reject(new Error("no review in this test")),
    acceptRemaining: async () => undefined,
  };
  return jobs;
}

describe("documents panel", () => {
  it("marks a job started before the saved settings had loaded as outdated once they change", async () => {
    const api = fakeApi();
    const jobs = instantJobs();
    api.jobs = jobs;
    // The settings answer late, as on a busy machine: the job starts before they are known.
    let answerSettings: (() => void) | undefined;
    const settingsAsked = new Promise<void>((resolve) => (answerSettings = resolve));
    const getSettings = api.getSettings;
    api.getSettings = async () => {
      await settingsAsked;
      return getSettings();
    };
    const user = userEvent.setup();
    render(<App connect={async () => api} />);
    await user.click(await screen.findByRole("tab", { name: "Documents" }));
    const choose = screen.getByLabelText("Choose files…");
    await waitFor(() => expect(choose).toBeEnabled());
    await user.upload(choose, new File(["Laura Chen"], "letter.txt", { type: "text/plain" }));
    const download = await screen.findByRole("button", { name: "Download letter.txt" });
    expect(download).toBeEnabled();

    answerSettings?.();
    await user.click(screen.getByRole("tab", { name: "Settings" }));
    await user.type(await screen.findByLabelText("Allow list (never redacted)"), "Laura Chen");
    expect(await screen.findByText("Saved")).toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "Documents" }));
    expect(screen.getByText(/^Settings changed after this job ran/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Download letter.txt" })).toBeDisabled();

    // Run again: the new job has the settings now saved, so its copies can be downloaded.
    await user.click(screen.getByRole("button", { name: "Run again" }));
    await waitFor(() => expect(jobs.started).toBe(2));
    await waitFor(() => expect(screen.queryByText(/^Settings changed after this job ran/)).toBeNull());
    expect(screen.getByRole("button", { name: "Download letter.txt" })).toBeEnabled();
  });
});
