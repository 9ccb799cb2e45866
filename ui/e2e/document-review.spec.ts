/**
 * Document review against the real backend: a Word document, a workbook and a PDF go through
 * a job run with review; in each, one finding is rejected and one missed value is added (a
 * span in text and in a cell, a box drawn on the PDF page); the redacted copies, read back
 * (the XML of the Word and Excel packages; pdfium for the PDF text layer and pixels) keep
 * the rejected value, lose the added one, and lose everything else that was found.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { backendPython, UI_DIR } from "./backend";
import { backendToken, backendUrl, doubleClickWord, openApp, resetSettings, screenshot } from "./helpers";

const KEPT = "John Smith";
const ADDED = "zorbulax";
const GONE = ["Mary Johnson", "john.smith@example.com"];

type Box = [number, number, number, number];

function docfiles<T>(...args: string[]): T {
  const out = execFileSync(backendPython(), [join(UI_DIR, "e2e", "docfiles.py"), ...args], { encoding: "utf8" });
  return JSON.parse(out) as T;
}

/** Rejects every finding of the kept value in the findings list. */
async function rejectKept(page: Page): Promise<void> {
  const boxes = page.getByRole("checkbox", { name: `Redact PERSON “${KEPT}”` });
  await expect(boxes.first()).toBeChecked();
  for (const box of await boxes.all()) await box.uncheck();
}

/** Adds the selected word as a PERSON finding through the add bar. */
async function addSelected(page: Page): Promise<void> {
  const bar = page.getByRole("group", { name: "Add a missed finding" });
  await expect(bar).toContainText(ADDED);
  await bar.getByRole("combobox").selectOption("PERSON");
  await bar.getByRole("button", { name: "Add finding" }).click();
  await expect(page.getByRole("checkbox", { name: `Redact PERSON “${ADDED}”` })).toBeChecked();
}

/** Writes the reviewed copy, downloads it and returns what the reader finds in it. */
async function writeAndRead(page: Page, dir: string, name: string, region: string[] = []): Promise<{ text: string; raw?: string; dark?: number }> {
  await page.getByRole("button", { name: "Write redacted copy" }).click();
  await expect(page.getByRole("region", { name: "Document review" })).toContainText("reviewed", { timeout: 60_000 });
  const downloadP = page.waitForEvent("download");
  await page.getByRole("button", { name: `Download ${name}` }).click();
  const download = await downloadP;
  expect(download.suggestedFilename()).toBe(name);
  const path = join(dir, name);
  await download.saveAs(path);
  expect(readFileSync(path).length).toBeGreaterThan(0);
  return docfiles("read", path, ...region);
}

function expectRedacted(got: { text: string }, name: string): void {
  expect(got.text, `${name} keeps the rejected value`).toContain(KEPT);
  expect(got.text, `${name} loses the added value`).not.toContain(ADDED);
  for (const v of GONE) expect(got.text, `${name} loses ${v}`).not.toContain(v);
}

