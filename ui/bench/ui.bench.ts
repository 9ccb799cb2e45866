/**
 * UI numbers for the README: production bundle size (gzip), first render of the built UI
 * served by the backend (median of 5 cold page loads), and a 200 KB text with thousands of
 * findings: time from the analysis response to the highlights on screen, and time to
 * switch one finding (median of 5). Printed as a markdown table; nothing is asserted.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { test } from "@playwright/test";
import { UI_DIR } from "../e2e/backend";
import { backendToken, backendUrl, resetSettings } from "../e2e/helpers";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

function bundleSizes() {
  const dir = join(UI_DIR, "dist", "assets");
  let raw = 0;
  let gz = 0;
  for (const f of [...readdirSync(dir).map((n) => join(dir, n)), join(UI_DIR, "dist", "index.html")]) {
    raw += statSync(f).size;
    gz += gzipSync(readFileSync(f), { level: 9 }).length;
  }
  return { raw, gz };
}

/** ~200 KB of support-ticket text; every line holds a name, an email and a phone number. */
function bigText(): string {
  const first = ["Anna", "Peter", "Maria", "John", "Laura", "David", "Sofia", "Tom"];
  const last = ["Smith", "Garcia", "Miller", "Chen", "Becker", "Jones", "Brown", "Wilson"];
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < 200_000; i++) {
    const f = first[i % 8] as string;
    const l = last[(i * 3) % 8] as string;
    const line = `Ticket ${i}: ${f} ${l} wrote from ${f.toLowerCase()}.${l.toLowerCase()}${i}@example.com and asked us to call 212-555-${String(1000 + (i % 9000)).padStart(4, "0")} about the refund.`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join("\n");
}

test("UI benchmark", async ({ browser }) => {
  await resetSettings();
  const url = `${backendUrl()}/#token=${backendToken()}`;
  const rows: [string, string][] = [];
  const { raw, gz } = bundleSizes();
  rows.push(["Production build (JS + CSS + HTML)", `${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip`]);

  // First render: a fresh context per run (no cache), served by the backend from ui/dist.
  const fcp: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(url);
    await page.getByText("Local engine ready").waitFor();
    const t = await page.evaluate(() => ({
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
      now: performance.now(),
    }));
    fcp.push(t.fcp);
    ready.push(t.now);
    await ctx.close();
  }
  rows.push([`First contentful paint (median of ${RUNS})`, fmt(median(fcp))]);
  rows.push([`Page load → workspace ready, backend answered (median of ${RUNS})`, fmt(median(ready))]);

  // 200 KB with thousands of findings.
  const text = bigText();
  const page = await browser.newPage();
  await page.goto(url);
  await page.getByText("Local engine ready").waitFor();
  await page.getByRole("textbox", { name: "Text to redact" }).fill(text);
  const analyzeTimes: number[] = [];
  const renderTimes: number[] = [];
  let findings = 0;
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    if (i > 0) await page.getByRole("button", { name: "Edit text" }).click();
    const measure = page.evaluate(
      () =>
        new Promise<{ analyze: number; render: number }>((resolve) => {
          const start = performance.now();
          let responseEnd = 0;
          const po = new PerformanceObserver((list) => {
            // The UI analyzes through the progress stream; its response ends with the result.
            for (const e of list.getEntries()) {
              if (/\/api\/v1\/analyze(\/stream)?$/.test(e.name)) responseEnd = (e as PerformanceResourceTiming).responseEnd;
            }
          });
          po.observe({ type: "resource", buffered: false });
          const mo = new MutationObserver(() => {
            if (document.querySelector(".highlight mark")) {
              mo.disconnect();
              // Wait for the frame to be painted.
              requestAnimationFrame(() =>
                setTimeout(() => {
                  po.disconnect();
                  const end = performance.now();
                  resolve({ analyze: responseEnd - start, render: end - responseEnd });
                }, 0),
              );
            }
          });
          mo.observe(document.body, { childList: true, subtree: true });
        }),
    );
    await page.getByRole("button", { name: "Analyze" }).click();
    const m = await measure;
    analyzeTimes.push(m.analyze);
    renderTimes.push(m.render);
    findings = await page.locator(".highlight mark").count();
  }
  rows.push([`200 KB text: backend analysis over HTTP (median of ${analyzeTimes.length})`, fmt(median(analyzeTimes))]);
  rows.push([`200 KB text, ${findings} highlighted findings: response → highlights painted`, fmt(median(renderTimes))]);

  // Switching one finding: click → the mark re-rendered as rejected (UI only, no backend wait).
  const toggle: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Clicked inside the page so the time is the app's, not the test driver's round trip.
    const ms = await page.evaluate(
      (n) =>
        new Promise<number>((resolve) => {
          const boxes = document.querySelectorAll<HTMLInputElement>('.finding-list input[type="checkbox"]');
          const mo = new MutationObserver(() => {
            if (document.querySelectorAll(".highlight mark.rejected").length >= n + 1) {
              mo.disconnect();
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
            }
          });
          mo.observe(document.querySelector(".highlight") as Node, { attributes: true, subtree: true });
          const start = performance.now();
          boxes[n]?.click();
        }),
      i,
    );
    toggle.push(ms);
  }
  rows.push([`Reject one finding among ${findings}: click → highlight updated (median of ${RUNS})`, fmt(median(toggle))]);

  // oxlint-disable-next-line no-console -- a benchmark prints its table
  console.log(`\n| UI measure (Chromium ${browser.version()}, headless, this machine) | value |\n| --- | --- |`);
  // oxlint-disable-next-line no-console
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
});
