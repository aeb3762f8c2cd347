import { expect, test } from "@playwright/test";
import { expectAccessible, fromOwnAddress, shot } from "./fixtures";

test("a person signs in through the outbox, saves settings and signs out", async ({ page }) => {
  const email = `ada-${Date.now()}@example.com`;
  await fromOwnAddress(page);

  const landing = await page.goto("/");
  const csp = landing?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(landing?.headers()["x-content-type-options"]).toBe("nosniff");
  expect(landing?.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shot(page, "01-landing");

  // A signed-out visit to the app goes to sign-in.
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings/);

  await page.getByLabel("Email").fill("not an email");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();

  await page.getByLabel("Email").fill(email);
  await expectAccessible(page);
  await shot(page, "02-sign-in");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await shot(page, "03-check-email");

  await page.getByRole("link", { name: "Open the outbox" }).click();
  await page.getByRole("link", { name: /Your Kith sign-in link/ }).filter({ hasText: email }).first().click();
  await shot(page, "04-outbox-message");
  await page.locator("pre a").first().click();

  await expect(page.getByRole("heading", { name: "Confirm sign-in" })).toBeVisible();
  await shot(page, "05-confirm");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "06-settings");

  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Time zone").selectOption("Europe/London");
  await page.getByLabel("Weekday", { exact: true }).selectOption({ label: "Friday" });
  await page.getByLabel("Hour (your time)").selectOption({ label: "07:00" });
  await page.getByLabel("Every how many days").fill("0");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Reconnect at least every 365 days")).toBeVisible();

  await page.getByLabel("Every how many days").fill("45");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await shot(page, "07-settings-saved");

  await page.reload();
  await expect(page.getByLabel("Name")).toHaveValue("Ada Lovelace");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/London");
  await expect(page.getByLabel("Weekday", { exact: true })).toHaveValue("5");
  await expect(page.getByLabel("Every how many days")).toHaveValue("45");

  await page.getByRole("link", { name: "Dashboard" }).first().click();
  await expect(page.getByRole("heading", { name: "Welcome, Ada" })).toBeVisible();
  await shot(page, "08-dashboard");

  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in/);
  await shot(page, "09-signed-out");
});

test("a used sign-in link cannot sign in again", async ({ page, context }) => {
  const email = `grace-${Date.now()}@example.com`;
  await fromOwnAddress(page);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  await page.goto("/outbox");
  await page.getByRole("link").filter({ hasText: email }).first().click();
  const link = await page.locator("pre a").first().getAttribute("href");
  expect(link).toBeTruthy();

  await page.goto(link ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await context.clearCookies();
  await page.goto(link ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
});
