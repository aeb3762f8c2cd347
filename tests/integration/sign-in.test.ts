import { Auth } from "@auth/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions, users, verificationTokens } from "@/db/schema";
import { buildAuthConfig } from "@/lib/auth/config";
import { resendMailer } from "@/lib/email/mailer";
import { uniqueEmail } from "../factories";
import { startRecordingServer } from "../helpers/recording-server";
import { createTestDb, type TestDb } from "../helpers/test-db";

const ORIGIN = "http://localhost:3000";
let t: TestDb;
let resend: Awaited<ReturnType<typeof startRecordingServer>>;
let config: ReturnType<typeof buildAuthConfig>;

beforeAll(async () => {
  t = await createTestDb();
  resend = await startRecordingServer();
  const mailer = resendMailer({ apiKey: "re_test_key", baseUrl: resend.url, from: "Kith <kith@example.com>" });
  config = buildAuthConfig({ db: t.db, mailer, secret: "test-secret-that-is-long-enough-0123456789", trustHost: true });
});
afterAll(async () => {
  await resend?.close();
  await t?.close();
});

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

async function requestLink(email: string, callbackUrl = "/settings"): Promise<Response> {
  const csrf = await Auth(new Request(`${ORIGIN}/api/auth/csrf`), config);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return Auth(
    new Request(`${ORIGIN}/api/auth/signin/email`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf) },
      body: new URLSearchParams({ email, csrfToken, callbackUrl }),
    }),
    config,
  );
}

function linkIn(text: string): URL {
  const match = text.match(/https?:\/\/\S+\/sign-in\/confirm\?\S+/);
  if (!match) throw new Error(`no confirmation link in: ${text}`);
  return new URL(match[0].replace(/[)\]>.,]+$/, ""));
}

async function signInLink(email: string, callbackUrl = "/settings"): Promise<URL> {
  await requestLink(email, callbackUrl);
  return linkIn((resend.requests.at(-1)?.body as { text: string }).text);
}

// The confirmation page's button submits the link's parameters to Auth.js's callback.
function callbackOf(link: URL): URL {
  const callback = new URL(`${ORIGIN}/api/auth/callback/email`);
  link.searchParams.forEach((value, key) => callback.searchParams.set(key, value));
  return callback;
}

describe("sign-in by email link", () => {
  it("sends the email through the Resend SDK with a link that signs in once", async () => {
    const email = uniqueEmail("ada");
    const response = await requestLink(email);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).not.toContain("error");

    const sent = resend.requests.at(-1);
    expect(sent?.method).toBe("POST");
    expect(sent?.path).toBe("/emails");
    expect(sent?.headers.authorization).toBe("Bearer re_test_key");
    const body = sent?.body as { to: string; from: string; subject: string; html: string; text: string };
    expect(body.to).toBe(email);
    expect(body.subject).toBe("Your Kith sign-in link");
    const fromText = linkIn(body.text);
    expect(body.html).toContain(fromText.toString().replaceAll("&", "&amp;"));

    // The emailed link opens the confirmation page, never the token endpoint.
    expect(fromText.pathname).toBe("/sign-in/confirm");
    expect(fromText.searchParams.get("email")).toBe(email);
    const token = fromText.searchParams.get("token");
    expect(token).toBeTruthy();

    // The confirmation page's button submits these to Auth.js's callback.
    const callback = new URL(`${ORIGIN}/api/auth/callback/email`);
    fromText.searchParams.forEach((value, key) => callback.searchParams.set(key, value));
    const signedIn = await Auth(new Request(callback), config);
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("location")).toBe(`${ORIGIN}/settings`);
    expect(cookiesOf(signedIn)).toMatch(/authjs\.session-token=/);

    const [user] = await t.db.select().from(users).where(eq(users.email, email));
    expect(user?.emailVerified).toBeInstanceOf(Date);
    const userSessions = await t.db.select().from(sessions).where(eq(sessions.userId, user?.id ?? ""));
    expect(userSessions).toHaveLength(1);

    // Single use: the same link a second time signs nobody in.
    const again = await Auth(new Request(callback), config);
    expect(again.headers.get("location")).toContain("/sign-in/error?error=Verification");
    expect(cookiesOf(again)).not.toMatch(/authjs\.session-token=/);
  });

  it("stores the token hashed, expiring within the hour", async () => {
    const email = uniqueEmail("grace");
    const before = Date.now();
    await requestLink(email);
    const rows = await t.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, email));
    expect(rows).toHaveLength(1);
    const row = rows[0];
    const token = linkIn((resend.requests.at(-1)?.body as { text: string }).text).searchParams.get("token");
    expect(row?.token).not.toBe(token);
    const lifetime = (row?.expires.getTime() ?? 0) - before;
    expect(lifetime).toBeGreaterThan(55 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60_000 + 5_000);
  });

  it("never redirects to another origin after sign-in", async () => {
    const email = uniqueEmail("mallory");
    await requestLink(email, "https://evil.example/steal");
    const link = linkIn((resend.requests.at(-1)?.body as { text: string }).text);
    const callback = new URL(`${ORIGIN}/api/auth/callback/email`);
    link.searchParams.forEach((value, key) => callback.searchParams.set(key, value));
    const response = await Auth(new Request(callback), config);
    expect(new URL(response.headers.get("location") ?? "").origin).toBe(ORIGIN);
  });

  it("never redirects to another origin through a path that normalises to //host", async () => {
    for (const callbackUrl of ["/.//evil.example", "/%2e//evil.example", "/..//evil.example", "/./\\evil.example"]) {
      const link = await signInLink(uniqueEmail("trent"), callbackUrl);
      const response = await Auth(new Request(callbackOf(link)), config);
      expect(response.headers.get("location"), callbackUrl).toBe(`${ORIGIN}/dashboard`);
    }
  });

  it("answers GET /api/auth/session with what the app reads, never the session token", async () => {
    const email = uniqueEmail("eve");
    const signedIn = await Auth(new Request(callbackOf(await signInLink(email))), config);
    const cookie = cookiesOf(signedIn);
    const token = cookie.match(/authjs\.session-token=([^;]+)/)?.[1];
    expect(token).toBeTruthy();

    const response = await Auth(new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie } }), config);
    const text = await response.text();
    expect(text).not.toContain(token);
    const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    expect(JSON.parse(text)).toEqual({
      expires: expect.any(String),
      user: { id: user?.id, name: null, email },
    });
  });

  it("reports a provider refusal instead of pretending the email went out", async () => {
    const failing = await startRecordingServer(() => ({
      status: 422,
      body: { name: "validation_error", message: "The from address is not verified", statusCode: 422 },
    }));
    try {
      const mailer = resendMailer({ apiKey: "re_test_key", baseUrl: failing.url, from: "Kith <kith@example.com>" });
      config = buildAuthConfig({ db: t.db, mailer, secret: "test-secret-that-is-long-enough-0123456789", trustHost: true });
      const response = await requestLink(uniqueEmail("failing"));
      expect(response.headers.get("location")).toContain("error=Configuration");
      expect(failing.requests).toHaveLength(1);
    } finally {
      await failing.close();
    }
  });
});
