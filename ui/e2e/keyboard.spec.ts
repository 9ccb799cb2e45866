/** Keyboard only: no mouse from paste to copy, through tabs, highlights and the findings list. */
import { expect, test } from "@playwright/test";
import { openApp, output } from "./helpers";

test("analyze, review and copy with the keyboard only", async ({ page }) => {
  await openApp(page);
  const input = page.getByRole("textbox", { name: "Text to redact" });
  for (let i = 0; i < 10 && !(await input.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(input).toBeFocused();
  await page.keyboard.insertText("Please ask Robert Brown, robert.brown@example.com, to sign.");
  await page.keyboard.press("Control+Enter");

  // Focus lands on the first highlighted finding; arrows move, Enter switches.
  const first = page.locator("mark", { hasText: "Robert Brown" });
  await expect(first).toBeFocused();
  await expect(page.getByRole("tooltip")).toContainText("PERSON");
  await page.keyboard.press("ArrowRight");
  await expect(page.locator("mark", { hasText: "robert.brown@example.com" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(output(page)).toHaveValue("Please ask <PERSON>, robert.brown@example.com, to sign.");

  // One tab stop for the whole highlight view: Tab leaves it for the output pane's buttons.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Copy" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("Please ask <PERSON>, robert.brown@example.com, to sign.");

  // The findings list: checkboxes with names; Space switches the email back on.
  const email = page.getByRole("checkbox", { name: "Redact EMAIL_ADDRESS “robert.brown@example.com”" });
  await email.focus();
  await page.keyboard.press("Space");
  await expect(output(page)).toHaveValue("Please ask <PERSON>, <EMAIL_ADDRESS>, to sign.");

  // Tabs: arrow keys move between sections.
  await page.getByRole("tab", { name: "Redact" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Restore" })).toBeFocused();
  await expect(page.getByRole("tab", { name: "Restore" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("textbox", { name: "Text with pseudonym labels" })).toBeVisible();
});
