import { expect, type Page, test } from "@playwright/test";
import { addEventWithPeople, daysAgo, digestDueNow, expectAccessible, shot, signIn } from "./fixtures";

// As in digest.spec.ts: the server runs a digest pass only when this route is called.
const CRON_SECRET = "e2e-cron-secret-0123456789";
const TIME_ZONE = "Atlantic/Reykjavik";

test.use({ timezoneId: TIME_ZONE });

async function addCurrentRole(page: Page, title: string, company: string) {
  await page.goto("/journal/roles");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Company").fill(company);
  await page.getByLabel("Started").fill(daysAgo(400));
  await page.getByRole("button", { name: "Add role" }).click();
  await expect(page.getByText(`${title}`).first()).toBeVisible();
  await expect(page.getByText("Current").first()).toBeVisible();
}

test("a win recorded from a contact's page shows on the journal, the contact, the dashboard and the review pack", async ({
  page,
}) => {
  await signIn(page, "journal");
  await addCurrentRole(page, "Staff Engineer", "Hooli");
  await expectAccessible(page);
  await addEventWithPeople(page, "Platform offsite", daysAgo(20), ["Ada Quinn, Acme", "Bo Sato, Beta"]);

  // From Ada's page: she is already in the win, as one who helped.
  await page.goto("/contacts");
  await page.getByRole("link", { name: "Ada Quinn" }).click();
  await expect(page.getByRole("heading", { name: "Ada Quinn", level: 1 })).toBeVisible();
  await page.getByRole("main").getByRole("button", { name: "Record a win", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Record a win" });
  await expect(dialog.getByLabel("Ada Quinn: the part they played")).toHaveValue("helped_me");
  await expect(dialog.getByLabel("Role")).toContainText("Staff Engineer at Hooli");

  await dialog.getByLabel("Title").fill("Shipped the billing migration");
  await dialog.getByLabel("Kind").selectOption({ label: "Delivered" });
  await dialog.getByLabel("What I did").fill("Moved invoicing to the new queue");
  await dialog.getByLabel("Result or impact").fill("Invoices go out the same day");
  await dialog.getByLabel("Metric").fill("40");
  await dialog.getByLabel("Unit").fill("% build time");
  const skills = dialog.getByLabel("Skills");
  await skills.fill("PostgreSQL");
  await skills.press("Enter");
  await expect(dialog.getByRole("list", { name: "Chosen skills" })).toContainText("PostgreSQL");
  await dialog.getByLabel("People", { exact: true }).fill("Bo");
  await dialog.getByRole("option", { name: /Bo Sato/ }).click();
  await dialog.getByLabel("Bo Sato: the part they played").selectOption({ label: "Can vouch for it" });
  await expectAccessible(page);
  await shot(page, "60-record-win");
  await dialog.getByRole("button", { name: "Record win" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Win recorded")).toBeVisible();

  // On Ada's page, with her part.
  const adaWins = page.getByRole("region", { name: /Wins with Ada/ });
  await expect(adaWins).toContainText("Shipped the billing migration");

  // On the journal, with its metric, skill and people.
  await page.goto("/journal");
  await expect(page.getByRole("heading", { name: "Journal", level: 1 })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main).toContainText("Shipped the billing migration");
  await expect(main).toContainText("40 % build time");
  await expect(main.getByRole("link", { name: "Bo Sato" })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "61-journal");

  // The search box filters as you type: by a word, by its skill, or nothing.
  const search = page.getByRole("search", { name: "Journal" }).getByRole("searchbox", { name: "Search" });
  await search.fill("kubernetes");
  await expect(page).toHaveURL(/[?&]q=kubernetes/);
  await expect(main).not.toContainText("Shipped the billing migration");
  await search.fill("postgresql");
  await expect(page).toHaveURL(/[?&]q=postgresql/);
  await expect(main).toContainText("Shipped the billing migration");
  await page.goto("/journal?q=invoicing");
  await expect(main).toContainText("Shipped the billing migration");
  await expect(search).toHaveValue("invoicing");

  // The contacts list's search box works the same way.
  await page.goto("/contacts");
  await page.getByRole("search", { name: "Contacts" }).getByRole("searchbox", { name: "Search" }).fill("Bo Sato");
  await expect(page).toHaveURL(/[?&]q=Bo\+Sato/);
  await expect(page.getByRole("link", { name: "Ada Quinn" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Bo Sato" })).toBeVisible();

  // The dashboard's card counts it and asks whether Ada has been thanked.
  await page.goto("/dashboard");
  const card = page.getByRole("region", { name: "Journal" });
  await expect(card.getByRole("button", { name: /Thank Ada Quinn/ })).toBeVisible();
  await card.getByRole("button", { name: /Thank Ada Quinn/ }).click();
  const thanks = page.getByRole("dialog", { name: "Log a touch" });
  await expect(thanks.getByRole("list", { name: "Chosen contacts" })).toContainText("Ada Quinn");
  await thanks.getByRole("button", { name: "Log touch" }).click();
  await expect(thanks).toBeHidden();
  await expect(card.getByRole("button", { name: /Thank Ada Quinn/ })).toBeHidden();
  await expectAccessible(page);

  // The review pack for the last 6 months: the win, its metric, whom to ask.
  await page.goto("/journal/review");
  const pack = page.getByRole("main");
  await expect(pack).toContainText("Shipped the billing migration");
  await expect(pack).toContainText("40 % build time");
  await expect(page.getByRole("region", { name: "People to ask for feedback" })).toContainText("Bo Sato");
  await expect(page.getByRole("region", { name: "People to thank" })).toContainText("Ada Quinn");
  await expect(page.getByRole("region", { name: "Resume bullets" })).toContainText("Moved invoicing to the new queue");
  await expectAccessible(page);
  await shot(page, "62-review-pack");

  // Printed, the app's navigation is gone and the pack remains.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(pack).toContainText("Shipped the billing migration");
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  await page.emulateMedia({ media: "screen" });

  const download = await page.request.get("/journal/review/markdown");
  expect(download.status()).toBe(200);
  const markdown = await download.text();
  expect(markdown).toContain("Shipped the billing migration");
  expect(markdown).toContain("Bo Sato");
});

test("the weekly email asks what went well, and its link opens the form", async ({ page }) => {
  const email = await signIn(page, "journal-digest");

  await digestDueNow(page, TIME_ZONE);

  // No one to reconnect with: the email still goes out, for the journal.
  const run = await page.request.get("/api/cron/digest", { headers: { Authorization: `Bearer ${CRON_SECRET}` } });
  expect(run.status()).toBe(200);
  await page.goto("/outbox");
  const digest = page.getByRole("link").filter({ hasText: email }).filter({ hasText: /what went well/i });
  await expect(digest).toHaveCount(1);
  await digest.click();
  const html = page.frameLocator('iframe[title^="HTML version"]');
  await expect(html.getByRole("heading", { name: "What went well this week?" })).toBeVisible();
  const link = (await html.getByRole("link", { name: "Record a win" }).getAttribute("href")) ?? "";
  expect(link).toMatch(/\/digest\/record-win\?t=/);

  await page.goto(link);
  await expect(page).toHaveURL(/\/journal\/new$/);
  await expectAccessible(page);
  await page.getByLabel("Title").fill("Gave the architecture talk");
  await page.getByLabel("Kind").selectOption({ label: "Led" });
  await page.getByRole("button", { name: "Record win" }).click();
  await expect(page).toHaveURL(/\/journal$/);
  await expect(page.getByRole("main")).toContainText("Gave the architecture talk");
});
