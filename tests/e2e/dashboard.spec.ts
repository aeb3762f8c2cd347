import { expect, test } from "@playwright/test";
import { addEventWithPeople, daysAgo, expectAccessible, shot, signIn } from "./fixtures";

test("the dashboard puts the most overdue first, explains why, and a touch from it clears them", async ({ page }) => {
  await signIn(page, "dashboard");

  // A brand-new user is walked to their first event, contact and touch.
  await expect(page.getByRole("heading", { name: "Get started" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to events" })).toBeVisible();
  await expectAccessible(page);

  // Met Ada 200 days ago and Bo 60 days ago; the default cadence is 30 days.
  await addEventWithPeople(page, "Product conference", daysAgo(200), ["Ada Quinn, Acme"]);
  await addEventWithPeople(page, "Design meetup", daysAgo(60), ["Bo Sato, Beta", "Cy Okafor, Gamma"]);

  await page.goto("/dashboard");
  const reconnect = page.getByRole("region", { name: "Reconnect now" });
  const items = reconnect.getByTestId("reconnect-item");
  await expect(items).toHaveCount(3);
  const first = items.first();
  await expect(first.getByRole("link", { name: "Ada Quinn" })).toBeVisible();
  await expect(first).toContainText(/(199|200) days since the last touch; you aimed for every 30 days/);
  await expect(first).toContainText("no value exchanged this year");
  await expect(first).toContainText("Dormant");
  const health = page.getByRole("region", { name: "Network health" });
  await expect(health.getByRole("link", { name: /Dormant\s*1/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Recent events" }).getByText("Bo Sato, Cy Okafor")).toBeVisible();

  // Log a touch that added value, straight from the dashboard.
  await first.getByRole("button", { name: "Log touch" }).click();
  const dialog = page.getByRole("dialog", { name: "Log a touch" });
  await expect(dialog.getByRole("list", { name: "Chosen contacts" })).toContainText("Ada Quinn");
  await dialog.getByLabel("How").selectOption({ label: "Call" });
  await dialog.getByLabel("Summary").fill("Introduced her to a hiring manager");
  await dialog.getByLabel("Added value?").selectOption({ label: "Introduction" });
  await dialog.getByLabel("I gave").check();
  await dialog.getByRole("button", { name: "Log touch" }).click();
  await expect(dialog).toBeHidden();

  await expect(items).toHaveCount(2);
  await expect(reconnect.getByRole("link", { name: "Ada Quinn" })).toBeHidden();
  await expect(items.first().getByRole("link", { name: /Bo Sato|Cy Okafor/ })).toBeVisible();
  const streak = page.getByRole("region", { name: "Value-adding streak" });
  await expect(streak).toContainText("1 week");
  await expect(streak).toContainText("This week: 1 given, 0 received.");

  // Snooze one for two weeks: it leaves the list too.
  const snoozed = (await items.first().getByRole("link").first().textContent()) ?? "";
  await items.first().getByRole("button", { name: /Snooze 2 weeks/ }).click();
  await expect(page.getByText(`${snoozed} snoozed until`)).toBeVisible();
  await expect(items).toHaveCount(1);
  await expect(reconnect.getByRole("link", { name: snoozed })).toBeHidden();

  await page.emulateMedia({ colorScheme: "light" });
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screenshots/20-dashboard-light.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screenshots/21-dashboard-dark.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });

  // The contacts list sorts by health: the most neglected first.
  await page.goto("/contacts?sort=health");
  await expect(page.getByRole("link", { name: "Ada Quinn" })).toBeVisible();
  await shot(page, "22-contacts-by-health");
});
