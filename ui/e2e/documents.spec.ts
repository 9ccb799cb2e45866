/** Documents: upload files to a real job, watch progress, download a redacted copy, see a per-file error. */
import { readFileSync } from "node:fs";
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
  await expect(page.getByText("Overall: 3 of 3 files")).toBeVisible();

  const letter = files.getByRole("listitem").filter({ hasText: "letter.txt" });
  await expect(letter).toContainText("done");
  const broken = files.getByRole("listitem").filter({ hasText: "broken.docx" });
  await expect(broken.locator(".error")).toBeVisible();
  await expect(broken.getByRole("button", { name: "Download" })).toHaveCount(0);
  await screenshot(page, "10-documents-done");

  const downloadP = page.waitForEvent("download");
  await letter.getByRole("button", { name: "Download" }).click();
  const download = await downloadP;
  expect(download.suggestedFilename()).toBe("letter.txt");
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
