/** Documents: a multi-page scan shows which page it is on while OCR reads it (real backend). */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { backendPython, UI_DIR } from "./backend";
import { openApp } from "./helpers";

test("a running multi-page scan says \"page i of n\", then is done", async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), "redacta-e2e-scan-"));
  try {
    const tiff = join(dir, "fax.tif");
    execFileSync(backendPython(), [join(UI_DIR, "e2e", "docfiles.py"), "scan", tiff, "2"], { encoding: "utf8" });
    await openApp(page);
    await page.getByRole("tab", { name: "Documents" }).click();
    await page.getByLabel("Choose files…").setInputFiles([tiff]);
    const row = page.getByRole("list", { name: "Files" }).getByRole("listitem").filter({ hasText: "fax.tif" });
    // OCR takes seconds a page: the row names the page being read while the file runs.
    await expect(row).toContainText(/page [12] of 2/, { timeout: 60_000 });
    await expect(page.getByText(/now: fax\.tif \(page [12] of 2\)/)).toBeVisible();
    await expect(row).toContainText("done", { timeout: 120_000 });
    await expect(row).not.toContainText(/page \d of 2/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
