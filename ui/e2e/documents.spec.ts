/** Documents: upload files to a real job, watch progress, download a redacted copy, see a per-file error. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { openApp, screenshot } from "./helpers";

test("upload documents, follow the job, download results", async ({ page }) => {
  await openApp(page);
  await page.getByRole("tab", { name: "Documents" }).click();
  await screenshot(page, "09-documents-empty");
  await page.getByLabel("Choose files…").setInputFiles([
    { name: "letter.txt", mimeType: "text/plain", buffer: Buffer.from("Status update.\nThe badge for David Miller was mailed to david.miller@example.com today.\n") },
    { name: "contacts.csv", mimeType: "text/csv", buffer: Buffer.from("name,email\nSarah Connor,sarah@example.com\nKyle Reese,kyle@example.net\n") },
    { name: "broken.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: Buffer.from("this is not a zip file") },
  ]);
  const files = page.getByRole("list", { name: "Files" });
  await expect(files.getByRole("listitem")).toHaveCount(3);
  await expect(page.getByRole("button", { name: "Report (CSV)" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Overall: 3 of 3 files processed · 1 failed")).toBeVisible();

  const letter = files.getByRole("listitem").filter({ hasText: "letter.txt" });
  await expect(letter).toContainText("done");
  const broken = files.getByRole("listitem").filter({ hasText: "broken.docx" });
  await expect(broken.locator(".error")).toBeVisible();
  await expect(broken.getByRole("button", { name: "Download" })).toHaveCount(0);
  await screenshot(page, "10-documents-done");

  const downloadP = page.waitForEvent("download");
  await letter.getByRole("button", { name: "Download" }).click();
  const download = await downloadP;
  expect(download.suggestedFilename()).toBe("letter-redacted.txt");
  const redacted = readFileSync(await download.path(), "utf8");
  expect(redacted).not.toContain("David Miller");
  expect(redacted).not.toContain("david.miller@example.com");
  expect(redacted).toContain("Status update.\nThe badge for ");
  expect(redacted).toContain(" today.");

  const csvP = page.waitForEvent("download");
  await files.getByRole("listitem").filter({ hasText: "contacts.csv" }).getByRole("button", { name: "Download" }).click();
  const csv = readFileSync(await (await csvP).path(), "utf8");
  expect(csv.split(/\r?\n/)[0]).toBe("name,email");
  expect(csv).not.toContain("Sarah Connor");
  expect(csv).not.toContain("kyle@example.net");

  const reportP = page.waitForEvent("download");
  await page.getByRole("button", { name: "Report (JSON)" }).click();
  const report = readFileSync(await (await reportP).path(), "utf8");
  expect(report).not.toContain("David Miller");
  expect(report).toContain("EMAIL_ADDRESS");
});

test("with \"Keep original file names\", the redacted copy keeps the input's name", async ({ page }) => {
  await openApp(page);
  await page.getByRole("tab", { name: "Documents" }).click();
  await page.getByLabel("Keep original file names").check();
  await page.getByLabel("Choose files…").setInputFiles([
    { name: "minutes.txt", mimeType: "text/plain", buffer: Buffer.from("Present: Laura Bennett, laura.bennett@example.com.\n") },
  ]);
  const item = page.getByRole("list", { name: "Files" }).getByRole("listitem").filter({ hasText: "minutes.txt" });
  await expect(item.getByRole("button", { name: "Download" })).toBeVisible({ timeout: 60_000 });
  const downloadP = page.waitForEvent("download");
  await item.getByRole("button", { name: "Download" }).click();
  const download = await downloadP;
  expect(download.suggestedFilename()).toBe("minutes.txt");
  expect(readFileSync(await download.path(), "utf8")).not.toContain("laura.bennett@example.com");
});

test("a folder is taken recursively, and a running job can be cancelled", async ({ page }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), "redacta-e2e-folder-"));
  try {
    // 30 files of ~40 KB: long enough on this machine to cancel mid-job.
    const para = "Contact Olivia Turner at olivia.turner@example.com or 212-555-0199 about case 42. ".repeat(480);
    mkdirSync(join(dir, "cases", "2024"), { recursive: true });
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, "cases", i % 2 ? "2024" : "", `case-${i}.txt`), para);
    await openApp(page);
    await page.getByRole("tab", { name: "Documents" }).click();
    await page.getByLabel("Choose a folder…").setInputFiles(dir);
    const files = page.getByRole("list", { name: "Files" });
    await expect(files.getByRole("listitem")).toHaveCount(30);
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByText("Job cancelled")).toBeVisible({ timeout: 60_000 });
    await screenshot(page, "11-documents-cancelled");
    // Files not finished before the cancel have no result to download.
    const done = await files.getByRole("button", { name: "Download" }).count();
    expect(done).toBeLessThan(30);
    await expect(files.locator(".job-file.cancelled, .job-file.pending").first()).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
