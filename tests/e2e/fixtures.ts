import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const SHOTS = "test-results/screenshots";

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

// Each person in the suite comes from an address of their own, as people
// do: sign-in is rate limited per client address, and the suite signs in
// more often than one person may. The e2e server trusts one proxy hop
// (KITH_TRUSTED_PROXY_HOPS=1 in playwright.config.ts), so this header plays
// the part of that proxy; a real server trusts none by default.
export async function fromOwnAddress(page: Page) {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `10.${octet()}.${octet()}.${octet()}` });
}

// Signs in the way a person does: ask for a link, open it from the outbox,
// confirm. Returns the email used.
export async function signIn(page: Page, prefix: string): Promise<string> {
  const email = `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
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
  return email;
}

// No serious or critical accessibility violation on the current page, once
// it has settled: axe judged a toast caught mid-fade as too faint to read.
// Endless animations (a spinner) do not hold it up.
export async function expectAccessible(page: Page) {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== "running" || animation.effect?.getComputedTiming().endTime === Infinity),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(severe.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

// A date (YYYY-MM-DD, UTC) the given number of days before today.
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

// Creates an event on that day and adds the people through the paste box.
export async function addEventWithPeople(page: Page, name: string, day: string, people: string[]) {
  await page.goto("/events/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Date").fill(day);
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await page.locator("summary", { hasText: "Paste a list" }).click();
  await page.getByLabel("One person per line").fill(people.join("\n"));
  await page.getByRole("button", { name: "Turn into rows" }).click();
  const count = people.length === 1 ? "1 person" : `${people.length} people`;
  await page.getByRole("button", { name: `Save ${count}` }).click();
  await expect(page.getByText(/Added \d+ new contacts? from/)).toBeVisible();
}

// The weekly email due now: today's weekday where the user lives, from
// midnight, with the email on. The browser runs in `timeZone` too, so the
// settings page proposes it once hydrated, the sign the form is ready.
export async function digestDueNow(page: Page, timeZone: string) {
  const today = new Intl.DateTimeFormat("en-US", { weekday: "long", timeZone }).format(new Date());
  await page.goto("/settings");
  const zone = page.getByLabel("Time zone");
  await expect(zone).toHaveValue(timeZone);
  await zone.selectOption(timeZone);
  await page.getByLabel("Weekday", { exact: true }).selectOption({ label: today });
  await page.getByLabel("Hour (your time)").selectOption({ label: "00:00" });
  const digestOn = page.getByRole("switch", { name: "Send me the weekly email" });
  if ((await digestOn.getAttribute("aria-checked")) !== "true") await digestOn.click();
  await expect(digestOn).toHaveAttribute("aria-checked", "true");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
}
