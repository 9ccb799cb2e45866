/**
 * Smoke test of the PACKAGED app: launch it, see the UI, analyze a sentence, quit, and check
 * that no backend process is left.
 *
 * Runs on GitHub's runners only, where electron-builder could download Electron and build a
 * real app (`invoke package`), with REDACTA_APP_EXECUTABLE pointing at it (e.g.
 * desktop/release/linux-unpacked/redacta under xvfb-run). On the development machine Electron
 * cannot be downloaded, so this test is skipped there with that reason.
 *
 * Connects over the Chrome DevTools Protocol (`--remote-debugging-port`) instead of
 * Playwright's `_electron.launch`: the packaged app has the Node inspector fuse turned off
 * (EnableNodeCliInspectArguments=false), which `_electron` needs.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";

const EXECUTABLE = process.env.REDACTA_APP_EXECUTABLE;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Pids of processes whose command line mentions the bundled backend (POSIX ps / Windows wmic-less tasklist). */
function backendPids(): number[] {
  if (process.platform === "win32") {
    const out = execFileSync("tasklist", ["/FI", "IMAGENAME eq redacta-backend.exe", "/FO", "CSV", "/NH"], { encoding: "utf8" });
    return [...out.matchAll(/"redacta-backend\.exe","(\d+)"/g)].map((m) => Number(m[1]));
  }
  const out = execFileSync("ps", ["-eo", "pid=,stat=,args="], { encoding: "utf8" });
  return out
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([, stat, ...args]) => !stat?.startsWith("Z") && args.join(" ").includes("redacta-backend serve"))
    .map(([pid]) => Number(pid));
}

async function uiPage(cdpPort: number): Promise<Page> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${cdpPort}`);
      for (;;) {
        const page = browser.contexts().flatMap((c) => c.pages()).find((p) => p.url().startsWith("app://redacta/") && !p.url().includes("/_shell/"));
        if (page) return page;
        if (Date.now() > deadline) throw new Error("the UI never replaced the loading screen");
        await new Promise((r) => setTimeout(r, 250));
      }
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

test.skip(!EXECUTABLE, "needs a real packaged app (REDACTA_APP_EXECUTABLE): Electron cannot be downloaded on this machine; runs on GitHub runners");

test("packaged app: UI shows, a sentence is analyzed, quitting leaves no backend", async () => {
  const before = new Set(backendPids());
  const cdpPort = await freePort();
  const home = mkdtempSync(join(tmpdir(), "redacta-smoke-home-"));
  const app = spawn(EXECUTABLE!, [`--remote-debugging-port=${cdpPort}`], {
    env: { ...process.env, HOME: home, APPDATA: home, LOCALAPPDATA: home, XDG_CONFIG_HOME: join(home, ".config") },
    stdio: "inherit",
  });
  const exited = new Promise<number | null>((resolve) => app.once("exit", (code) => resolve(code)));

  const page = await uiPage(cdpPort);
  await expect(page.getByText("Local engine ready")).toBeVisible({ timeout: 60_000 });
  const started = backendPids().filter((pid) => !before.has(pid));
  expect(started.length).toBeGreaterThan(0);

  await page.getByRole("textbox", { name: "Text to redact" }).fill("My name is John Smith, email john.smith@example.com.");
  await page.getByRole("button", { name: "Analyze" }).click();
  const view = page.getByRole("group", { name: /Original text; findings are highlighted/ });
  await expect(view.locator("mark", { hasText: "john.smith@example.com" })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: "../artifacts/desktop-e2e/packaged-app.png" });

  // Closing the only window quits the app, which stops its backend.
  await page.close();
  expect(await Promise.race([exited, new Promise((r) => setTimeout(() => r("timeout"), 30_000))])).not.toBe("timeout");
  await expect.poll(() => started.filter((pid) => backendPids().includes(pid)), { timeout: 10_000 }).toEqual([]);
});
