import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSignInRateLimit, SIGN_IN_LIMIT, type SignInLimitPolicy } from "@/lib/auth/rate-limit";
import { requestSignIn } from "@/lib/auth/request-sign-in";
import { clientAddress } from "@/lib/http/client-address";
import { uniqueEmail } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

const production: SignInLimitPolicy = { emailsPerHour: 500, isLoopbackExempt: false };
const development: SignInLimitPolicy = { emailsPerHour: 500, isLoopbackExempt: true };

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

// Each test counts in an hour of its own: the hourly ceiling is one counter for everyone.
function hourOf(test: number): Date {
  return new Date(Date.UTC(2026, 10, 25, test));
}

function minutesAfter(start: Date, minutes: number): Date {
  return new Date(start.getTime() + minutes * 60_000);
}

describe("sign-in rate limit", () => {
  it("allows five requests per mailbox in 15 minutes, then refuses until the window passes", async () => {
    const email = uniqueEmail();
    const start = hourOf(1);
    for (let i = 0; i < SIGN_IN_LIMIT.requests; i++) {
      const verdict = await checkSignInRateLimit(t.db, { email, ip: `10.0.0.${i}`, now: minutesAfter(start, i) }, production);
      expect(verdict).toEqual({ allowed: true });
    }
    const sixth = await checkSignInRateLimit(t.db, { email, ip: "10.0.1.1", now: minutesAfter(start, 6) }, production);
    expect(sixth).toEqual({ allowed: false, retryAfterSeconds: 9 * 60, scope: "requester" });
    // Case does not make a new address.
    const shouted = await checkSignInRateLimit(t.db, { email: email.toUpperCase(), ip: "10.0.1.2", now: minutesAfter(start, 7) }, production);
    expect(shouted.allowed).toBe(false);
    const later = await checkSignInRateLimit(t.db, { email, ip: "10.0.1.3", now: minutesAfter(start, 15) }, production);
    expect(later).toEqual({ allowed: true });
  });

  it("gives +tags and Gmail's dots no budget of their own: one inbox, one budget", async () => {
    const now = hourOf(2);
    const inbox = `victim${Date.now()}`;
    const spellings = [
      `${inbox}@gmail.com`,
      `${inbox}+1@gmail.com`,
      `${inbox.slice(0, 3)}.${inbox.slice(3)}@gmail.com`,
      `${inbox}+kith@googlemail.com`,
      `${inbox.toUpperCase()}+2@GMAIL.COM`,
      `${inbox}+3@gmail.com`,
    ];
    const verdicts = [];
    for (const [i, email] of spellings.entries()) {
      verdicts.push(await checkSignInRateLimit(t.db, { email, ip: `10.1.0.${i}`, now }, production));
    }
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, true, true, false]);
    const elsewhere = await checkSignInRateLimit(t.db, { email: `${inbox}+9@example.com`, ip: "10.1.1.1", now }, production);
    expect(elsewhere.allowed).toBe(true);
  });

  it("limits one client address across many mailboxes, and an IPv6 /64 as one address", async () => {
    const now = hourOf(3);
    for (let i = 0; i < SIGN_IN_LIMIT.requests; i++) {
      expect((await checkSignInRateLimit(t.db, { email: uniqueEmail(), ip: "192.0.2.7", now }, production)).allowed).toBe(true);
    }
    expect((await checkSignInRateLimit(t.db, { email: uniqueEmail(), ip: "192.0.2.7", now }, production)).allowed).toBe(false);
    expect((await checkSignInRateLimit(t.db, { email: uniqueEmail(), ip: "192.0.2.8", now }, production)).allowed).toBe(true);

    const rotating = Array.from({ length: 6 }, (_, i) => `2001:db8:7:7:${i}::${i + 1}`);
    const verdicts = [];
    for (const ip of rotating) verdicts.push(await checkSignInRateLimit(t.db, { email: uniqueEmail(), ip, now }, production));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, true, true, false]);
  });

  it("does not reset for a client that writes a new X-Forwarded-For on every request", async () => {
    const now = hourOf(4);
    const socketHeader = "x-kith-socket-test";
    const verdicts = [];
    for (let i = 0; i < 6; i++) {
      const headers = new Headers({ "x-forwarded-for": `10.2.${i}.1`, [socketHeader]: "198.51.100.20" });
      const ip = clientAddress(headers, { trustedProxyHops: 0, socketHeader });
      verdicts.push(await checkSignInRateLimit(t.db, { email: uniqueEmail(), ip, now }, production));
    }
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, true, true, false]);
  });

  it("puts no one in a shared budget when the address is unknown; the mailbox still counts", async () => {
    const now = hourOf(5);
    for (let i = 0; i < 8; i++) {
      expect((await checkSignInRateLimit(t.db, { email: uniqueEmail(), ip: "unknown", now }, production)).allowed).toBe(true);
    }
    const email = uniqueEmail();
    const verdicts = [];
    for (let i = 0; i < 6; i++) verdicts.push(await checkSignInRateLimit(t.db, { email, ip: "unknown", now }, production));
    expect(verdicts.at(-1)?.allowed).toBe(false);
  });

  it("never turns away a person on their own machine outside production", async () => {
    const email = uniqueEmail("laptop");
    const start = hourOf(6);
    for (let i = 0; i < 20; i++) {
      for (const ip of ["127.0.0.1", "::1"]) {
        const verdict = await checkSignInRateLimit(t.db, { email, ip, now: minutesAfter(start, i / 2) }, development);
        expect(verdict, `request ${i + 1} from ${ip}`).toEqual({ allowed: true });
      }
    }
    // Another machine reaching a development server is limited as in production.
    const visitor = uniqueEmail("visitor");
    const verdicts = [];
    for (let i = 0; i < 6; i++) verdicts.push(await checkSignInRateLimit(t.db, { email: visitor, ip: "192.168.1.20", now: start }, development));
    expect(verdicts.at(-1)?.allowed).toBe(false);
  });

  it("limits loopback in production: the sixth link to one mailbox is refused", async () => {
    const email = uniqueEmail("prod");
    const now = hourOf(7);
    const verdicts = [];
    for (let i = 0; i < 6; i++) verdicts.push(await checkSignInRateLimit(t.db, { email, ip: "127.0.0.1", now }, production));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, true, true, false]);
  });

  it("sends no more than the hourly ceiling to everyone together, and refused requests do not use it up", async () => {
    const start = hourOf(8);
    // Five sent, then three refused by the mailbox limit: only the five count.
    const flooded = uniqueEmail("flooded");
    for (let i = 0; i < 8; i++) await checkSignInRateLimit(t.db, { email: flooded, ip: `10.3.0.${i}`, now: start }, production);

    const policy: SignInLimitPolicy = { emailsPerHour: 7, isLoopbackExempt: false };
    const verdicts = [];
    for (let i = 0; i < 4; i++) {
      verdicts.push(await checkSignInRateLimit(t.db, { email: uniqueEmail(), ip: `10.3.1.${i}`, now: minutesAfter(start, 10) }, policy));
    }
    expect(verdicts).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: false, retryAfterSeconds: 50 * 60, scope: "everyone" },
      { allowed: false, retryAfterSeconds: 50 * 60, scope: "everyone" },
    ]);
    const nextHour = await checkSignInRateLimit(t.db, { email: uniqueEmail(), ip: "10.3.2.1", now: minutesAfter(start, 60) }, policy);
    expect(nextHour).toEqual({ allowed: true });
  });

  it("counts every one of many concurrent requests", async () => {
    const email = uniqueEmail("burst");
    const now = hourOf(9);
    const verdicts = await Promise.all(
      Array.from({ length: 12 }, (_, i) => checkSignInRateLimit(t.db, { email, ip: `198.51.100.${i}`, now }, production)),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(SIGN_IN_LIMIT.requests);
  });
});

