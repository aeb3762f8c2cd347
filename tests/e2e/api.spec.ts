import { expect, type Locator, type Page, test } from "@playwright/test";
import { daysAgo, expectAccessible, shot, signIn } from "./fixtures";

const NAME = "Augusta Byron";
const SUMMARY = "Called through the API";

type ApiAnswer = { status: number; challenge: string | null; contentType: string | null; body: unknown };

// A script's request, made from the page with fetch as any client would
// make it: the token in the header, JSON in and out. The browser's session
// cookie rides along (same origin) and must count for nothing.
async function callApi(page: Page, token: string, method: string, path: string, body?: unknown): Promise<ApiAnswer> {
  return page.evaluate(
    async (call) => {
      const response = await fetch(call.path, {
        method: call.method,
        headers: {
          Authorization: `Bearer ${call.token}`,
          ...(call.body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
      });
      return {
        status: response.status,
        challenge: response.headers.get("WWW-Authenticate"),
        contentType: response.headers.get("Content-Type"),
        body: await response.json().catch(() => null),
      };
    },
    { token, method, path, body },
  );
}

const apiSection = (page: Page): Locator => page.getByRole("region", { name: "API", exact: true });

// Settings → API's form, as a person fills it; answers the token from its
// one showing in the read-only field.
async function createToken(page: Page, name: string, access: "Read only" | "Read and write"): Promise<string> {
  await page.goto("/settings");
  const section = apiSection(page);
  await section.getByLabel("What it's for").fill(name);
  await section.getByRole("radio", { name: access }).check();
  await section.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await section.getByRole("button", { name: "Create token" }).click();
  const field = section.getByLabel(`Your new token “${name}”`);
  await expect(field).toHaveValue(/^kith_/);
  await expect(field).toBeFocused();
  const token = await field.inputValue();
  await section.getByRole("button", { name: "Done" }).click();
  await expect(field).toBeHidden();
  await expect(section.getByRole("listitem").filter({ hasText: name })).toContainText(access);
  return token;
}

function logTouchBody(contactId: string, summary: string) {
  return { contactIds: [contactId], occurredOn: daysAgo(0), channel: "call", summary };
}

test("a token made in Settings logs a touch through the API until it is revoked", async ({ page }) => {
  await signIn(page, "api");
  await page.goto("/contacts/new");
  await page.getByLabel("Name").fill(NAME);
  await page.getByLabel("Company").fill("Analytical Engines");
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByRole("heading", { name: NAME, level: 1 })).toBeVisible();
  const contactPage = new URL(page.url()).pathname;

  const token = await createToken(page, "Spreadsheet sync", "Read and write");
  await expectAccessible(page);
  await shot(page, "90-api-token-created");

  // The script finds the person by name, then logs a call with them.
  const found = await callApi(page, token, "GET", `/api/v1/contacts?q=${encodeURIComponent("Byron")}`);
  expect(found.status).toBe(200);
  const matches = (found.body as { data: { id: string; name: string }[] }).data;
  expect(matches.map((contact) => contact.name)).toEqual([NAME]);
  const contactId = matches[0]?.id ?? "";
  expect(contactPage).toBe(`/contacts/${contactId}`);
  const logged = await callApi(page, token, "POST", "/api/v1/touches", logTouchBody(contactId, SUMMARY));
  expect(logged.status).toBe(201);

  await page.goto(contactPage);
  const timeline = page.locator("section", { has: page.getByRole("heading", { name: "Timeline" }) });
  await expect(timeline.getByText(SUMMARY)).toBeVisible();

  // Revoked, the same token is refused at once, with the challenge a client reads, and writes nothing.
  await page.goto("/settings");
  const section = apiSection(page);
  await section.getByRole("button", { name: "Revoke Spreadsheet sync" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Revoke “Spreadsheet sync”?" });
  await confirm.getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByText("“Spreadsheet sync” revoked")).toBeVisible();
  await expect(section.getByRole("listitem").filter({ hasText: "Spreadsheet sync" })).toContainText("Revoked");
  const refused = await callApi(page, token, "POST", "/api/v1/touches", logTouchBody(contactId, "Called after revoking"));
  expect(refused.status).toBe(401);
  expect(refused.challenge).toMatch(/^Bearer/);
  expect(refused.contentType).toBe("application/problem+json");
  expect(refused.body).toMatchObject({ status: 401, detail: "This token was revoked." });
  await page.goto(contactPage);
  await expect(timeline.getByText(SUMMARY)).toBeVisible();
  await expect(timeline.getByText("Called after revoking")).toHaveCount(0);
});

test("a read-only token reads but may not write", async ({ page }) => {
  const email = await signIn(page, "api-read");
  const token = await createToken(page, "Dashboard widget", "Read only");
  const me = await callApi(page, token, "GET", "/api/v1/me");
  expect(me.status).toBe(200);
  expect(me.body).toMatchObject({ email });
  const write = await callApi(page, token, "POST", "/api/v1/touches", logTouchBody(crypto.randomUUID(), SUMMARY));
  expect(write.status).toBe(403);
  expect(write.challenge).toContain('error="insufficient_scope"');
  const anonymous = await page.evaluate(async () => (await fetch("/api/v1/me")).status);
  expect(anonymous).toBe(401);
});

test("the API reference is reached from Settings, lists the operations and reads on a phone", async ({ page }) => {
  await signIn(page, "api-docs");
  await page.goto("/settings");
  await apiSection(page).getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  const origin = new URL(page.url()).origin;
  await expect(page.getByText(`curl -H "Authorization: Bearer kith_…" ${origin}/api/v1/me`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Whose token this is", level: 3 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "MCP, for assistants", level: 2 })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "91-api-reference");

  // The document the page links to is the one it was written from.
  const document = await page.evaluate(async () => (await fetch("/api/v1/openapi.json")).json());
  const operationIds = Object.values(document.paths as Record<string, Record<string, { operationId: string }>>).flatMap(
    (item) => Object.values(item).map((operation) => operation.operationId),
  );
  expect(operationIds).toContain("getMe");
  for (const operationId of operationIds) await expect(page.locator(`#operation-${operationId}`)).toHaveCount(1);

  // On a phone nothing reaches past the screen's edge but what is inside a table's own scrolling frame.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  await page.locator("details summary").first().click();
  const scrollers = '[role="region"][tabindex="0"]';
  const pastTheEdge = await page.evaluate(
    (selector) =>
      [...document.querySelectorAll("main *")]
        .filter((element) => element.parentElement?.closest(selector) === null)
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
        .map((element) => `${element.tagName.toLowerCase()} ${element.textContent?.slice(0, 40)}`),
    scrollers,
  );
  expect(pastTheEdge).toEqual([]);
  await expectAccessible(page);
  await shot(page, "92-api-reference-phone");
});
