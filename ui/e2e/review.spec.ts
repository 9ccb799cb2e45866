/**
 * The review against the real backend: decisions survive re-analysis, the review pane's
 * operator menu changes this text only, and the review conveniences (finding actions, legend
 * and colours, the explanation card, restore counts, the 1024 px layout, job file order).
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { analyze, backendToken, backendUrl, doubleClickWord, openApp, output, resetSettings, screenshot, storedSettings } from "./helpers";

const TEXT =
  "Hello, my name is John Smith and I work at Microsoft.\n" +
  "Email me at john.smith@example.com or call 212-555-0187.\n" +
  "Ticket owner: zorbulax.";

const textFile = (name: string) => ({ name, mimeType: "text/plain", buffer: Buffer.from(`Page ${name} for Anna Berg.\n`) });

test.afterAll(() => resetSettings());

test("after a settings change the results are stale; Re-analyze keeps rejections and added spans", async ({ page }) => {
  await openApp(page);
  await analyze(page, TEXT);
  await page.getByRole("checkbox", { name: "Redact PERSON “John Smith”" }).uncheck();
  await doubleClickWord(page, page.locator(".highlight"), "zorbulax");
  const bar = page.getByRole("group", { name: "Add a missed finding" });
  await bar.getByRole("combobox").selectOption("PERSON");
  await bar.getByRole("button", { name: "Add finding" }).click();
  await expect(output(page)).toHaveValue(/Ticket owner: <PERSON>\./);
  await expect(output(page)).toHaveValue(/my name is John Smith/);

  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByRole("slider", { name: /Minimum score/ }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await page.getByRole("tab", { name: "Redact" }).click();

  await expect(page.getByText("Settings changed since the last analysis.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy" })).toBeDisabled();
  await screenshot(page, "17-stale-after-settings");
  await page.getByRole("button", { name: "Re-analyze" }).click();
  await expect(page.getByText("Settings changed since the last analysis.")).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByRole("checkbox", { name: "Redact PERSON “John Smith”" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Redact PERSON “zorbulax”" })).toBeChecked();
  await expect(output(page)).toHaveValue(/my name is John Smith/);
  await expect(output(page)).toHaveValue(/Ticket owner: <PERSON>\./);
  await expect(page.getByRole("button", { name: "Copy" })).toBeEnabled();
});

test("the review pane's operator menu changes this text only; Save as default stores it", async ({ page }) => {
  await openApp(page);
  await analyze(page, TEXT);
  await page.getByText("How each type is replaced").click();
  await page.getByRole("combobox", { name: "Operator for PERSON" }).selectOption("pseudonymize");
  await expect(output(page)).toHaveValue(/my name is <PERSON_1>/);
  await page.waitForTimeout(1500); // longer than any settings debounce
  expect((await storedSettings()).default_operators).toEqual({});
  await screenshot(page, "18-operator-this-text");

  await page.getByRole("button", { name: "Save as default" }).click();
  await expect.poll(async () => (await storedSettings()).default_operators).toEqual({ PERSON: { type: "pseudonymize" } });
  await expect(page.getByRole("button", { name: "Save as default" })).toHaveCount(0);
});

test("finding actions: change its type, reject every occurrence, add to the allow list", async ({ page }) => {
  await openApp(page);
  await analyze(page, "Ask John Smith. John Smith knows the Microsoft account.");
  const findings = page.getByRole("list", { name: "Findings list" });
  await findings.getByRole("button", { name: "John Smith" }).first().click();
  const actions = page.getByRole("group", { name: /Finding “John Smith”/ });
  await actions.getByRole("combobox", { name: "Type of this finding" }).selectOption("NRP");
  await expect(output(page)).toHaveValue(/^Ask <NRP>\./);
  await expect(actions).toContainText("detected as PERSON");
  await screenshot(page, "19-finding-actions");

  await actions.getByRole("button", { name: /Reject all “John Smith”/ }).click();
  await expect(output(page)).toHaveValue(/^Ask John Smith\. John Smith knows/);
  for (const box of await page.getByRole("checkbox", { name: /“John Smith”/ }).all()) await expect(box).not.toBeChecked();

  await findings.getByRole("button", { name: "Microsoft" }).click();
  await page.getByRole("group", { name: /Finding “Microsoft”/ }).getByRole("button", { name: "Add to allow list" }).click();
  await expect.poll(async () => (await storedSettings()).allow_list).toEqual(["Microsoft"]);
  await expect(output(page)).toHaveValue(/the Microsoft account/);
  await page.getByRole("button", { name: "Re-analyze" }).click();
  await expect(page.getByText("Settings changed since the last analysis.")).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByRole("checkbox", { name: /“Microsoft”/ })).toHaveCount(0);
});

test("a drag that starts on a finding selects text to add, and leaves that finding as it was", async ({ page }) => {
  await openApp(page);
  await analyze(page, "Ticket from John Smith zorbulax about the renewal.");
  const view = page.locator(".highlight");
  const name = view.locator("mark", { hasText: "John Smith" });
  await expect(name).toHaveAttribute("aria-pressed", "true");
  // Press on the finding, drag to the end of the next (plain) word, release.
  const from = await name.boundingBox();
  const to = await view.evaluate((el) => {
    const node = Array.from(el.querySelectorAll("span")).map((s) => s.firstChild).find((n) => n?.textContent?.includes("zorbulax"));
    if (!node) return null;
    const range = document.createRange();
    const at = node.textContent?.indexOf("zorbulax") ?? 0;
    range.setStart(node, at + "zorbulax".length - 1);
    range.setEnd(node, at + "zorbulax".length);
    const r = range.getBoundingClientRect();
    return { x: r.right - 1, y: r.y + r.height / 2 };
  });
  expect(from && to).toBeTruthy();
  await page.mouse.move((from?.x ?? 0) + 2, (from?.y ?? 0) + (from?.height ?? 0) / 2);
  await page.mouse.down();
  await page.mouse.move(to?.x ?? 0, to?.y ?? 0, { steps: 5 });
  await page.mouse.up();
  const bar = page.getByRole("group", { name: "Add a missed finding" });
  await expect(bar).toContainText("Add “John Smith zorbulax” as");
  await expect(name).toHaveAttribute("aria-pressed", "true");
  await bar.getByRole("combobox").selectOption("PERSON");
  await bar.getByRole("button", { name: "Add finding" }).click();
  await expect(output(page)).toHaveValue("Ticket from <PERSON> about the renewal.");
  // A plain click on a finding still switches it.
  await page.getByRole("checkbox", { name: "Redact PERSON “John Smith zorbulax”" }).uncheck();
  await name.click();
  await expect(name).toHaveAttribute("aria-pressed", "false");
});

test("legend and a distinct colour per type; the explanation card hides on scroll; restore counts", async ({ page }) => {
  await openApp(page);
  const line = "Card 4111 1111 1111 1111, phone 212-555-0187, IBAN DE89 3704 0044 0532 0130 00 on 12 March 2024, Anna Berg.\n";
  await analyze(page, line.repeat(40));
  const legend = page.getByRole("list", { name: "Legend" });
  for (const t of ["CREDIT_CARD", "PHONE_NUMBER", "IBAN_CODE", "DATE_TIME", "PERSON"]) await expect(legend).toContainText(t);
  const view = page.getByRole("group", { name: /Original text; findings are highlighted/ });
  const colour = (text: string) => view.locator("mark", { hasText: text }).first().evaluate((el) => getComputedStyle(el).backgroundColor);
  const colours = await Promise.all(["4111 1111 1111 1111", "212-555-0187", "DE89 3704", "12 March 2024", "Anna Berg"].map(colour));
  expect(new Set(colours).size).toBe(colours.length);
  await screenshot(page, "20-legend-colours");

  // The card opens on hover and hides when anything scrolls (here: the redacted output).
  await view.locator("mark", { hasText: "212-555-0187" }).first().hover();
  await expect(page.getByRole("tooltip")).toContainText("PHONE_NUMBER");
  await output(page).evaluate((el) => {
    el.scrollTop = 300;
  });
  await expect(page.getByRole("tooltip")).toHaveCount(0);

  await page.getByText("How each type is replaced").click();
  await page.getByRole("combobox", { name: "Operator for PERSON" }).selectOption("pseudonymize");
  await expect(output(page)).toHaveValue(/<PERSON_1>/);
  await page.getByRole("tab", { name: "Restore" }).click();
  await page.getByRole("textbox", { name: "Text with pseudonym labels" }).fill("<PERSON_1> and <PERSON_1> met <PERSON_9>.");
  await page.getByRole("button", { name: "Restore originals" }).click();
  await expect(page.getByTestId("restored")).toHaveValue("Anna Berg and Anna Berg met <PERSON_9>.");
  await expect(page.getByText(/\d+ restored, 1 unknown/)).toBeVisible();
});

test("the Settings entity grid lists every type the engine serves", async ({ page }) => {
  await openApp(page);
  await page.getByRole("tab", { name: "Settings" }).click();
  const grid = page.getByRole("group", { name: "Entity types" });
  await expect(grid.getByRole("checkbox", { name: "UK_NINO" })).toBeChecked();
  await expect(grid.getByRole("checkbox", { name: "PERSON" })).toBeChecked();
});

test("at 1024 px the findings list is in view next to a long text", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openApp(page);
  const para = "Dear team, please send the forms to Laura Chen (laura.chen@example.org) before Friday.\n";
  await analyze(page, para.repeat(60));
  const list = page.getByRole("list", { name: "Findings list" });
  await expect(list).toBeInViewport();
  await expect(page.getByRole("region", { name: "Redacted text" })).toBeInViewport();
  const scrolled = await page.locator("#panel-redact").evaluate((el) => el.scrollTop);
  expect(scrolled).toBe(0);
  await screenshot(page, "21-redact-1024");
});

test("job files are listed by name with numbers in order", async ({ page }) => {
  await openApp(page);
  await page.getByRole("tab", { name: "Documents" }).click();
  await page.getByLabel("Choose files…").setInputFiles([textFile("page10.txt"), textFile("page2.txt"), textFile("page1.txt")]);
  const files = page.getByRole("list", { name: "Files" });
  await expect(page.getByRole("button", { name: "Report (CSV)" })).toBeVisible({ timeout: 60_000 });
  await expect(files.locator(".file-name")).toHaveText(["page1.txt", "page2.txt", "page10.txt"]);
  await screenshot(page, "22-documents-sorted");
});

test("a long analysis shows the share done and the time left, and can be cancelled", async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const para = "Please send the signed forms to Laura Chen (laura.chen@example.org, +1 212-555-0187) before Friday.\n";
  await page.getByRole("textbox", { name: "Text to redact" }).fill(para.repeat(1200)); // ~120 KB
  await page.getByRole("button", { name: "Analyze" }).click();
  const status = page.locator(".analyze-progress output");
  await expect(status).toHaveText(/^\d+ % analyzed · about \d+ (s|min) left$/, { timeout: 60_000 });
  const bar = page.getByRole("progressbar", { name: "Analysis progress" });
  const share = Number(await bar.evaluate((el) => (el as HTMLProgressElement).value));
  expect(share).toBeGreaterThan(0);
  expect(share).toBeLessThan(1);
  await screenshot(page, "23-analysis-progress");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(bar).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Analyze" })).toBeEnabled();
  await expect(page.getByRole("list", { name: "Findings list" })).toHaveCount(0);
});

test("the Documents panel shows which settings a job applied, and the job uses them", async ({ page }) => {
  await openApp(page);
  const r = await fetch(`${backendUrl()}/api/v1/settings`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${backendToken()}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      allow_list: ["Northwind"],
      deny_lists: { LOCATION: ["Rue des Lilas"] },
      custom_recognizers: [{ name: "employee", entity_type: "EMPLOYEE_ID", pattern: "EMP-\\d{6}", score: 0.9 }],
      default_operators: { PERSON: { type: "pseudonymize" } },
    }),
  });
  expect(r.ok).toBe(true);
  await page.reload();
  await expect(page.getByText("Local engine ready")).toBeVisible();
  await page.getByRole("tab", { name: "Documents" }).click();
  await page.getByLabel("Choose files…").setInputFiles([
    { name: "hr.txt", mimeType: "text/plain", buffer: Buffer.from("Badge EMP-123456 of Laura Chen, 27 Rue des Lilas, supplier Northwind.\n") },
  ]);
  const download = page.getByRole("list", { name: "Files" }).getByRole("button", { name: "Download" });
  await expect(download).toBeEnabled({ timeout: 60_000 });
  await page.getByText("Settings applied").click();
  const applied = page.getByRole("list", { name: "Settings applied" });
  await expect(applied).toContainText("Source: your saved settings");
  await expect(applied).toContainText("Allow-list entries: 1 · deny-list entries: 1 · custom recognizers: 1");
  await expect(applied).toContainText("PERSON → pseudonymize");
  await screenshot(page, "24-documents-settings-applied");
  const downloadP = page.waitForEvent("download");
  await download.click();
  const redacted = readFileSync(await (await downloadP).path(), "utf8");
  expect(redacted).not.toContain("EMP-123456");
  expect(redacted).not.toContain("Rue des Lilas");
  expect(redacted).toContain("<PERSON_1>");
  expect(redacted).toContain("supplier Northwind.");
});

test("two overlapping accepted findings are both redacted (their union), nothing of either stays in clear", async ({ page }) => {
  await openApp(page);
  const r = await fetch(`${backendUrl()}/api/v1/settings`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${backendToken()}`, "Content-Type": "application/json" },
    body: JSON.stringify({ deny_lists: { LOCATION: ["quiet harbour"], ORGANIZATION: ["harbour watch"] } }),
  });
  expect(r.ok).toBe(true);
  await page.reload();
  await expect(page.getByText("Local engine ready")).toBeVisible();
  await analyze(page, "The quiet harbour watch starts soon.");
  await expect(page.getByRole("checkbox", { name: "Redact LOCATION “quiet harbour”" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Redact ORGANIZATION “harbour watch”" })).toBeChecked();
  await expect(page.getByRole("checkbox")).toHaveCount(2);
  await expect(output(page)).toHaveValue(/^The <[A-Z]+> starts soon\.$/);
});
