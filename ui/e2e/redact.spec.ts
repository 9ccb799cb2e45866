/**
 * The main journey against the real backend: paste text with known PII, see highlights,
 * reject a finding, change an operator, copy the output, restore pseudonyms, move the mapping.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { analyze, backendToken, doubleClickWord, openApp, output, screenshot } from "./helpers";

const TEXT =
  "Hello, my name is John Smith and I work at Microsoft.\n" +
  "Email me at john.smith@example.com or call 212-555-0187.\n" +
  "My colleague Maria Garcia lives in Seattle.";

test("redact, review, change operator, copy, restore", async ({ page }) => {
  await openApp(page);
  // The token is read from the fragment and removed from the address bar.
  expect(page.url()).not.toContain(backendToken());
  expect(page.url()).not.toContain("token");
  await screenshot(page, "01-redact-empty");

  await analyze(page, TEXT);
  const view = page.getByRole("group", { name: /Original text; findings are highlighted/ });
  await expect(view.locator("mark", { hasText: "John Smith" })).toBeVisible();
  await expect(view.locator("mark", { hasText: "john.smith@example.com" })).toBeVisible();
  await expect(view.locator("mark", { hasText: "212-555-0187" })).toBeVisible();
  await expect(view).toHaveText(TEXT);

  // Default operator replaces every accepted finding with its type.
  await expect(output(page)).not.toHaveValue(/john\.smith@example\.com|212-555-0187|John Smith/);
  await expect(output(page)).toHaveValue(/<EMAIL_ADDRESS>/);

  // Explanation on hover.
  await view.locator("mark", { hasText: "john.smith@example.com" }).hover();
  const tip = page.getByRole("tooltip");
  await expect(tip).toContainText("EMAIL_ADDRESS");
  await expect(tip).toContainText(/score \d\.\d\d/);
  await screenshot(page, "02-redact-review");

  // Reject the phone number: it stays in the output, everything else is still redacted.
  await page.getByRole("checkbox", { name: "Redact PHONE_NUMBER “212-555-0187”" }).uncheck();
  await expect(output(page)).toHaveValue(/call 212-555-0187/);
  await expect(output(page)).not.toHaveValue(/john\.smith@example\.com/);
  await expect(view.locator("mark.rejected", { hasText: "212-555-0187" })).toBeVisible();

  // Keyboard: focus a highlighted finding and switch it with Enter.
  await view.locator("mark", { hasText: "john.smith@example.com" }).focus();
  await page.keyboard.press("Enter");
  await expect(output(page)).toHaveValue(/Email me at john\.smith@example\.com/);
  await page.keyboard.press("Enter");
  await expect(output(page)).not.toHaveValue(/john\.smith@example\.com/);

  // Pseudonymize people: consistent labels.
  await page.getByText("How each type is replaced").click();
  await page.getByRole("combobox", { name: "Operator for PERSON" }).selectOption("pseudonymize");
  await expect(output(page)).toHaveValue(/my name is <PERSON_1>/);
  await expect(output(page)).toHaveValue(/My colleague <PERSON_2>/);
  await screenshot(page, "03-redact-pseudonymized");

  // Copy puts exactly the output on the clipboard.
  await page.getByRole("button", { name: "Copy" }).first().click();
  await expect(page.getByText("Copied")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await output(page).inputValue());

  // Restore an assistant's answer that uses the labels.
  await page.getByRole("tab", { name: "Restore" }).click();
  await page.getByRole("textbox", { name: "Text with pseudonym labels" }).fill("Summary: <PERSON_1> will meet <PERSON_2> on Friday.");
  await page.getByRole("button", { name: "Restore originals" }).click();
  await expect(page.getByTestId("restored")).toHaveValue("Summary: John Smith will meet Maria Garcia on Friday.");

  // Export the mapping with a passphrase, then import it back as a new session.
  await page.getByLabel("Passphrase").fill("correct horse battery");
  const downloadP = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export mapping…" }).click();
  const download = await downloadP;
  const path = await download.path();
  const exported = readFileSync(path, "utf8");
  expect(exported.length).toBeGreaterThan(20);
  expect(exported).not.toContain("John Smith");
  await page.getByLabel("Choose mapping file…").setInputFiles(path);
  await page.getByRole("button", { name: /^Import/ }).click();
  await expect(page.getByText(/Mapping imported \(2 values\)/)).toBeVisible();
  await page.getByRole("button", { name: "Restore originals" }).click();
  await expect(page.getByTestId("restored")).toHaveValue("Summary: John Smith will meet Maria Garcia on Friday.");
  await screenshot(page, "04-restore");

  // A wrong passphrase is explained, not a crash.
  await page.getByLabel("Passphrase").fill("wrong passphrase");
  await page.getByRole("button", { name: /^Import/ }).click();
  await expect(page.getByRole("alert")).toBeVisible();
});

test("opening the app logs no error (the page's icon is there too)", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await openApp(page);
  await page.waitForTimeout(1000); // the browser asks for the icon after the page has loaded
  expect(errors).toEqual([]);
});

test("add a missed span by selecting it", async ({ page }) => {
  await openApp(page);
  await analyze(page, "Ticket from agent zorbulax about the refund.");
  await expect(page.getByText("No personal data found with the current settings.")).toBeVisible();
  await screenshot(page, "12-no-findings");
  await doubleClickWord(page, page.locator(".highlight"), "zorbulax");
  const bar = page.getByRole("group", { name: "Add a missed finding" });
  await expect(bar).toContainText("zorbulax");
  await bar.getByRole("combobox").selectOption("PERSON");
  await bar.getByRole("button", { name: "Add finding" }).click();
  await expect(output(page)).toHaveValue("Ticket from agent <PERSON> about the refund.");
  await expect(page.getByRole("checkbox", { name: "Redact PERSON “zorbulax”" })).toBeChecked();
});

test("the add bar offers the type last added", async ({ page }) => {
  await openApp(page);
  await analyze(page, "Ticket from agent zorbulax about the refund at Quexford Mills.");
  await doubleClickWord(page, page.locator(".highlight"), "zorbulax");
  const bar = page.getByRole("group", { name: "Add a missed finding" });
  await bar.getByRole("combobox").selectOption("ORGANIZATION");
  await bar.getByRole("button", { name: "Add finding" }).click();
  await expect(page.getByRole("checkbox", { name: "Redact ORGANIZATION “zorbulax”" })).toBeChecked();
  await doubleClickWord(page, page.locator(".highlight"), "refund");
  await expect(bar).toContainText("Add “refund” as");
  await expect(bar.getByRole("combobox")).toHaveValue("ORGANIZATION");
  await screenshot(page, "13-add-bar-last-type");
});
