/**
 * Export only what the review shows, on every path: pasted text with the backend gone, an
 * opened file whose text changed, and document jobs whose settings changed. Also: settings are
 * never shown as saved while the backend is unreachable.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { startBackend } from "./backend";
import { analyze, openApp, output, resetSettings, screenshot } from "./helpers";

/** Analyzes a text with a name on the given backend and rejects the name: the output shows it. */
async function rejectTheName(page: Page, backend: { url: string; token: string }): Promise<Locator> {
  await openApp(page, backend.url, backend.token);
  await analyze(page, "Please call Michael Brown about the invoice.");
  const name = page.getByRole("checkbox", { name: "Redact PERSON “Michael Brown”" });
  await name.uncheck();
  await expect(output(page)).toHaveValue("Please call Michael Brown about the invoice.");
  return name;
}

test("with the backend stopped, re-accepting a rejected name disables Copy and Save and says why", async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), "redacta-e2e-gate-"));
  const backend = await startBackend({ dataDir });
  try {
    const name = await rejectTheName(page, backend);
    const copy = page.getByRole("button", { name: "Copy" });
    await expect(copy).toBeEnabled();
    // The user rejected the name on purpose: this export is allowed and is what the review shows.
    await page.evaluate(() => navigator.clipboard.writeText("clipboard before"));

    await backend.stop();
    await name.check();
    // The output pane still holds the name in clear: exporting it now would leak it.
    await expect(copy).toBeDisabled();
    await expect(page.getByRole("button", { name: "Save…" })).toBeDisabled();
    await expect(page.locator("#export-status")).toContainText(/could not be updated|offline/);
    await copy.click({ force: true });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("clipboard before");
    await expect(page.getByText("Copied")).toHaveCount(0);
    await screenshot(page, "13-export-blocked-offline");
  } finally {
    await backend.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("an output the gate refuses cannot be selected and copied with the keyboard either", async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), "redacta-e2e-gate-"));
  const backend = await startBackend({ dataDir });
  try {
    const name = await rejectTheName(page, backend);
    await page.evaluate(() => navigator.clipboard.writeText("clipboard before"));

    await backend.stop();
    // Wait until the app knows it is offline, so the re-accept is never sent and the old
    // output (with the name in clear) stays on screen.
    await expect(page.getByText(/not responding/)).toBeVisible({ timeout: 60_000 });
    await name.check();
    await expect(page.getByRole("button", { name: "Copy" })).toBeDisabled();
    await expect(output(page)).toHaveValue("Please call Michael Brown about the invoice.");
    await output(page).click({ force: true });
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Control+C");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("clipboard before");
  } finally {
    await backend.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("an opened file: editing its text pauses Save until it is re-analyzed", async ({ page }) => {
  await openApp(page);
  const content = "Customer: Emma Johnson\nPhone: 212-555-0143\n";
  await page.getByLabel("Open file…").setInputFiles({ name: "ticket.txt", mimeType: "text/plain", buffer: Buffer.from(content) });
  await page.getByRole("button", { name: "Analyze" }).click();
  await expect(output(page)).toHaveValue(/Customer: <PERSON>/);
  const save = page.getByRole("button", { name: "Save…" });
  await expect(save).toBeEnabled();

  await page.getByRole("button", { name: "Edit text" }).click();
  await page.getByRole("textbox", { name: "Text to redact" }).fill(`${content}Manager: Olivia Martinez\n`);
  await expect(save).toBeDisabled();
  await expect(page.getByRole("button", { name: "Copy" })).toBeDisabled();
  await expect(page.locator("#export-status")).toContainText("The text changed since the analysis");
  await expect(page.getByText("The text changed since the last analysis.")).toBeVisible();
  await screenshot(page, "14-export-blocked-text-changed");

  await page.getByRole("button", { name: "Re-analyze" }).click();
  await expect(output(page)).toHaveValue(/Manager: <PERSON>/, { timeout: 60_000 });
  await expect(save).toBeEnabled();
  const downloadP = page.waitForEvent("download");
  await save.click();
  const saved = readFileSync(await (await downloadP).path(), "utf8");
  expect(saved).not.toContain("Olivia Martinez");
  expect(saved).toBe(await output(page).inputValue());
});

test("documents: after the settings change, downloads wait until the job is run again", async ({ page }) => {
  await openApp(page);
  await page.getByRole("tab", { name: "Documents" }).click();
  const letter = { name: "letter.txt", mimeType: "text/plain", buffer: Buffer.from("Our supplier Contoso sent the badge of Laura Chen.\n") };
  await page.getByLabel("Choose files…").setInputFiles([letter]);
  const files = page.getByRole("list", { name: "Files" });
  const download = files.getByRole("button", { name: "Download" });
  await expect(download).toBeEnabled({ timeout: 60_000 });

  // Allow-list a word: the job's output was made without it.
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByLabel("Allow list (never redacted)").fill("Laura Chen");
  await page.getByLabel("Allow list (never redacted)").blur();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await page.getByRole("tab", { name: "Documents" }).click();
  await expect(page.getByText("Settings changed after this job ran")).toBeVisible();
  await expect(download).toBeDisabled();
  await screenshot(page, "15-documents-outdated");

  await page.getByRole("button", { name: "Run again" }).click();
  await expect(download).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByText("Settings changed after this job ran")).toHaveCount(0);
  await page.getByText("Settings applied").click();
  await expect(page.getByRole("list", { name: "Settings applied" })).toContainText("Allow-list entries: 1");
  const downloadP = page.waitForEvent("download");
  await download.click();
  const redacted = readFileSync(await (await downloadP).path(), "utf8");
  expect(redacted).toContain("badge of Laura Chen.");
});

test("settings cannot be edited while the backend is unreachable, and are saved once it is back", async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), "redacta-e2e-settings-"));
  const first = await startBackend({ dataDir });
  let second: Awaited<ReturnType<typeof startBackend>> | undefined;
  try {
    await openApp(page, first.url, first.token);
    await page.getByRole("tab", { name: "Settings" }).click();
    const threshold = page.getByRole("slider", { name: /Minimum score/ });
    await expect(threshold).toBeEnabled();
    await first.stop();
    await expect(page.getByText("The Redacta backend is not responding.")).toBeVisible({ timeout: 30_000 });
    await expect(threshold).toBeDisabled();
    await expect(page.getByLabel("Allow list (never redacted)")).toBeDisabled();
    await expect(page.getByText(/editing is paused until it is back/)).toBeVisible();
    await expect(page.getByText("Saved", { exact: true })).toHaveCount(0);
    await screenshot(page, "16-settings-offline");

    second = await startBackend({ port: first.port, token: first.token, dataDir });
    await expect(page.getByText("Local engine ready")).toBeVisible({ timeout: 30_000 });
    await expect(threshold).toBeEnabled();
    await page.getByLabel("Allow list (never redacted)").fill("Northwind");
    await page.getByLabel("Allow list (never redacted)").blur();
    await expect(page.getByText("Saved", { exact: true })).toBeVisible();
    const stored = (await (await fetch(`${second.url}/api/v1/settings`, { headers: { Authorization: `Bearer ${second.token}` } })).json()) as {
      allow_list: string[];
    };
    expect(stored.allow_list).toEqual(["Northwind"]);
  } finally {
    await second?.stop();
    await first.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

// Keeps the shared backend's settings clean for the other files.
test.afterAll(() => resetSettings());
