import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getValueStreak, listReconnectNow, listValueByWeek } from "@/db/queries/dashboard";
import { insertSuccess, listWaitingSuccesses } from "@/db/queries/successes";
import { insertTouch } from "@/db/queries/touches-write";
import { digestDeliveries, successes, users } from "@/db/schema";
import { composeDigests, DIGEST_CONGRATULATE_LIMIT, DIGEST_RECONNECT_LIMIT } from "@/lib/digest/compose";
import { loadDigestLink } from "@/lib/digest/link-actions";
import { deriveDigestLinkKey, verifyDigestToken } from "@/lib/digest/links";
import { runScheduledDigests } from "@/lib/digest/scheduler";
import { resendMailer } from "@/lib/email/mailer";
import { explainHealth } from "@/lib/health/model";
import { occurredAtFromDate } from "@/lib/domain/touch-dates";
import { createContact, createUser, createWin } from "../factories";
import { startRecordingServer } from "../helpers/recording-server";
import { createTestDb, type TestDb } from "../helpers/test-db";

// Wednesday 25 November 2026, 10:00 UTC: week 48, due since Monday 08:00.
const NOW = new Date("2026-11-25T10:00:00Z");
const APP = "https://kith.example";
const KEY = deriveDigestLinkKey("a test secret that signs digest links");
const CREATED = new Date("2026-01-01T00:00:00Z");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

type SentEmail = { to: string; subject: string; html: string; text: string; headers: Record<string, string> };

async function touch(
  userId: string,
  contactId: string,
  day: string,
  summary: string,
  value: { valueKind: "advice"; valueDirection: "given" | "received" } | object = {},
) {
  await t.db.transaction((tx) =>
    insertTouch(tx, {
      userId,
      touch: { occurredAt: occurredAtFromDate(day), channel: "call", summary, contactIds: [contactId], ...value },
    }),
  );
}

// A user with two overdue contacts (one far more), one not due, one snoozed,
// a success congratulation-worthy since the last digest and an older one.
async function network(name: string) {
  const user = await createUser(t.db, { name, timeZone: "UTC", digestWeekday: 1, digestHour: 8, defaultCadenceDays: 30 });
  const make = (contactName: string, values: { snoozedUntil?: string } = {}) =>
    createContact(t.db, { userId: user.id, name: `${contactName} ${name}`, createdAt: CREATED, ...values });
  const [longAgo, lately, recent, snoozed] = await Promise.all([
    make("Ada"),
    make("Bea"),
    make("Cy"),
    make("Dee", { snoozedUntil: "2026-12-31" }),
  ]);
  await touch(user.id, longAgo.id, "2026-05-01", "Coffee at the conference");
  await touch(user.id, lately.id, "2026-09-01", "Call about the new role");
  await touch(user.id, recent.id, "2026-11-20", "Lunch");
  await touch(user.id, snoozed.id, "2026-04-01", "Dinner");
  const older = await t.db.transaction((tx) =>
    insertSuccess(tx, {
      userId: user.id,
      contactId: lately.id,
      success: { kind: "promotion", title: "Promoted to director", occurredOn: "2026-11-01", url: null },
    }),
  );
  const newer = await t.db.transaction((tx) =>
    insertSuccess(tx, {
      userId: user.id,
      contactId: recent.id,
      success: { kind: "launch", title: "Launched her book", occurredOn: "2026-11-24", url: null },
    }),
  );
  if (!older || !newer) throw new Error("successes not written");
  // The last digest went out a week ago; the older success was recorded before it.
  const lastWeek = new Date(NOW.getTime() - 7 * 86_400_000);
  await t.db.insert(digestDeliveries).values({ userId: user.id, period: "2026-W47", status: "sent", sentAt: lastWeek });
  await t.db.update(successes).set({ createdAt: new Date(lastWeek.getTime() - 86_400_000) }).where(eq(successes.id, older.id));
  return { user, longAgo, lately, recent, snoozed, older, newer };
}