test("a .docx, an .xlsx and a PDF are reviewed: a finding rejected, a value added, the copies checked", async ({ page }) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), "redacta-e2e-review-"));
  try {
    docfiles("make", dir);
    await openApp(page);
    await page.getByRole("tab", { name: "Documents" }).click();
    await page.getByLabel("Review each file before its redacted copy is written").check();
    writeFileSync(join(dir, "notes.txt"), "Notes for Mary Johnson.\n");
    await page.getByLabel("Choose files…").setInputFiles(["review.docx", "review.xlsx", "review.pdf", "notes.txt"].map((n) => join(dir, n)));
    const files = page.getByRole("list", { name: "Files" });
    await expect(files.getByText("needs review")).toHaveCount(4, { timeout: 120_000 });
    await expect(page.getByRole("button", { name: "Accept the rest as found" })).toBeVisible();
    // Nothing is zipped while files wait for their review, and the panel says what to do.
    const downloadAll = page.getByRole("button", { name: "Download all (.zip)" });
    await expect(downloadAll).toBeDisabled();
    await expect(downloadAll).toHaveAccessibleDescription(/review the files that wait, or accept the rest as found/);
    await screenshot(page, "30-review-job-waiting");

    // Word: highlighted text with its parts; reject the name, add the missed code name.
    await page.getByRole("button", { name: "Review review.docx" }).click();
    const text = page.getByRole("group", { name: /findings are highlighted/ });
    await expect(text).toContainText("Escalations go to");
    await expect(page.locator(".unit-part", { hasText: "Table" }).first()).toBeVisible();
    await rejectKept(page);
    await doubleClickWord(page, text, ADDED);
    await addSelected(page);
    await screenshot(page, "31-review-docx");
    expectRedacted(await writeAndRead(page, dir, "review-redacted.docx"), "docx");
    await page.getByRole("button", { name: "Close" }).click();

    // Workbook: a table with its column headers; the added value is selected inside a cell.
    await page.getByRole("button", { name: "Review review.xlsx" }).click();
    const table = page.getByRole("table", { name: /People/ });
    await expect(table.getByRole("columnheader", { name: "note" })).toBeVisible();
    await rejectKept(page);
    await doubleClickWord(page, table, ADDED);
    await addSelected(page);
    await screenshot(page, "32-review-xlsx");
    expectRedacted(await writeAndRead(page, dir, "review-redacted.xlsx"), "xlsx");
    await page.getByRole("button", { name: "Close" }).click();

    // PDF: the page image with boxes; click the kept name's box, draw a box over the missed value.
    await page.getByRole("button", { name: "Review review.pdf" }).click();
    const overlay = page.getByTestId("page-1");
    await expect(page.getByRole("img", { name: "Page 1" })).toBeVisible({ timeout: 30_000 });
    const frame = await overlay.boundingBox();
    expect(frame).not.toBeNull();
    const toScreen = (x: number, y: number) => ({ x: (frame?.x ?? 0) + (x / 612) * (frame?.width ?? 0), y: (frame?.y ?? 0) + (y / 792) * (frame?.height ?? 0) });
    const kept = docfiles<{ page: number; box: Box }>("locate", join(dir, "review.pdf"), KEPT);
    const keptAt = toScreen((kept.box[0] + kept.box[2]) / 2, (kept.box[1] + kept.box[3]) / 2);
    await page.mouse.click(keptAt.x, keptAt.y);
    await expect(page.getByRole("checkbox", { name: `Redact PERSON “${KEPT}”` }).first()).not.toBeChecked();
    const added = docfiles<{ page: number; box: Box }>("locate", join(dir, "review.pdf"), ADDED);
    const from = toScreen(added.box[0] - 3, added.box[1] - 3);
    const to = toScreen(added.box[2] + 3, added.box[3] + 3);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2);
    await page.mouse.move(to.x, to.y);
    await page.mouse.up();
    await expect(page.getByRole("button", { name: /Area drawn by you/ })).toBeVisible();
    await page.getByRole("button", { name: /Area drawn by you/ }).hover();
    await screenshot(page, "33-review-pdf");
    const pdf = await writeAndRead(page, dir, "review-redacted.pdf", [String(added.page), ...added.box.map(String)]);
    expectRedacted(pdf, "pdf");
    expect(pdf.raw).not.toContain(ADDED);
    // The drawn area is burned into the pixels: black where the word was.
    expect(pdf.dark).toBeGreaterThan(0.9);
    await page.getByRole("button", { name: "Close" }).click();

    // The file nobody reviewed is written as found.
    await expect(files.getByText("reviewed")).toHaveCount(3);
    await page.getByRole("button", { name: "Accept the rest as found" }).click();
    await expect(page.getByRole("button", { name: "Report (JSON)" })).toBeVisible({ timeout: 60_000 });
    const notes = files.getByRole("listitem").filter({ hasText: "notes.txt" });
    const notesP = page.waitForEvent("download");
    await notes.getByRole("button", { name: "Download" }).click();
    const notesOut = await notesP;
    expect(notesOut.suggestedFilename()).toBe("notes-redacted.txt");
    const notesText = readFileSync(await notesOut.path(), "utf8");
    expect(notesText).toContain("Notes for ");
    expect(notesText).not.toContain("Mary Johnson");
    await screenshot(page, "35-review-job-done");

    // Download all: every copy as reviewed (the rejected name kept, the added word gone), the
    // unreviewed file as found, and no original.
    await expect(downloadAll).toBeEnabled();
    const zipP = page.waitForEvent("download");
    await downloadAll.click();
    const zip = await zipP;
    expect(zip.suggestedFilename()).toMatch(/^redacta-redacted-[0-9a-f]{8}\.zip$/);
    const unzipped = join(dir, "all");
    await zip.saveAs(join(dir, "all.zip"));
    const { names } = docfiles<{ names: string[] }>("unzip", join(dir, "all.zip"), unzipped);
    expect([...names].sort()).toEqual(["notes-redacted.txt", "review-redacted.docx", "review-redacted.pdf", "review-redacted.xlsx"]);
    for (const name of ["review-redacted.docx", "review-redacted.xlsx", "review-redacted.pdf"]) {
      expectRedacted(docfiles("read", join(unzipped, name)), `${name} in the zip`);
    }
    expect(readFileSync(join(unzipped, "notes-redacted.txt"), "utf8")).toBe(notesText);

    // Reopened after the job ended: the page is still rendered, with the decisions it was written from.
    await page.getByRole("button", { name: "Review review.pdf" }).click();
    await expect(page.getByRole("img", { name: "Page 1" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/written from these decisions \(shown as decided, read-only\)/)).toBeVisible();
    await expect(page.getByRole("checkbox", { name: `Redact PERSON “${KEPT}”` }).first()).not.toBeChecked();
    await expect(page.getByRole("button", { name: /Area drawn by you/ })).toBeVisible();
    await page.getByRole("button", { name: "Close" }).click();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a PDF name found whole and in part is one finding with one box on the page", async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), "redacta-e2e-review-boxes-"));
  try {
    docfiles("make", dir);
    await openApp(page);
    // The deny list finds the surname, the model the whole name: two findings of one type.
    const r = await fetch(`${backendUrl()}/api/v1/settings`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${backendToken()}`, "Content-Type": "application/json" },
      body: JSON.stringify({ deny_lists: { PERSON: ["Smith"] } }),
    });
    expect(r.ok).toBe(true);
    await page.reload();
    await expect(page.getByText("Local engine ready")).toBeVisible();
    await page.getByRole("tab", { name: "Documents" }).click();
    await page.getByLabel("Review each file before its redacted copy is written").check();
    await page.getByLabel("Choose files…").setInputFiles([join(dir, "review.pdf")]);
    await page.getByRole("button", { name: "Review review.pdf" }).click({ timeout: 120_000 });
    await expect(page.getByRole("img", { name: "Page 1" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("checkbox", { name: `Redact PERSON “${KEPT}”`, exact: true })).toHaveCount(1);
    await expect(page.getByRole("checkbox", { name: "Redact PERSON “Smith”", exact: true })).toHaveCount(0);
    // One PERSON box over the name on the page (the surname inside the e-mail address is
    // another spot, under an EMAIL_ADDRESS box: a different type, kept apart for the reviewer).
    const overlay = page.getByTestId("page-1");
    const frame = await overlay.boundingBox();
    const name = docfiles<{ page: number; box: Box }>("locate", join(dir, "review.pdf"), KEPT).box;
    const sx = (frame?.width ?? 0) / 612;
    const sy = (frame?.height ?? 0) / 792;
    const over = { x0: (frame?.x ?? 0) + name[0] * sx, y0: (frame?.y ?? 0) + name[1] * sy, x1: (frame?.x ?? 0) + name[2] * sx, y1: (frame?.y ?? 0) + name[3] * sy };
    const people = overlay.getByRole("button", { name: "PERSON: redacted, click to keep" });
    await expect(people.first()).toBeVisible();
    let onName = 0;
    for (const box of await people.all()) {
      const b = await box.boundingBox();
      if (b && b.x < over.x1 && b.x + b.width > over.x0 && b.y < over.y1 && b.y + b.height > over.y0) onName += 1;
    }
    expect(onName).toBe(1);
    await screenshot(page, "36-review-pdf-one-box-per-name");
  } finally {
    await resetSettings();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a CSV opened on the Redact page is reviewed as a table: skip one column, redact another whole", async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), "redacta-e2e-review-csv-"));
  try {
    await openApp(page);
    const csv = "name,email,note\nJohn Smith,john.smith@example.com,Renewal approved\nMary Johnson,mary.johnson@example.org,Sent the invoice\n";
    await page.getByLabel("Open file…").setInputFiles({ name: "contacts.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const table = page.getByRole("table", { name: "Table" });
    await expect(table.getByRole("columnheader", { name: "note" })).toBeVisible({ timeout: 60_000 });
    await page.getByRole("button", { name: "Skip the column name" }).click();
    await page.getByRole("button", { name: "Redact the whole column note" }).click();
    await expect(page.getByRole("button", { name: "Redact the whole column note" })).toHaveAttribute("aria-pressed", "true");
    await screenshot(page, "34-review-csv-on-redact-page");
    const got = await writeAndRead(page, dir, "contacts-redacted.csv");
    expect(got.text).toContain("John Smith");
    expect(got.text).toContain("Mary Johnson");
    expect(got.text).not.toContain("Renewal approved");
    expect(got.text).not.toContain("Sent the invoice");
    expect(got.text).not.toContain("@example");
    expect(got.text.split(/\r?\n/)[0]).toBe("name,email,note");
    await page.getByRole("button", { name: "Close" }).click();
    await expect(page.getByRole("textbox", { name: "Text to redact" })).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
