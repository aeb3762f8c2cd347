import { expect, type Locator, type Page, test } from "@playwright/test";
import { addEventWithPeople, daysAgo, digestDueNow, expectAccessible, shot, signIn } from "./fixtures";

// As in digest.spec.ts: the server runs a digest pass only when this route is called.
const CRON_SECRET = "e2e-cron-secret-0123456789";
const TIME_ZONE = "Atlantic/Reykjavik";
const GOAL = "Lead a platform group";
const STEPS = ["Ship the data platform", "Get to know climate tech", "Pass the Kubernetes exam"] as const;

test.use({ timezoneId: TIME_ZONE });

function stoneCard(page: Page, title: string): Locator {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
}

async function addStep(page: Page, title: string, kind: string) {
  await page.getByLabel("Step", { exact: true }).fill(title);
  await page.getByLabel("Kind").selectOption({ label: kind });
  await page.getByRole("button", { name: "Add step" }).click();
  await expect(stoneCard(page, title)).toBeVisible();
}

async function linkPerson(page: Page, step: string, name: string, part: string, note?: string) {
  await stoneCard(page, step).getByRole("button", { name: "Add person" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Person").fill(name.split(" ")[0] ?? name);
  await dialog.getByRole("option", { name: new RegExp(name) }).click();
  await dialog.getByLabel("Why they matter").selectOption({ label: part });
  if (note) await dialog.getByLabel("Note").fill(note);
  await dialog.getByRole("button", { name: "Link" }).click();
  await expect(dialog).toBeHidden();
  await expect(stoneCard(page, step)).toContainText(name);
}

test("a goal's steps move forward with a win as evidence, learning counts its hours, and the email says who matters", async ({
  page,
}) => {
  const email = await signIn(page, "career");
  await digestDueNow(page, TIME_ZONE);
  // Met 100 days ago with the default 30-day cadence: both are overdue.
  await addEventWithPeople(page, "Climate tech meetup", daysAgo(100), ["Ada Quinn, Watershed", "Bo Sato, Patch"]);

  // No goal yet: the Career page explains and offers one.
  await page.goto("/career");
  await expect(page.getByRole("heading", { name: "Career", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("main").getByRole("link", { name: "New goal" }).first().click();
  await page.getByLabel("Goal", { exact: true }).fill(GOAL);
  await page.getByLabel("Why it matters").fill("I want to build the teams that cut emissions");
  await page.getByRole("button", { name: "Create goal" }).click();
  await expect(page.getByRole("heading", { name: GOAL, level: 1 })).toBeVisible();

  await addStep(page, STEPS[0], "A project");
  await addStep(page, STEPS[1], "A relationship to build");
  await addStep(page, STEPS[2], "A certification");
  await expect(page.getByText("0 of 3 steps done")).toBeVisible();

  // Two people and a skill on the steps ahead.
  await linkPerson(page, STEPS[1], "Ada Quinn", "Could introduce me", "to people at Watershed");
  await linkPerson(page, STEPS[1], "Bo Sato", "Has done it");
  await stoneCard(page, STEPS[2]).getByRole("button", { name: "Add skill" }).click();
  const skillDialog = page.getByRole("dialog");
  const skillInput = skillDialog.getByLabel("Skill");
  await skillInput.fill("Kubernetes");
  await skillInput.press("Enter");
  await skillDialog.getByRole("button", { name: "Link" }).click();
  await expect(skillDialog).toBeHidden();
  await expect(stoneCard(page, STEPS[2])).toContainText("Kubernetes");
  await expectAccessible(page);
  await shot(page, "70-goal");

  // The first step is done, with a win as its evidence.
  await page.goto("/journal/new");
  await page.getByLabel("Title").fill("Launched the data platform");
  await page.getByLabel("Kind").selectOption({ label: "Delivered" });
  await page.getByRole("button", { name: "Record win" }).click();
  await expect(page).toHaveURL(/\/journal$/);
  await page.goto("/career");
  await page.getByRole("link", { name: GOAL }).first().click();
  await expect(page.getByRole("heading", { name: GOAL, level: 1 })).toBeVisible();
  await stoneCard(page, STEPS[0]).getByRole("button", { name: "Add evidence" }).click();
  const evidence = page.getByRole("dialog");
  await evidence.getByLabel("Win").fill("Launched");
  await evidence.getByRole("option", { name: /Launched the data platform/ }).click();
  await evidence.getByRole("button", { name: "Link" }).click();
  await expect(evidence).toBeHidden();
  await expect(stoneCard(page, STEPS[0])).toContainText("Launched the data platform");
  await page.getByLabel(`Status of “${STEPS[0]}”`).selectOption({ label: "Done" });
  await page.getByRole("button", { name: `Save status of “${STEPS[0]}”` }).click();
  await expect(page.getByText("1 of 3 steps done")).toBeVisible();

  // The Career page: progress, the next step and whom to talk to about it.
  await page.goto("/career");
  const goal = page.getByRole("region", { name: GOAL });
  await expect(goal).toContainText("1 of 3 steps done");
  const next = page.getByRole("region", { name: "The next step" });
  await expect(next).toContainText(STEPS[1]);
  await expect(next.getByRole("button", { name: "Log touch with Ada Quinn" })).toBeVisible();
  await expect(next.getByRole("button", { name: "Add Bo Sato to Reconnect" })).toBeVisible();

  // A course for the skill: its hours on the learning log, the skill and the Career page.
  await page.goto("/career/learning");
  await page.getByRole("button", { name: "Add learning" }).first().click();
  await page.getByLabel("Title").fill("Kubernetes the hard way");
  await page.getByLabel("Kind").selectOption({ label: "Course" });
  await page.getByLabel("Status").selectOption({ label: "Done" });
  await page.getByLabel("Hours").fill("6");
  const builds = page.getByLabel("Skills it builds");
  await builds.fill("Kubernetes");
  await builds.press("Enter");
  await page.getByRole("button", { name: "Save learning" }).click();
  await expect(page.getByText(/This quarter: 1 item, 6 hours/)).toBeVisible();
  await page.goto("/career/skills");
  await expect(page.getByRole("row", { name: /Kubernetes/ })).toContainText("6");
  await page.goto("/career");
  await expect(page.getByRole("region", { name: "Learning this quarter" })).toContainText("6 hours");
  await expectAccessible(page);
  await shot(page, "71-career");

  // The weekly email says why Ada matters.
  const run = await page.request.get("/api/cron/digest", { headers: { Authorization: `Bearer ${CRON_SECRET}` } });
  expect(run.status()).toBe(200);
  await page.goto("/outbox");
  const digest = page.getByRole("link").filter({ hasText: email }).filter({ hasText: /to reconnect with/ });
  await expect(digest).toHaveCount(1);
  await digest.click();
  await expect(page.locator("pre")).toContainText(`Matters for: ${GOAL} — could introduce you to people at Watershed`);
  const html = page.frameLocator('iframe[title^="HTML version"]');
  await expect(html.getByText(/Matters for: Lead a platform group/).first()).toBeVisible();
});
