/** Settings round-trip through the backend: custom recognizer with live test, allow list, threshold. */
import { expect, test } from "@playwright/test";
import { analyze, openApp, output, screenshot, storedSettings } from "./helpers";

/** The entity types the backend stored as enabled. */
const storedTypes = async () => ((await storedSettings()).enabled_entities ?? []) as string[];

test("custom recognizer: live test, saved by the backend, used by the next analysis", async ({ page }) => {
  await openApp(page);
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByRole("button", { name: "Add recognizer" }).click();
  const rec = page.getByRole("group", { name: "custom_1" });
  // Still blank: not saved, said so, and its type is not stored as enabled.
  await expect(rec.getByText("Not saved: give it a pattern to save it.")).toBeVisible();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await rec.scrollIntoViewIfNeeded();
  await screenshot(page, "05d-settings-blank-recognizer");
  expect(await storedTypes()).not.toContain("CUSTOM_ID");
  await rec.getByLabel("Entity type").fill("EMPLOYEE_ID");
  await rec.getByLabel("Pattern (regular expression)").fill("EMP-\\d{5}");
  await rec.getByLabel("Test text").fill("ids EMP-12345 and EMP-999 and EMP-54321");
  await expect(rec.locator("output")).toHaveText("2 matches: “EMP-12345”, “EMP-54321”");
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await expect.poll(storedTypes).toContain("EMPLOYEE_ID");
  expect(await storedTypes()).not.toContain("CUSTOM_ID");
  await rec.locator("output").scrollIntoViewIfNeeded();
  await screenshot(page, "05b-settings-recognizer");

  // A bad pattern is explained by the backend.
  await rec.getByLabel("Pattern (regular expression)").fill("EMP-(\\d");
  await expect(rec.locator("output.error")).toBeVisible();
  await rec.getByLabel("Pattern (regular expression)").fill("EMP-\\d{5}");
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  await page.getByLabel("Allow list (never redacted)").fill("Contoso");
  await page.getByLabel("Allow list (never redacted)").blur();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await page.locator("#panel-settings").evaluate((el) => el.scrollTo(0, 0));
  await screenshot(page, "05-settings");

  // Reload: the token survives in this tab's sessionStorage and the settings come back.
  await page.reload();
  await expect(page.getByText("Local engine ready")).toBeVisible();
  await page.getByRole("tab", { name: "Redact" }).click();
  await analyze(page, "Badge EMP-12345 belongs to Peter Parker of Contoso.");
  await expect(page.getByRole("checkbox", { name: "Redact EMPLOYEE_ID “EMP-12345”" })).toBeChecked();
  await expect(output(page)).toHaveValue(/Badge <EMPLOYEE_ID>/);
  await expect(output(page)).toHaveValue(/of Contoso\./);

  // Removing the recognizer (after the reload, so the engine lists EMPLOYEE_ID among the
  // enabled types) takes its type out of the stored settings and off the screen.
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByRole("group", { name: "custom_1" }).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await expect.poll(async () => (await storedSettings()).custom_recognizers).toEqual([]);
  expect(await storedTypes()).not.toContain("EMPLOYEE_ID");
  expect(await storedTypes()).toContain("PERSON");
  await expect(page.getByRole("checkbox", { name: "EMPLOYEE_ID" })).not.toBeChecked();

  // Clean up for the other tests: the allow list.
  await page.getByLabel("Allow list (never redacted)").fill("");
  await page.getByLabel("Allow list (never redacted)").blur();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
});

test("dark theme follows the OS", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await openApp(page);
  await analyze(page, "Send the contract to Laura Chen at laura.chen@example.org by Monday.");
  await expect(output(page)).toHaveValue(/<EMAIL_ADDRESS>/);
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe("rgb(20, 23, 28)");
  await screenshot(page, "07-dark");
});

test("an operator rule with options (mask) is saved and applied", async ({ page }) => {
  await openApp(page);
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByLabel("Add a rule for").selectOption("EMAIL_ADDRESS");
  await page.getByRole("button", { name: "Add rule" }).click();
  const rule = page.getByRole("group", { name: "Operator for EMAIL_ADDRESS" });
  await rule.getByRole("combobox").selectOption("mask");
  await rule.getByLabel("Masking character for EMAIL_ADDRESS").fill("#");
  await rule.getByLabel("Characters to mask for EMAIL_ADDRESS").fill("5");
  await rule.getByLabel("from end").check();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await page.locator("#panel-settings").evaluate((el) => el.scrollTo(0, el.scrollHeight / 3));
  await screenshot(page, "05c-settings-operators");

  await page.getByRole("tab", { name: "Redact" }).click();
  await analyze(page, "Write to kim@example.org today.");
  await expect(output(page)).toHaveValue("Write to kim@exampl##### today.");
});