describe("requestSignIn", () => {
  it("says clearly when the limit is reached, and sends nothing more", async () => {
    const email = uniqueEmail("limited");
    const sent: string[] = [];
    const ctx = { ip: "203.0.113.9", now: hourOf(10), policy: production, sendLink: async (to: string) => void sent.push(to) };
    for (let i = 0; i < SIGN_IN_LIMIT.requests; i++) {
      expect(await requestSignIn(t.db, { email }, ctx)).toEqual({ ok: true, data: { email } });
    }
    const refused = await requestSignIn(t.db, { email }, ctx);
    expect(refused).toEqual({ ok: false, formError: expect.stringMatching(/too many sign-in links.*15 minutes/i) });
    expect(sent).toHaveLength(SIGN_IN_LIMIT.requests);
  });

  it("sends to the address as typed, though the limit counts the inbox", async () => {
    const sent: string[] = [];
    const email = `${uniqueEmail("typed").replace("@", "+kith@")}`;
    const result = await requestSignIn(t.db, { email }, { ip: "203.0.113.12", now: hourOf(11), policy: production, sendLink: async (to) => void sent.push(to) });
    expect(result).toEqual({ ok: true, data: { email } });
    expect(sent).toEqual([email]);
  });

  it("says when the hourly ceiling for everyone is reached", async () => {
    const ctx = { ip: "203.0.113.13", now: hourOf(12), policy: { emailsPerHour: 1, isLoopbackExempt: false }, sendLink: async () => {} };
    expect((await requestSignIn(t.db, { email: uniqueEmail() }, ctx)).ok).toBe(true);
    const refused = await requestSignIn(t.db, { email: uniqueEmail() }, ctx);
    expect(refused).toEqual({ ok: false, formError: expect.stringMatching(/as many sign-in emails as it may this hour.*60 minutes/i) });
  });

  it("refuses a malformed email at the field, without counting or sending", async () => {
    const sent: string[] = [];
    const result = await requestSignIn(t.db, { email: "not-an-email" }, { ip: "203.0.113.10", sendLink: async (to) => void sent.push(to) });
    expect(result).toMatchObject({ ok: false, fieldErrors: { email: [expect.stringMatching(/valid email/i)] } });
    expect(sent).toEqual([]);
  });

  it("keeps the redirect on this site", async () => {
    const redirects: string[] = [];
    for (const callbackUrl of ["//evil.example/x", "/.//evil.example", "/%2e//evil.example"]) {
      await requestSignIn(
        t.db,
        { email: uniqueEmail(), callbackUrl },
        { ip: "203.0.113.11", sendLink: async (_to, redirectTo) => void redirects.push(redirectTo) },
      );
    }
    expect(redirects).toEqual(["/dashboard", "/dashboard", "/dashboard"]);
  });
});