// `runners` passes at once, as several schedulers (or a cron and the
// in-process ticker) would start them, all against one fake Resend.
async function sendPass(runners = 1) {
  const server = await startRecordingServer((request) => ({
    status: 200,
    body: { data: (request.body as unknown[]).map((_, index) => ({ id: `re_${index}` })) },
  }));
  try {
    const mailer = resendMailer({ apiKey: "re_test", baseUrl: server.url, from: "Kith <digest@kith.example>" });
    const run = () => runScheduledDigests(t.db, { now: NOW, mailer, links: { appUrl: APP, key: KEY } });
    const [summary] = await Promise.all(Array.from({ length: runners }, run));
    return { summary, emails: server.requests.flatMap((request) => request.body as SentEmail[]) };
  } finally {
    await server.close();
  }
}

function tokenIn(url: string) {
  const token = new URL(url).searchParams.get("t") ?? "";
  const result = verifyDigestToken(token, KEY, NOW);
  if (!result.ok) throw new Error(`a link did not verify: ${result.reason}`);
  return result.payload;
}

function linksIn(html: string, path: string): string[] {
  return [...html.matchAll(/href="([^"]+)"/g)]
    .map((match) => (match[1] ?? "").replaceAll("&amp;", "&"))
    .filter((href) => href.startsWith(`${APP}${path}`));
}

