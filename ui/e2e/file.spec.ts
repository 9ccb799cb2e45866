/** Opening a text file and saving the redacted result, through the real file dialogs' inputs. */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { openApp, output, screenshot } from "./helpers";

test("open a text file, redact it, save the result", async ({ page }) => {
  await openApp(page);
  const content = "Customer: Emma Johnson\nPhone: 212-555-0143\nNotes: called about invoice 7731.\n";
  await page.getByLabel("Open file…").setInputFiles({ name: "ticket.txt", mimeType: "text/plain", buffer: Buffer.from(content) });
  await expect(page.getByRole("textbox", { name: "Text to redact" })).toHaveValue(content);
  await page.getByRole("button", { name: "Analyze" }).click();
  await expect(output(page)).toHaveValue(/Customer: <PERSON>/);
  await expect(output(page)).not.toHaveValue(/Emma Johnson|212-555-0143/);
  const downloadP = page.waitForEvent("download");
  await page.getByRole("button", { name: "Save…" }).click();
  const download = await downloadP;
  expect(download.suggestedFilename()).toBe("ticket.redacted.txt");
  expect(readFileSync(await download.path(), "utf8")).toBe(await output(page).inputValue());
});

test("a binary file is refused with a message", async ({ page }) => {
  await openApp(page);
  await page.getByLabel("Open file…").setInputFiles({ name: "archive.zip", mimeType: "application/zip", buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) });
  await expect(page.getByRole("alert")).toContainText("not a text file");
  await screenshot(page, "08-file-error");
});

test("drop a text file on the original pane, or paste from the clipboard", async ({ page }) => {
  await openApp(page);
  const pane = page.getByRole("region", { name: "Original text" });
  const content = "From: Hannah Schmidt <hannah.schmidt@example.de>\nPlease forward to accounting.";
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "mail.txt", { type: "text/plain" }));
    return dt;
  }, content);
  await pane.dispatchEvent("dragover", { dataTransfer });
  await pane.dispatchEvent("drop", { dataTransfer });
  const input = page.getByRole("textbox", { name: "Text to redact" });
  await expect(input).toHaveValue(content);

  await input.fill("");
  await page.evaluate(() => navigator.clipboard.writeText("Pasted note for lucas.moreau@example.fr today."));
  await input.focus();
  await page.keyboard.press("Control+V");
  await expect(input).toHaveValue("Pasted note for lucas.moreau@example.fr today.");
  await page.keyboard.press("Control+Enter");
  await expect(output(page)).toHaveValue("Pasted note for <EMAIL_ADDRESS> today.");
});
