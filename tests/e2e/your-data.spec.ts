import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { addEventWithPeople, daysAgo, expectAccessible, shot, signIn } from "./fixtures";

test("a user downloads their data, restores it into a new account, then deletes that account", async ({ page }) => {
  const email = await signIn(page, "data");
  await addEventWithPeople(page, "Founders breakfast", daysAgo(10), ["Ada Quinn, Acme", "=HYPERLINK(\"x\"), Evil"]);

  await page.goto("/settings");
  const yourData = page.getByRole("region", { name: "Your data" });
  await expect(yourData).toBeVisible();
  await expectAccessible(page);

  const downloadOf = async (label: string) => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      yourData.getByRole("link", { name: `Download ${label}` }).click(),
    ]);
    return readFileSync((await download.path()) ?? "");
  };
  const json = await downloadOf("Everything (JSON)");
  const exported = JSON.parse(json.toString("utf8")) as { format: string; contacts: { name: string }[] };
  expect(exported.format).toBe("kith-export");
  expect(exported.contacts.map((contact) => contact.name).sort()).toEqual(["=HYPERLINK(\"x\")", "Ada Quinn"]);
  const csv = await downloadOf("Contacts (CSV)");
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString("utf8")).toContain("'=HYPERLINK");
  expect((await downloadOf("Contacts (vCard)")).toString("utf8")).toContain("FN:Ada Quinn");

  // A second account restores the file.
  await page.getByRole("button", { name: "Sign out" }).click();
  const second = await signIn(page, "restored");
  await page.goto("/settings");
  await page.getByLabel("Kith export file (.json)").setInputFiles({ name: "kith-export.json", mimeType: "application/json", buffer: json });
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText(/Restored 2 contacts/)).toBeVisible();
  await page.goto("/contacts");
  await expect(page.getByRole("link", { name: "Ada Quinn", exact: true })).toBeVisible();

  // Leaving: a wrong email deletes nothing; the right one ends everything.
  await page.goto("/settings");
  const confirm = page.getByLabel("Type your email to confirm");
  await confirm.fill(email);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("That is not the email you sign in with.")).toBeVisible();
  await shot(page, "40-delete-account");
  await confirm.fill(second);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});
