import { expect, test } from "@playwright/test";
import { daysAgo, expectAccessible, shot, signIn } from "./fixtures";

test("add the people met at an event, log help offered, congratulate a success", async ({ page }) => {
  await signIn(page, "capture");

  // The event, then everyone met there in one paste.
  await page.goto("/events/new");
  await page.getByLabel("Name").fill("Women in Tech meetup");
  await page.getByLabel("Date").fill(daysAgo(10));
  await page.getByLabel("Kind").selectOption({ label: "Volunteering" });
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByRole("heading", { name: "Women in Tech meetup", level: 1 })).toBeVisible();

  await page.locator("summary", { hasText: "Paste a list" }).click();
  await page
    .getByLabel("One person per line")
    .fill(
      ["Ada Lovelace, Analytical Engines, ada@example.com", "Grace Hopper <grace@navy.example>", "Katherine Johnson, NASA"].join("\n"),
    );
  await page.getByRole("button", { name: "Turn into rows" }).click();
  await expectAccessible(page);
  await shot(page, "10-event-quick-add");
  await page.getByRole("button", { name: "Save 3 people" }).click();
  await expect(page.getByText("Added 3 new contacts from Women in Tech meetup")).toBeVisible();
  await expect(page.getByRole("link", { name: "Grace Hopper" })).toBeVisible();

  // All three are contacts now, met at the event.
  await page.goto("/contacts");
  for (const name of ["Ada Lovelace", "Grace Hopper", "Katherine Johnson"]) {
    await expect(page.getByRole("link", { name })).toBeVisible();
  }
  await expectAccessible(page);
  await shot(page, "11-contacts");

  await page.getByRole("link", { name: "Ada Lovelace" }).click();
  await expect(page.getByRole("heading", { name: "Ada Lovelace", level: 1 })).toBeVisible();
  const howWeMet = page.locator("[data-slot=card]").filter({ has: page.getByRole("heading", { name: "How we met" }) });
  await expect(howWeMet.getByRole("link", { name: "Women in Tech meetup" })).toBeVisible();
  const next = page.locator("dt", { hasText: "Next" }).locator("xpath=following-sibling::dd[1]");
  await expect(next).toHaveText("Due in 20 days");
  await expectAccessible(page);

  // Log help offered (I gave): it shows on the timeline and moves the next due date.
  await page.locator("main header").getByRole("button", { name: "Log touch" }).click();
  const dialog = page.getByRole("dialog", { name: "Log a touch" });
  await expect(dialog.getByRole("list", { name: "Chosen contacts" })).toContainText("Ada Lovelace");
  await dialog.getByLabel("How").selectOption({ label: "Call" });
  await dialog.getByLabel("Summary").fill("Reviewed her pitch deck");
  await dialog.getByLabel("Added value?").selectOption({ label: "Help offered" });
  await dialog.getByLabel("I gave").check();
  await dialog.getByRole("button", { name: "Log touch" }).click();
  await expect(page.getByText("Touch logged")).toBeVisible();
  await expect(dialog).toBeHidden();
  const timeline = page.locator("section", { has: page.getByRole("heading", { name: "Timeline" }) });
  await expect(timeline.getByText("Reviewed her pitch deck")).toBeVisible();
  await expect(timeline.getByText("Help offered · I gave")).toBeVisible();
  await expect(next).toHaveText("Due in 30 days");
  await shot(page, "12-contact-after-touch");

  // A success, congratulated from the timeline.
  await page.getByRole("button", { name: "Record success" }).click();
  const successDialog = page.getByRole("dialog", { name: "Record a success" });
  await successDialog.getByLabel("Kind").selectOption({ label: "Promotion" });
  await successDialog.getByLabel("What happened").fill("Promoted to Head of Engineering");
  await successDialog.getByRole("button", { name: "Record success" }).click();
  await expect(successDialog).toBeHidden();
  await expect(timeline.getByText("Promoted to Head of Engineering")).toBeVisible();

  await timeline.getByRole("button", { name: /Congratulate Ada Lovelace/ }).click();
  const congratulate = page.getByRole("dialog", { name: "Congratulate" });
  await expect(congratulate.getByLabel("Added value?")).toHaveValue("congratulation");
  await congratulate.getByRole("button", { name: "Log touch" }).click();
  await expect(congratulate).toBeHidden();
  await expect(timeline.getByText("Congratulated")).toBeVisible();
  await shot(page, "13-contact-congratulated");
});
