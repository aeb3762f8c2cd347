import { expect, type Page, test } from "@playwright/test";
import { addEventWithPeople, daysAgo, digestDueNow, expectAccessible, shot, signIn } from "./fixtures";

// playwright.config.ts starts the server with this secret and the in-process
// scheduler off, so only this test's calls to the cron route run a pass.
const CRON_SECRET = "e2e-cron-secret-0123456789";
// Always UTC+0, with no daylight saving, and in the settings page's list.
const TIME_ZONE = "Atlantic/Reykjavik";
const DIGEST_SUBJECT = /to reconnect with|to congratulate|Your weekly Kith digest/;

async function runCron(page: Page, secret = CRON_SECRET) {
  return page.request.get("/api/cron/digest", { headers: { Authorization: `Bearer ${secret}` } });
}

// A browser there: the settings page proposes its zone once hydrated, which
// is also the sign that the form is ready for input.
test.use({ timezoneId: TIME_ZONE });

test("the weekly digest goes out when due, once, and its link logs a touch", async ({ page }) => {
  const email = await signIn(page, "digest");

  await digestDueNow(page, TIME_ZONE);

  // Met 100 days ago with the default 30-day cadence: both are overdue.
  await addEventWithPeople(page, "Founders dinner", daysAgo(100), ["Ada Quinn, Acme", "Bo Sato, Beta"]);

  // The cron route refuses anyone without the secret.
  expect((await runCron(page, "not-the-cron-secret-0123")).status()).toBe(401);
  expect((await page.request.get("/api/cron/digest")).status()).toBe(401);

  const first = await runCron(page);
  expect(first.status()).toBe(200);
  const summary = (await first.json()) as { sent: number; failed: number };
  expect(summary.sent).toBeGreaterThanOrEqual(1);
  expect(summary.failed).toBe(0);

  // The digest is in the outbox, addressed to this user, naming both.
  await page.goto("/outbox");
  const digests = page.getByRole("link").filter({ hasText: email }).filter({ hasText: DIGEST_SUBJECT });
  await expect(digests).toHaveCount(1);
  await expect(digests).toContainText("2 people to reconnect with");
  await digests.click();
  await expect(page.getByRole("heading", { name: "2 people to reconnect with", level: 1 })).toBeVisible();
  const text = page.locator("pre");
  await expect(text).toContainText("Ada Quinn");
  await expect(text).toContainText("Bo Sato");
  const html = page.frameLocator('iframe[title^="HTML version"]');
  await expect(html.getByText("Ada Quinn · Acme")).toBeVisible();
  await expect(html.getByText("Bo Sato · Beta")).toBeVisible();
  await shot(page, "30-digest-in-outbox");

  // The first person's "Log a touch" link, the same in both versions.
  const logButton = html.getByRole("link", { name: /^Log a touch with / }).first();
  const person = ((await logButton.getAttribute("aria-label")) ?? "").replace(/^Log a touch with /, "");
  expect(["Ada Quinn", "Bo Sato"]).toContain(person);
  const logUrl = (await logButton.getAttribute("href")) ?? "";
  expect(logUrl).toMatch(/\/digest\/log\?t=[\w.%-]+$/);
  await expect(text.locator(`a[href="${logUrl}"]`)).toHaveCount(1);

  // Opening the link changes nothing; the button logs the touch.
  await page.goto(logUrl);
  await expect(page.getByRole("heading", { name: `Log a touch with ${person}?`, level: 1 })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "31-digest-log-link");
  await page.getByLabel("How were you in touch?").selectOption({ label: "Call" });
  await page.getByLabel("Summary (optional)").fill("Caught up after the weekly digest");
  await page.getByRole("button", { name: "Save touch" }).click();
  await expect(page.getByRole("heading", { name: `Touch logged with ${person}`, level: 1 })).toBeVisible();
  await shot(page, "32-digest-touch-logged");

  await page.getByRole("link", { name: `Open ${person}` }).click();
  await expect(page.getByRole("heading", { name: person, level: 1 })).toBeVisible();
  const timeline = page.locator("section", { has: page.getByRole("heading", { name: "Timeline" }) });
  await expect(timeline.getByText("Caught up after the weekly digest")).toBeVisible();
  await expect(timeline.getByText("· Call")).toBeVisible();
  const next = page.locator("dt", { hasText: "Next" }).locator("xpath=following-sibling::dd[1]");
  await expect(next).toHaveText("Due in 30 days");

  // A second pass in the same week sends this user nothing new.
  const second = await runCron(page);
  expect(second.status()).toBe(200);
  await page.goto("/outbox");
  await expect(page.getByRole("heading", { name: "Outbox", level: 1 })).toBeVisible();
  await expect(digests).toHaveCount(1);
});
