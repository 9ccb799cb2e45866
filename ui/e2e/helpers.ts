/** Shared steps for the end-to-end tests: open the app with its token, save screenshots. */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { REPO } from "./backend";

export const SCREENSHOTS = join(REPO, "artifacts", "screenshots");

export function backendUrl(): string {
  const url = process.env.REDACTA_E2E_URL;
  if (!url) throw new Error("REDACTA_E2E_URL is not set (global setup did not run)");
  return url;
}

export function backendToken(): string {
  return process.env.REDACTA_E2E_TOKEN ?? "";
}

/** Puts the user's settings back to defaults (tests share one backend and its data folder). */
export async function resetSettings(url = backendUrl(), token = backendToken()): Promise<void> {
  const r = await fetch(`${url}/api/v1/settings`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: "{}",
  });
  if (!r.ok) throw new Error(`resetting settings failed: ${r.status}`);
}

/** Opens the UI the way `invoke app` does: backend URL with the token in the fragment. */
export async function openApp(page: Page, url = backendUrl(), token = backendToken()): Promise<void> {
  await resetSettings(url, token);
  await page.goto(`${url}/#token=${encodeURIComponent(token)}`);
  await expect(page.getByText("Local engine ready")).toBeVisible();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Pastes text into the input and analyzes it; resolves when the findings list is shown. */
export async function analyze(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Text to redact" }).fill(text);
  await page.getByRole("button", { name: "Analyze" }).click();
  await expect(page.getByRole("button", { name: "Edit text" })).toBeVisible({ timeout: 60_000 });
}

export const output = (page: Page) => page.getByTestId("output");

/** The user's settings as the backend stored them (wire shape). */
export async function storedSettings(url = backendUrl(), token = backendToken()): Promise<Record<string, unknown>> {
  const r = await fetch(`${url}/api/v1/settings`, { headers: { Authorization: `Bearer ${token}` } });
  if (!r.ok) throw new Error(`reading settings failed: ${r.status}`);
  return (await r.json()) as Record<string, unknown>;
}

/** Double-clicks `word`'s first occurrence inside `root` with the mouse, so the browser
 *  selects it the way a user's double-click does. */
export async function doubleClickWord(page: Page, root: Locator, word: string): Promise<void> {
  const at = await root.evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent?.indexOf(w) ?? -1;
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i + 1);
      range.setEnd(n, i + 2);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    return null;
  }, word);
  expect(at, `${word} is shown`).not.toBeNull();
  await page.mouse.dblclick(at?.x ?? 0, at?.y ?? 0);
}
