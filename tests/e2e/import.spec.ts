import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, shot, signIn } from "./fixtures";

const HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";

function connections(priyaCompany: string, priyaPosition: string): Buffer {
  return Buffer.from(
    [
      "Notes:",
      '"When exporting your connection data, you may notice that some of the email addresses are missing."',
      "",
      HEADER,
      "Zoë,Müller,https://www.linkedin.com/in/zoe-mueller,,Siemens,Product Manager,22 Dec 2025",
      'José,García,https://www.linkedin.com/in/jose-garcia,jose@example.es,"Telefónica, S.A.",Data Engineer,03 Nov 2025',
      `Priya,Raman,https://www.linkedin.com/in/priya-raman,,${priyaCompany},${priyaPosition},01 Sep 2024`,
      ",,https://www.linkedin.com/in/ACoAAB12345,,,,02 Feb 2024",
      "",
    ].join("\r\n"),
  );
}

// The contact page's card with the cadence and the next due date.
function keepingInTouch(page: Page) {
  return page.locator("[data-slot=card]").filter({ has: page.getByRole("heading", { name: "Keeping in touch" }) });
}

async function upload(page: Page, file: Buffer) {
  await page.goto("/import");
  await page.getByLabel("Choose a file to import").setInputFiles({ name: "Connections.csv", mimeType: "text/csv", buffer: file });
  await expect(page).toHaveURL(/\/import\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Preview: nothing has changed yet" })).toBeVisible();
}

test("a LinkedIn export is previewed, imported, and a re-import spots a new job to congratulate", async ({ page }) => {
  await signIn(page, "import");
  await page.goto("/contacts");
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import contacts", level: 1 })).toBeVisible();

  await upload(page, connections("Stripe", "Engineering Manager"));
  await expect(page.getByTestId("count-create")).toHaveText("3");
  await expect(page.getByTestId("count-reject")).toHaveText("1");
  await expect(page.getByText("Every row is accounted for: 4 of 4 rows.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Reject (1)" }).click();
  await expect(page).toHaveURL(/show=reject/);
  await expect(page.getByTestId("import-row")).toContainText("Row 4");
  await expect(page.getByTestId("import-row")).toContainText(/no name/i);
  await shot(page, "30-import-preview");

  // How often to keep in touch with the three new people: a cadence of their
  // own needs its days, and nothing is imported until it has them.
  const keepInTouch = page.getByRole("group", { name: "How often to keep in touch with the new contacts" });
  await expect(keepInTouch.getByRole("radio", { name: "Your default cadence (every 30 days)" })).toBeChecked();
  await keepInTouch.getByRole("radio", { name: "Another cadence" }).check();
  await page.getByRole("button", { name: "Confirm import" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Enter a whole number of days from 1 to 3650." })).toBeVisible();
  await expect(page.getByLabel("Reconnect every … days")).toBeFocused();
  await expect(page.getByRole("heading", { name: "Preview: nothing has changed yet" })).toBeVisible();
  await expectAccessible(page);
  // The arrow keys move through the choices.
  await keepInTouch.getByRole("radio", { name: "Your default cadence (every 30 days)" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(keepInTouch.getByRole("radio", { name: "Inner circle (every 14 days)" })).toBeChecked();
  await expect(page.getByText("Some fields need your attention.")).toBeHidden();
  await shot(page, "30-import-keep-in-touch");

  await page.getByRole("button", { name: "Confirm import" }).click();
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible();
  await expect(page.getByTestId("keep-in-touch")).toHaveText(
    "New contacts: Inner circle, every 14 days; their first due dates are spread over the 14 days after the import.",
  );
  await page.getByRole("link", { name: "See your contacts" }).click();
  for (const name of ["José García", "Priya Raman", "Zoë Müller"]) {
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  }
  // Spread over the 14 days in file order, not all due on the 14th: Zoë (row 1 of 3) on the 5th.
  await page.getByRole("link", { name: "Zoë Müller", exact: true }).click();
  const keeping = keepingInTouch(page);
  await expect(page.getByText("Inner circle", { exact: true })).toBeVisible();
  await expect(keeping).toContainText("Every 14 days");
  await expect(keeping).toContainText("Due in 5 days");

  // Priya moved to Adyen: the same export again shows it side by side.
  await upload(page, connections("Adyen", "Director of Engineering"));
  await expect(page.getByTestId("count-merge")).toHaveText("1");
  await expect(page.getByTestId("count-skip")).toHaveText("2");
  await expect(page.getByTestId("count-create")).toHaveText("0");
  await page.getByRole("link", { name: "Merge (1)" }).click();
  await expect(page).toHaveURL(/show=merge/);
  const row = page.getByTestId("import-row");
  await expect(row).toContainText("Engineering Manager at Stripe");
  await expect(row).toContainText("New role: Director of Engineering at Adyen");
  await expectAccessible(page);
  await shot(page, "31-import-new-role");
  await page.getByRole("button", { name: "Confirm import" }).click();
  await expect(page.getByText(/1 contact has a new role/)).toBeVisible();

  await page.goto("/dashboard");
  const congratulate = page.getByRole("region", { name: "Congratulate" });
  await expect(congratulate).toContainText("Priya Raman");
  await expect(congratulate).toContainText("Now Director of Engineering at Adyen (was Engineering Manager at Stripe)");
});

test("any other CSV is read with the columns the user chooses", async ({ page }) => {
  await signIn(page, "import-csv");
  const csv = [
    "Full name,Work e-mail,Employer,Notes,Ignore me",
    "Grace Hopper,grace@navy.example,US Navy,Met at the COBOL summit,x",
    '"Lovelace, Ada",ada@engines.example,Analytical Engines,"Loves maths, poetry",y',
    "",
  ].join("\n");
  await page.goto("/import");
  await page.getByLabel("Choose a file to import").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByRole("heading", { name: "What does each column hold?" })).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue("name");
  await expect(page.getByLabel("Work e-mail")).toHaveValue("email");
  await expect(page.getByLabel("Employer")).toHaveValue("company");
  await expect(page.getByLabel("Ignore me")).toHaveValue("keep");
  await page.getByLabel("Ignore me").selectOption("ignore");
  await expectAccessible(page);
  await shot(page, "32-import-mapping");

  // Without a name column the file cannot be read: the form says so.
  await page.getByLabel("Full name").selectOption("keep");
  await page.getByRole("button", { name: "Read the file with these columns" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose the column with the name" })).toBeVisible();
  await page.getByLabel("Full name").selectOption("name");
  await page.getByRole("button", { name: "Read the file with these columns" }).click();

  await expect(page.getByRole("heading", { name: "Preview: nothing has changed yet" })).toBeVisible();
  await expect(page.getByTestId("count-create")).toHaveText("2");
  await page.getByLabel("And to a new circle (optional)").fill("COBOL summit");
  await page.getByRole("radio", { name: "No reminders" }).check();
  await page.getByRole("button", { name: "Confirm import" }).click();
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible();
  await expect(page.getByTestId("keep-in-touch")).toContainText("New contacts: No reminders");
  await page.goto("/contacts");
  await expect(page.getByRole("link", { name: "Lovelace, Ada", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Grace Hopper", exact: true })).toBeVisible();

  // Never due, until reminders are turned on for someone on their Edit page.
  await page.getByRole("link", { name: "Grace Hopper", exact: true }).click();
  const keeping = keepingInTouch(page);
  await expect(keeping).toContainText("No reminders");
  await page.getByRole("link", { name: "Edit" }).click();
  const remind = page.getByRole("checkbox", { name: "Remind me to keep in touch" });
  await expect(remind).not.toBeChecked();
  await remind.check();
  await page.getByRole("button", { name: "Save contact" }).click();
  await expect(page.getByRole("heading", { name: "Grace Hopper", level: 1 })).toBeVisible();
  await expect(keeping).toContainText("Due in 30 days");
});
