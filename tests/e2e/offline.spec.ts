import { expect, type Page, test } from "@playwright/test";
import { addEventWithPeople, daysAgo, expectAccessible, shot, signIn } from "./fixtures";

// A phone at an event: installable, and capturing with no network.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

async function controlledByServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
  });
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/serwist\/sw\.js$/);
}

const status = (page: Page) => page.getByRole("status").filter({ hasText: /waiting to sync|Offline/ });

test("the manifest installs Kith at the dashboard, with icons", async ({ page }) => {
  await signIn(page, "install");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  const manifest = await (await page.request.get(href ?? "")).json();
  expect(manifest).toMatchObject({ name: "Kith", start_url: "/dashboard", display: "standalone", scope: "/" });
  expect(manifest.share_target).toMatchObject({ action: "/share", method: "POST" });
  const sizes = new Set<string>();
  for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
    const response = await page.request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    sizes.add(icon.sizes);
  }
  expect(sizes).toEqual(new Set(["192x192", "512x512"]));
  await controlledByServiceWorker(page);

  // The pages kept for offline use are the person's: signing out removes them.
  await page.goto("/contacts");
  const keptPages = () => page.evaluate(async () => (await (await caches.open("kith-pages")).keys()).length);
  await expect.poll(keptPages).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Open menu" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect.poll(keptPages).toBe(0);
});

test("offline: log a touch and add two people, see them wait, and each is saved once back online", async ({ page, context }) => {
  await signIn(page, "offline");
  await addEventWithPeople(page, "Basement meetup", daysAgo(0), ["Ada Quinn, Watershed, ada@example.com"]);
  const eventUrl = page.url();
  await controlledByServiceWorker(page);

  // Open the two pages once online, as someone does before the venue.
  await page.getByRole("link", { name: "Ada Quinn" }).click();
  await expect(page.getByRole("heading", { name: "Ada Quinn", level: 1 })).toBeVisible();
  const contactUrl = page.url();
  await page.goto(eventUrl);
  await expect(page.getByRole("heading", { name: "Basement meetup", level: 1 })).toBeVisible();

  await context.setOffline(true);

  // The contact page opens as last seen; a touch waits on the device.
  await page.goto(contactUrl);
  await expect(page.getByRole("heading", { name: "Ada Quinn", level: 1 })).toBeVisible();
  await expect(status(page)).toContainText("Offline");
  await page.locator("main header").getByRole("button", { name: "Log touch" }).click();
  const dialog = page.getByRole("dialog", { name: "Log a touch" });
  await dialog.getByLabel("How").selectOption({ label: "Meeting" });
  await dialog.getByLabel("Summary").fill("Talked about the platform group");
  await dialog.getByRole("button", { name: "Log touch" }).click();
  await expect(page.getByText("Saved on this device: it syncs when you're back online.")).toBeVisible();
  await expect(status(page)).toContainText("1 waiting to sync");

  // So do two people met at the event.
  await page.goto(eventUrl);
  await expect(page.getByRole("heading", { name: "Basement meetup", level: 1 })).toBeVisible();
  await page.locator("summary", { hasText: "Paste a list" }).click();
  await page.getByLabel("One person per line").fill(["Bo Sato, Watershed, bo@example.com", "Zoë Ōtsuka"].join("\n"));
  await page.getByRole("button", { name: "Turn into rows" }).click();
  await page.getByRole("button", { name: "Save 2 people" }).click();
  await expect(page.getByText("Saved on this device: they sync when you're back online.")).toBeVisible();

  // A reload while offline: still there, in order.
  await page.reload();
  await expect(status(page)).toContainText("2 waiting to sync");
  await status(page).getByRole("button", { name: "2 waiting to sync" }).click();
  const queue = page.getByRole("dialog", { name: "Waiting on this device" });
  await expect(queue.getByRole("listitem")).toHaveText([/Touch with Ada Quinn/, /2 people met at Basement meetup/]);
  await expectAccessible(page);
  await shot(page, "50-offline-queue");
  await queue.getByRole("button", { name: "Close" }).click();
  await expect(status(page).getByRole("button", { name: "2 waiting to sync" })).toBeFocused();

  // Back online: both are sent, once.
  await context.setOffline(false);
  await expect(page.getByText("2 captures synced")).toBeVisible();
  await expect(status(page)).toBeHidden();

  // Online and offline again: nothing more is sent or saved.
  await context.setOffline(true);
  await context.setOffline(false);
  await page.goto("/contacts");
  for (const name of ["Ada Quinn", "Bo Sato", "Zoë Ōtsuka"]) await expect(page.getByRole("link", { name })).toHaveCount(1);
  await page.goto(contactUrl);
  const timeline = page.locator("section", { has: page.getByRole("heading", { name: "Timeline" }) });
  await expect(timeline.getByText("Talked about the platform group")).toHaveCount(1);
});

test.describe("without the service worker in the way of the test's own network", () => {
  // Playwright's routing sees a page's requests only while no worker handles them.
  test.use({ serviceWorkers: "block" });

  test("a touch whose answer never arrives is queued with its key, and the replay saves nothing twice", async ({ page }) => {
    await signIn(page, "lost-answer");
    await addEventWithPeople(page, "Hallway track", daysAgo(1), ["Cy Ndiaye"]);
    await page.getByRole("link", { name: "Cy Ndiaye" }).click();
    await expect(page.getByRole("heading", { name: "Cy Ndiaye", level: 1 })).toBeVisible();

    // The first time the touch is sent it reaches the server, which saves it,
    // but the answer is lost on the way back.
    let lost = false;
    await page.route("**/contacts/**", async (route) => {
      if (lost || route.request().method() !== "POST" || !route.request().postData()?.includes("Walked to the station")) {
        return route.fallback();
      }
      lost = true;
      await route.fetch();
      await route.abort("connectionreset");
    });
    await page.locator("main header").getByRole("button", { name: "Log touch" }).click();
    const dialog = page.getByRole("dialog", { name: "Log a touch" });
    await dialog.getByLabel("Summary").fill("Walked to the station");
    await dialog.getByRole("button", { name: "Log touch" }).click();
    await expect(page.getByText("Saved on this device: it syncs when you're back online.")).toBeVisible();
    expect(lost).toBe(true);

    await status(page).getByRole("button", { name: "1 waiting to sync" }).click();
    await page.getByRole("dialog", { name: "Waiting on this device" }).getByRole("button", { name: "Sync now" }).click();
    await expect(page.getByText("1 capture synced")).toBeVisible();
    await page.reload();
    const timeline = page.locator("section", { has: page.getByRole("heading", { name: "Timeline" }) });
    await expect(timeline.getByText("Walked to the station")).toHaveCount(1);
  });
});
