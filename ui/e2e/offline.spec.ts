/** The offline-backend state: the UI says so when the backend dies and recovers when it returns. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { startBackend } from "./backend";
import { openApp, screenshot } from "./helpers";

test("backend down, then back on the same port", async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), "redacta-e2e-offline-"));
  const first = await startBackend({ dataDir });
  const { port, token } = first;
  let second: Awaited<ReturnType<typeof startBackend>> | undefined;
  try {
    await openApp(page, first.url, token);
    await page.getByRole("textbox", { name: "Text to redact" }).fill("Draft that must survive the outage: Anna Berg.");
    await first.stop();
    await expect(page.getByText("The Redacta backend is not responding.")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("button", { name: "Analyze" })).toBeDisabled();
    await screenshot(page, "06-offline");

    second = await startBackend({ port, token, dataDir });
    expect(second.port).toBe(port);
    await expect(page.getByText("Local engine ready")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("The Redacta backend is not responding.")).toBeHidden();
    await expect(page.getByRole("textbox", { name: "Text to redact" })).toHaveValue("Draft that must survive the outage: Anna Berg.");
    await page.getByRole("button", { name: "Analyze" }).click();
    await expect(page.locator("mark", { hasText: "Anna Berg" })).toBeVisible({ timeout: 60_000 });
  } finally {
    await second?.stop();
    await first.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