describe("the weekly digest's content", () => {
  it("names the right people in the right order, with signed links and one-click unsubscribe", async () => {
    const mine = await network("Mine");
    const theirs = await network("Theirs");
    const { emails } = await sendPass();
    const email = emails.find((sent) => sent.to === mine.user.email);
    if (!email) throw new Error("no digest for the user");

    expect(email.subject).toBe("2 people to reconnect with, 2 to congratulate");
    for (const body of [email.html, email.text]) {
      const ada = body.indexOf(mine.longAgo.name);
      const bea = body.indexOf(mine.lately.name);
      expect(ada).toBeGreaterThan(-1);
      expect(bea).toBeGreaterThan(ada);
      expect(body).not.toContain(mine.snoozed.name);
      expect(body).toContain("Launched her book");
      expect(body).toContain("Promoted to director");
      expect(body).toContain("Coffee at the conference");
      for (const other of [theirs.longAgo.name, theirs.lately.name, "Theirs"]) expect(body).not.toContain(other);
    }
    // Reconnect lists only the overdue; Cy appears for her success alone.
    expect(linksIn(email.html, "/digest/log").map((url) => tokenIn(url).c)).toEqual([mine.longAgo.id, mine.lately.id]);
    expect(linksIn(email.html, "/digest/snooze").map((url) => tokenIn(url))).toMatchObject([
      { a: "snooze", u: mine.user.id, c: mine.longAgo.id, p: "2026-W48" },
      { a: "snooze", u: mine.user.id, c: mine.lately.id, p: "2026-W48" },
    ]);
    expect(linksIn(email.html, "/digest/congratulate").map((url) => tokenIn(url).s)).toEqual([mine.newer.id, mine.older.id]);
    expect(email.html.indexOf("Launched her book")).toBeLessThan(email.html.indexOf("Promoted to director"));

    const oneClick = /^<(.+)>$/.exec(email.headers["List-Unsubscribe"] ?? "")?.[1] ?? "";
    expect(oneClick.startsWith(`${APP}/api/unsubscribe?t=`)).toBe(true);
    expect(tokenIn(oneClick)).toMatchObject({ a: "unsubscribe", u: mine.user.id });
    expect(email.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(linksIn(email.html, "/unsubscribe").map((url) => tokenIn(url).a)).toEqual(["unsubscribe"]);
  });

  it("composes many users in one go, each with the numbers their own dashboard shows", async () => {
    const people = await Promise.all(["Uno", "Dos", "Tres"].map(network));
    const [uno, dos] = people;
    if (!uno || !dos) throw new Error("no network");
    // Uno gave value in weeks 46, 47 and this week 48 (a streak, and last
    // week's numbers); Dos received some last week. Both had lunch on the 20th.
    for (const day of ["2026-11-10", "2026-11-17", "2026-11-18", "2026-11-24"]) {
      await touch(uno.user.id, uno.recent.id, day, "Advice", { valueKind: "advice", valueDirection: "given" });
    }
    await touch(dos.user.id, dos.lately.id, "2026-11-19", "Got advice", { valueKind: "advice", valueDirection: "received" });
    const claims = people.map(({ user }) => ({
      id: randomUUID(),
      userId: user.id,
      email: user.email,
      name: null,
      period: "2026-W48",
      attempts: 0,
    }));

    const digests = await composeDigests(t.db, claims, { now: NOW, appUrl: APP, key: KEY });

    expect(digests.map((digest) => digest?.to)).toEqual(people.map(({ user }) => user.email));
    for (const [index, { user }] of people.entries()) {
      const content = digests[index]?.content;
      const reconnect = await listReconnectNow(t.db, { userId: user.id, now: NOW, limit: DIGEST_RECONNECT_LIMIT });
      const waiting = await listWaitingSuccesses(t.db, { userId: user.id, limit: DIGEST_CONGRATULATE_LIMIT });
      const [lastWeek] = await listValueByWeek(t.db, { userId: user.id, now: NOW, timeZone: "UTC", weeks: 2 });
      expect(content?.reconnect.map(({ id, score, explanation }) => ({ id, score, explanation }))).toEqual(
        reconnect.contacts.map(({ id, health }) => ({ id, score: health.score, explanation: explainHealth(health) })),
      );
      expect(content?.reconnectTotal).toBe(reconnect.total);
      expect(content?.congratulate.map((success) => success.id)).toEqual(waiting.items.map((success) => success.id));
      expect(content?.streak).toEqual(await getValueStreak(t.db, { userId: user.id, now: NOW, timeZone: "UTC" }));
      expect(content?.lastWeek).toMatchObject({ given: lastWeek?.given, received: lastWeek?.received });
    }
    expect(digests[0]?.content).toMatchObject({
      streak: { weeks: 3, includesThisWeek: true },
      lastWeek: { touches: 3, given: 2, received: 0 },
    });
    expect(digests[1]?.content.lastWeek).toEqual({ touches: 2, given: 0, received: 1 });
    // The same users one at a time say the same.
    for (const [index, claim] of claims.entries()) {
      const [alone] = await composeDigests(t.db, [claim], { now: NOW, appUrl: APP, key: KEY });
      expect(alone).toEqual(digests[index]);
    }
  });

  it("sends nothing to a user with nothing to say and the journal's prompt off, and records the week as skipped", async () => {
    const quiet = await createUser(t.db, { timeZone: "UTC", digestWeekday: 1, digestHour: 8, journalPromptEnabled: false });
    const contact = await createContact(t.db, { userId: quiet.id, createdAt: CREATED });
    await touch(quiet.id, contact.id, "2026-11-24", "Catch-up");
    const { emails } = await sendPass();
    expect(emails.some((sent) => sent.to === quiet.email)).toBe(false);
    const [row] = await t.db.select().from(digestDeliveries).where(eq(digestDeliveries.userId, quiet.id));
    expect(row).toMatchObject({ period: "2026-W48", status: "skipped" });
  });
});

describe("the weekly digest's journal section", () => {
  const recordWinLinks = (html: string) => linksIn(html, "/digest/record-win");

  it("asks what went well, lists last week's wins and links to the new-win form with a signed link", async () => {
    const mine = await network("Journal");
    const other = await createUser(t.db, { timeZone: "UTC", digestWeekday: 1, digestHour: 8 });
    // Week 47 is 16–22 November; the 15th and the 23rd are the weeks around it.
    await createWin(t.db, { userId: mine.user.id, occurredOn: "2026-11-19", title: "Ran the incident review" });
    await createWin(t.db, { userId: mine.user.id, occurredOn: "2026-11-16", title: "Cut the build to 12 minutes" });
    await createWin(t.db, { userId: mine.user.id, occurredOn: "2026-11-22", title: "Mentored the new hire" });
    await createWin(t.db, { userId: mine.user.id, occurredOn: "2026-11-15", title: "Too early to count" });
    await createWin(t.db, { userId: mine.user.id, occurredOn: "2026-11-23", title: "This week already" });
    await createWin(t.db, { userId: other.id, occurredOn: "2026-11-18", title: "Someone else's win" });
    const { emails } = await sendPass();
    const email = emails.find((sent) => sent.to === mine.user.email);
    if (!email) throw new Error("no digest for the user");

    const titles = ["Cut the build to 12 minutes", "Ran the incident review", "Mentored the new hire"];
    for (const body of [email.html, email.text]) {
      expect(body).toMatch(/what went well this week\?/i);
      expect(body).toContain("Last week you recorded 3 wins:");
      const at = titles.map((title) => body.indexOf(title));
      expect(at.every((index) => index > -1)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      for (const absent of ["Too early to count", "This week already", "Someone else's win"]) expect(body).not.toContain(absent);
    }
    const [link] = recordWinLinks(email.html);
    if (!link) throw new Error("no record-win link");
    expect(email.text).toContain(`Record a win ${link}`);
    expect(tokenIn(link)).toMatchObject({ a: "record-win", u: mine.user.id, p: "2026-W48" });

    // The link opens the new-win form for its user, and for nobody else.
    const token = new URL(link).searchParams.get("t") ?? "";
    const open = (userId: string, value = token) =>
      loadDigestLink(t.db, { userId, action: "record-win", token: value }, { key: KEY, now: NOW });
    expect(await open(mine.user.id)).toEqual({ status: "ready", action: "record-win", redirectTo: "/journal/new" });
    expect(await open(other.id)).toEqual({ status: "other-account" });
    const [body, signature] = token.split(".") as [string, string];
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, "base64url").toString("utf8")), u: other.id }),
    ).toString("base64url");
    expect(await open(other.id, `${forged}.${signature}`)).toEqual({ status: "invalid" });
    expect(await open(mine.user.id, `${body}.${signature.slice(0, -2)}xx`)).toEqual({ status: "invalid" });
  });

  it("leaves the section out when the prompt is turned off", async () => {
    const mine = await network("Promptless");
    await t.db.update(users).set({ journalPromptEnabled: false }).where(eq(users.id, mine.user.id));
    await createWin(t.db, { userId: mine.user.id, occurredOn: "2026-11-18", title: "Shipped quietly" });
    const { emails } = await sendPass();
    const email = emails.find((sent) => sent.to === mine.user.email);
    if (!email) throw new Error("no digest for the user");
    expect(email.subject).toBe("2 people to reconnect with, 2 to congratulate");
    for (const body of [email.html, email.text]) {
      expect(body).not.toMatch(/what went well/i);
      expect(body).not.toContain("Shipped quietly");
      expect(body).not.toContain("/digest/record-win");
    }
  });

  it("goes out on a week with nobody to reconnect with and nothing to congratulate, exactly once", async () => {
    const quiet = await createUser(t.db, { timeZone: "UTC", digestWeekday: 1, digestHour: 8 });
    const contact = await createContact(t.db, { userId: quiet.id, createdAt: CREATED });
    await touch(quiet.id, contact.id, "2026-11-24", "Catch-up");

    // Two runners at once, then a third later in the week.
    const first = await sendPass(2);
    const again = await sendPass();
    const sent = [...first.emails, ...again.emails].filter((email) => email.to === quiet.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toBe("All caught up: what went well this week?");
    expect(sent[0]?.text).toContain("you are all caught up");
    expect(sent[0]?.text).not.toContain("Last week you recorded");
    expect(recordWinLinks(sent[0]?.html ?? "").map((url) => tokenIn(url).u)).toEqual([quiet.id]);
    const rows = await t.db.select().from(digestDeliveries).where(eq(digestDeliveries.userId, quiet.id));
    expect(rows).toMatchObject([{ period: "2026-W48", status: "sent" }]);
  });
});
