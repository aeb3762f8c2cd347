import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// What an attacker tries against the running production build, as a
// signed-in user of their own account.
test("absurd page numbers answer a page, never a server error", async ({ page }) => {
  await signIn(page, "pages");
  for (const list of ["/contacts", "/events", "/successes"]) {
    for (const value of ["99999999999999999999", "1e30", "-1", "0", "abc", "2.5"]) {
      const response = await page.request.get(`${list}?page=${value}`);
      expect(response.status(), `${list}?page=${value}`).toBe(200);
    }
  }
});

test("a route handler that writes refuses a request from another site", async ({ page, baseURL }) => {
  await signIn(page, "origin");
  const response = await page.request.post("/api/restore", {
    headers: { origin: "https://evil.example" },
    multipart: { file: { name: "kith.json", mimeType: "application/json", buffer: Buffer.from("{}") } },
  });
  expect(response.status()).toBe(403);
  const sameSite = await page.request.post("/api/restore", {
    headers: { origin: baseURL ?? "" },
    multipart: { file: { name: "kith.json", mimeType: "application/json", buffer: Buffer.from("{}") } },
  });
  expect(sameSite.status()).toBe(400);
});

test("a sign-in redirect never leaves Kith, however the path is spelled", async ({ page, baseURL }) => {
  await signIn(page, "redirect");
  for (const target of ["/.//evil.example", "/%2e//evil.example", "/..//evil.example", "/./\\evil.example"]) {
    const response = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
    expect(response.status(), target).toBe(307);
    const location = response.headers().location ?? "";
    expect(new URL(location, baseURL).origin, `${target} -> ${location}`).toBe(new URL(baseURL ?? "").origin);
  }
});

test("the session endpoint gives scripts no session token", async ({ page }) => {
  await signIn(page, "session");
  const session = (await (await page.request.get("/api/auth/session")).json()) as Record<string, unknown>;
  expect(Object.keys(session).sort()).toEqual(["expires", "user"]);
  expect(JSON.stringify(session)).not.toContain("sessionToken");
});

test("a server action body that is not an argument list gets 400, not a server error", async ({ page }) => {
  await signIn(page, "action-body");
  const response = await page.request.post("/dashboard", {
    headers: { "next-action": "00ab", "content-type": "text/plain;charset=UTF-8" },
    data: "nope",
  });
  expect(response.status()).toBe(400);
});
