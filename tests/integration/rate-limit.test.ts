import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSignInRateLimit, SIGN_IN_LIMIT } from "@/lib/auth/rate-limit";
import { requestSignIn } from "@/lib/auth/request-sign-in";
import { uniqueEmail } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe("sign-in rate limit", () => {
  it("allows five requests per email in 15 minutes, then refuses until the window passes", async () => {
    const email = uniqueEmail();
    const start = new Date("2026-11-25T10:00:00Z");
    for (let i = 0; i < SIGN_IN_LIMIT.requests; i++) {
      const at = new Date(start.getTime() + i * 60_000);
      expect(await checkSignInRateLimit(t.db, { email, ip: `10.0.0.${i}`, now: at })).toEqual({ allowed: true });
    }
    const sixth = await checkSignInRateLimit(t.db, { email, ip: "10.0.1.1", now: new Date(start.getTime() + 6 * 60_000) });
    expect(sixth).toEqual({ allowed: false, retryAfterSeconds: 9 * 60 });
    // Case does not make a new address.
    const shouted = await checkSignInRateLimit(t.db, { email: email.toUpperCase(), ip: "10.0.1.2", now: new Date(start.getTime() + 7 * 60_000) });
    expect(shouted.allowed).toBe(false);
    const later = await checkSignInRateLimit(t.db, { email, ip: "10.0.1.3", now: new Date(start.getTime() + 15 * 60_000) });
    expect(later).toEqual({ allowed: true });
  });

  it("limits one client address across many emails", async () => {
    const now = new Date("2026-11-25T11:00:00Z");
    for (let i = 0; i < SIGN_IN_LIMIT.requests; i++) {
      expect((await checkSignInRateLimit(t.db, { email: uniqueEmail(), ip: "192.0.2.7", now })).allowed).toBe(true);
    }
    expect((await checkSignInRateLimit(t.db, { email: uniqueEmail(), ip: "192.0.2.7", now })).allowed).toBe(false);
    expect((await checkSignInRateLimit(t.db, { email: uniqueEmail(), ip: "192.0.2.8", now })).allowed).toBe(true);
  });

  it("counts every one of many concurrent requests", async () => {
    const email = uniqueEmail("burst");
    const now = new Date("2026-11-25T12:00:00Z");
    const verdicts = await Promise.all(
      Array.from({ length: 12 }, (_, i) => checkSignInRateLimit(t.db, { email, ip: `198.51.100.${i}`, now })),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(SIGN_IN_LIMIT.requests);
  });
});

describe("requestSignIn", () => {
  it("says clearly when the limit is reached, and sends nothing more", async () => {
    const email = uniqueEmail("limited");
    const sent: string[] = [];
    const ctx = { ip: "203.0.113.9", sendLink: async (to: string) => void sent.push(to) };
    for (let i = 0; i < SIGN_IN_LIMIT.requests; i++) {
      expect(await requestSignIn(t.db, { email }, ctx)).toEqual({ ok: true, data: { email } });
    }
    const refused = await requestSignIn(t.db, { email }, ctx);
    expect(refused).toEqual({ ok: false, formError: expect.stringMatching(/too many sign-in links.*15 minutes/i) });
    expect(sent).toHaveLength(SIGN_IN_LIMIT.requests);
  });

  it("refuses a malformed email at the field, without counting or sending", async () => {
    const sent: string[] = [];
    const result = await requestSignIn(t.db, { email: "not-an-email" }, { ip: "203.0.113.10", sendLink: async (to) => void sent.push(to) });
    expect(result).toMatchObject({ ok: false, fieldErrors: { email: [expect.stringMatching(/valid email/i)] } });
    expect(sent).toEqual([]);
  });

  it("keeps the redirect on this site", async () => {
    const redirects: string[] = [];
    await requestSignIn(
      t.db,
      { email: uniqueEmail(), callbackUrl: "//evil.example/x" },
      { ip: "203.0.113.11", sendLink: async (_to, redirectTo) => void redirects.push(redirectTo) },
    );
    expect(redirects).toEqual(["/dashboard"]);
  });
});
