import { expect, test } from "@playwright/test";
import { addEventWithPeople, daysAgo, expectAccessible, signIn } from "./fixtures";

// The Contacts list a page of 25 at a time, by cursor: Next and Previous by
// keyboard, the page number shown and announced, the order kept, and a
// cursor edited by hand opening the first page.
test("pages through the contacts forwards and back, keeping the order", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "pages");
  const people = Array.from({ length: 27 }, (_, index) => `Pager ${String(index + 1).padStart(2, "0")}`);
  await addEventWithPeople(page, "Paging meetup", daysAgo(3), people);

  await page.goto("/contacts?sort=last_touch");
  const pages = page.getByRole("navigation", { name: "Pages" });
  const rows = page.getByRole("link", { name: /^Pager \d\d$/ });
  await expect(rows).toHaveCount(25);
  await expect(page.locator("#contacts-status")).toHaveText("25 contacts on page 1, more on the next page.");
  await expect(pages.locator('[aria-current="page"]')).toHaveText("Page 1");
  await expect(pages.getByRole("link", { name: "Previous" })).toHaveCount(0);
  const firstPage = await rows.allTextContents();

  // By keyboard, as a person without a mouse reaches it.
  const next = pages.getByRole("link", { name: "Next" });
  await expect(next).toHaveAttribute("rel", "next");
  await next.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/contacts\?sort=last_touch&after=[\w-]+&page=2$/);
  await expect(rows).toHaveCount(2);
  await expect(page.locator("#contacts-status")).toHaveText("2 contacts on page 2.");
  await expect(pages.locator('[aria-current="page"]')).toHaveText("Page 2");
  await expect(pages.getByRole("link", { name: "Next" })).toHaveCount(0);
  const secondPage = await rows.allTextContents();
  expect([...firstPage, ...secondPage].sort()).toEqual(people);
  await expectAccessible(page);

  await pages.getByRole("link", { name: "Previous" }).click();
  await expect(page).toHaveURL(/\/contacts\?sort=last_touch&before=[\w-]+$/);
  await expect(pages.locator('[aria-current="page"]')).toHaveText("Page 1");
  expect(await rows.allTextContents()).toEqual(firstPage);

  // A cursor edited by hand, or a page number alone, is the first page.
  for (const search of ["after=not-a-cursor&page=3", "before=eyJ4IjoxfQ&page=9", "page=4"]) {
    const response = await page.goto(`/contacts?sort=last_touch&${search}`);
    expect(response?.status(), search).toBe(200);
    await expect(pages.locator('[aria-current="page"]'), search).toHaveText("Page 1");
    expect(await rows.allTextContents(), search).toEqual(firstPage);
  }
});
