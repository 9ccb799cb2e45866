/**
 * Export only what the review shows, on every path: pasted text with the backend gone, an
 * opened file whose text changed, and document jobs whose settings changed. Also the offline
 * state: settings are never shown as saved while the backend is unreachable, a draft survives
 * the outage, and the UI recovers when the backend returns on the same port.
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

/**
 * One outage, watched from four tabs opened on the same backend before it stops, so one stop
 * and one restart (each a model load) serve every offline behaviour.
 */
test("the backend stops and comes back on the same port: exports, settings and the draft in between", async ({ page, context }) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), "redacta-e2e-outage-"));
  const first = await startBackend({ dataDir });
  let second: Awaited<ReturnType<typeof startBackend>> | undefined;
  try {
    const gate = page;
    const keyboard = await context.newPage();
    const settings = await context.newPage();
    const draft = await context.newPage();
    // The UI probes the backend every 10 s while it is up: these tabs move their clock on
    // after the stop instead of waiting for the probe (time otherwise runs as usual).
    for (const tab of [keyboard, settings, draft]) await tab.clock.install();
    const gateName = await rejectTheName(gate, first);
    const keyboardName = await rejectTheName(keyboard, first);
    await openApp(settings, first.url, first.token);
    await settings.getByRole("tab", { name: "Settings" }).click();
    const threshold = settings.getByRole("slider", { name: /Minimum score/ });
    await expect(threshold).toBeEnabled();
    await openApp(draft, first.url, first.token);
    await draft.getByRole("textbox", { name: "Text to redact" }).fill("Draft that must survive the outage: Anna Berg.");
    const copy = gate.getByRole("button", { name: "Copy" });
    await expect(copy).toBeEnabled();
    // The user rejected the name on purpose: this export is allowed and is what the review shows.
    await gate.bringToFront();
    await gate.evaluate(() => navigator.clipboard.writeText("clipboard before"));

    await first.stop();

    await test.step("re-accepting a rejected name right after the stop disables Copy and Save and says why", async () => {
      await gateName.check();
      // The output pane still holds the name in clear: exporting it now would leak it.
      await expect(copy).toBeDisabled();
      await expect(gate.getByRole("button", { name: "Save…" })).toBeDisabled();
      await expect(gate.locator("#export-status")).toContainText(/could not be updated|offline/);
      await copy.click({ force: true });
      expect(await gate.evaluate(() => navigator.clipboard.readText())).toBe("clipboard before");
      await expect(gate.getByText("Copied")).toHaveCount(0);
      await screenshot(gate, "13-export-blocked-offline");
    });

    await test.step("an output the gate refuses cannot be selected and copied with the keyboard either", async () => {
      await keyboard.bringToFront();
      await keyboard.evaluate(() => navigator.clipboard.writeText("clipboard before"));
      // Wait until the app knows it is offline, so the re-accept is never sent and the old
      // output (with the name in clear) stays on screen.
      await keyboard.clock.fastForward(10_000);
      await expect(keyboard.getByText(/not responding/)).toBeVisible({ timeout: 60_000 });
      await keyboardName.check();
      await expect(keyboard.getByRole("button", { name: "Copy" })).toBeDisabled();
      await expect(output(keyboard)).toHaveValue("Please call Michael Brown about the invoice.");
      await output(keyboard).click({ force: true });
      await keyboard.keyboard.press("Control+A");
      await keyboard.keyboard.press("Control+C");
      expect(await keyboard.evaluate(() => navigator.clipboard.readText())).toBe("clipboard before");
    });

    await test.step("settings cannot be edited while the backend is unreachable", async () => {
      await settings.bringToFront();
      await settings.clock.fastForward(10_000);
      await expect(settings.getByText("The Redacta backend is not responding.")).toBeVisible({ timeout: 30_000 });
      await expect(threshold).toBeDisabled();
      await expect(settings.getByLabel("Allow list (never redacted)")).toBeDisabled();
      await expect(settings.getByText(/editing is paused until it is back/)).toBeVisible();
      await expect(settings.getByText("Saved", { exact: true })).toHaveCount(0);
      await screenshot(settings, "16-settings-offline");
    });

    await test.step("a draft says the backend is down and cannot be analyzed", async () => {
      await draft.bringToFront();
      await draft.clock.fastForward(10_000);
      await expect(draft.getByText("The Redacta backend is not responding.")).toBeVisible({ timeout: 30_000 });
      await expect(draft.getByRole("button", { name: "Analyze" })).toBeDisabled();
      await screenshot(draft, "06-offline");
    });

    const back = await startBackend({ port: first.port, token: first.token, dataDir });
    second = back;
    expect(back.port).toBe(first.port);

    await test.step("settings are saved once the backend is back", async () => {
      await settings.bringToFront();
      await expect(settings.getByText("Local engine ready")).toBeVisible({ timeout: 30_000 });
      await expect(threshold).toBeEnabled();
      await settings.getByLabel("Allow list (never redacted)").fill("Northwind");
      await settings.getByLabel("Allow list (never redacted)").blur();
      await expect(settings.getByText("Saved", { exact: true })).toBeVisible();
      const stored = (await (await fetch(`${back.url}/api/v1/settings`, { headers: { Authorization: `Bearer ${back.token}` } })).json()) as {
        allow_list: string[];
      };
      expect(stored.allow_list).toEqual(["Northwind"]);
    });

    await test.step("the draft survived the outage and is analyzed once the backend is back", async () => {
      await draft.bringToFront();
      await expect(draft.getByText("Local engine ready")).toBeVisible({ timeout: 30_000 });
      await expect(draft.getByText("The Redacta backend is not responding.")).toBeHidden();
      await expect(draft.getByRole("textbox", { name: "Text to redact" })).toHaveValue("Draft that must survive the outage: Anna Berg.");
      await draft.getByRole("button", { name: "Analyze" }).click();
      await expect(draft.locator("mark", { hasText: "Anna Berg" })).toBeVisible({ timeout: 60_000 });
    });
  } finally {
    await second?.stop();
    await first.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

// Keeps the shared backend's settings clean for the other files.
test.afterAll(() => resetSettings());
