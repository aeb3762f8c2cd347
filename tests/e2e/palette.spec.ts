import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectAccessible, shot, signIn } from "./fixtures";

const NAME = "Ottoline Quarry";

async function addContact(page: Page, name: string, company: string) {
  await page.goto("/contacts/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Company").fill(company);
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
}

// Tab forward until the field has focus, as a person without a mouse does.
async function tabTo(page: Page, field: Locator) {
  for (let i = 0; i < 12; i++) {
    if (await field.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(field).toBeFocused();
}

test("the command palette opens a contact and logs a touch with them, by keyboard alone", async ({ page }) => {
  await signIn(page, "palette");
  await addContact(page, NAME, "Garsington Press");
  await addContact(page, "Bertrand Rye", "Trinity");

  // Ctrl+K works while typing in a field, and Escape gives the field its focus back.
  await page.goto("/contacts");
  const filter = page.getByRole("searchbox", { name: "Search", exact: true });
  await filter.fill("some");
  await page.keyboard.press("Control+K");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette).toBeVisible();
  const input = palette.getByRole("combobox");
  await expect(input).toBeFocused();
  // Nothing typed: the recent contacts (here the newest, as none is touched yet), then actions and pages.
  const options = palette.getByRole("option");
  await expect(options.nth(0)).toContainText("Bertrand Rye");
  await expect(options.nth(1)).toContainText(NAME);
  await expect(palette.getByRole("option", { name: "Log touch" })).toBeVisible();
  await expect(palette.getByRole("option", { name: "Settings" })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "80-palette");
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();
  await expect(filter).toBeFocused();
  await expect(filter).toHaveValue("some");

  // Part of the name, Enter: the contact opens.
  await page.keyboard.press("Control+K");
  await expect(input).toBeFocused();
  await page.keyboard.type("ottol");
  await expect(palette.getByRole("option", { name: new RegExp(NAME) })).toHaveAttribute("aria-selected", "true");
  await expect(palette.getByRole("option", { name: /Bertrand/ })).toHaveCount(0);
  await page.keyboard.press("Enter");
  await expect(palette).toBeHidden();
  await expect(page.getByRole("heading", { name: NAME, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);

  // "log" and the name: the log-touch dialog opens with the contact chosen.
  await page.keyboard.press("Control+K");
  await page.keyboard.type("log touch otto");
  const logWith = palette.getByRole("option", { name: new RegExp(`Log touch with ${NAME}`) });
  await expect(logWith).toHaveAttribute("aria-selected", "true");
  await expectAccessible(page);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Log a touch" });
  await expect(dialog).toBeVisible();
  await expect(palette).toBeHidden();
  await expect(dialog.getByRole("list", { name: "Chosen contacts" })).toContainText(NAME);
  await tabTo(page, dialog.getByLabel("Summary"));
  await page.keyboard.type("Talked about the autumn list");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByText("Touch logged")).toBeVisible();
  await expect(dialog).toBeHidden();
  const timeline = page.locator("section", { has: page.getByRole("heading", { name: "Timeline" }) });
  await expect(timeline.getByText("Talked about the autumn list")).toBeVisible();

  // Now touched, she is the most recent contact.
  await page.keyboard.press("Control+K");
  await expect(options.nth(0)).toContainText(NAME);
  await page.keyboard.press("Control+K");
  await expect(palette).toBeHidden();
});

test("on a phone the header's search opens the palette, which jumps to a page", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "palette-phone");
  await page.locator("header").getByRole("button", { name: "Search…" }).click();
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette.getByRole("combobox")).toBeFocused();
  await page.keyboard.type("journal");
  await expect(palette.getByRole("option", { name: "Journal" })).toHaveAttribute("aria-selected", "true");
  await expectAccessible(page);
  await shot(page, "81-palette-phone");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/journal$/);
  await expect(palette).toBeHidden();
});
