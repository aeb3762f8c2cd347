import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { insertSuccess } from "@/db/queries/successes";
import { contacts, interactionContacts, interactions, users } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import {
  digestLogInputSchema,
  digestSnoozeInputSchema,
  loadDigestLink,
  loadUnsubscribeLink,
  logTouchFromDigest,
  snoozeFromDigest,
  unsubscribeByToken,
} from "@/lib/digest/link-actions";
import {
  type DigestTokenPayload,
  deriveDigestLinkKey,
  digestPayload,
  oneClickUnsubscribeUrl,
  signDigestToken,
} from "@/lib/digest/links";
import { createContact, createUser } from "../factories";
import { releaseAppDb, useAsAppDb } from "../helpers/app-db";
import { createTestDb, type TestDb } from "../helpers/test-db";

// The route handler reads the key from AUTH_SECRET, as in production.
const SECRET = "digest-links-integration-test-secret-0123456789";
vi.stubEnv("AUTH_SECRET", SECRET);
const KEY = deriveDigestLinkKey(SECRET);
const OTHER_KEY = deriveDigestLinkKey("some other installation's secret, 0123456789");
// 12:00 UTC is already the next day in Kiritimati (UTC+14).
const NOW = new Date("2026-11-23T12:00:00Z");
const DAY = 86_400_000;
const options = { key: KEY, now: NOW };

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  // The route handler's getDb() returns the process's one connection: this one.
  useAsAppDb(t);
});
afterAll(async () => {
  releaseAppDb();
  vi.unstubAllEnvs();
  await t?.close();
});

function token(fields: Omit<DigestTokenPayload, "e" | "p">, key = KEY, now = NOW): string {
  return signDigestToken(digestPayload({ p: "2026-W48", ...fields }, now), key);
}

// A well-formed payload with a field changed under the original signature:
// only the signature check can refuse it.
function tampered(value: string, changes: Partial<DigestTokenPayload> = { p: "2026-W01" }): string {
  const [body, signature] = value.split(".") as [string, string];
  const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as DigestTokenPayload;
  return `${Buffer.from(JSON.stringify({ ...payload, ...changes })).toString("base64url")}.${signature}`;
}

function actionsAs(userId: string | null) {
  const define = defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db });
  return {
    log: define(digestLogInputSchema, (input, ctx) => logTouchFromDigest(input, ctx, options)),
    snooze: define(digestSnoozeInputSchema, (input, ctx) => snoozeFromDigest(input, ctx, options)),
  };
}

async function setup() {
  const user = await createUser(t.db, { timeZone: "Pacific/Kiritimati" });
  const ada = await createContact(t.db, { userId: user.id, name: "Ada Lovelace" });
  return { user, ada, act: actionsAs(user.id) };
}

async function digestEnabled(userId: string) {
  const [row] = await t.db.select({ on: users.digestEnabled }).from(users).where(eq(users.id, userId));
  return row?.on;
}

// Everything a link could write, to prove a refused one wrote nothing.
async function snapshot() {
  const [touchRows] = await t.db.select({ n: count() }).from(interactions);
  const [linkRows] = await t.db.select({ n: count() }).from(interactionContacts);
  return {
    touches: touchRows?.n,
    links: linkRows?.n,
    contacts: await t.db
      .select({ id: contacts.id, last: contacts.lastTouchedAt, snoozed: contacts.snoozedUntil, updated: contacts.updatedAt })
      .from(contacts)
      .orderBy(contacts.id),
    users: await t.db.select({ id: users.id, on: users.digestEnabled }).from(users).orderBy(users.id),
  };
}

describe("unsubscribe by signed link", () => {
  it("turns the digest off for the token's user only", async () => {
    const { user } = await setup();
    const { user: other } = await setup();
    expect(await loadUnsubscribeLink(t.db, token({ a: "unsubscribe", u: user.id }), options)).toEqual({
      status: "subscribed",
    });
    expect(await unsubscribeByToken(t.db, token({ a: "unsubscribe", u: user.id }), options)).toEqual({ ok: true });
    expect(await digestEnabled(user.id)).toBe(false);
    expect(await digestEnabled(other.id)).toBe(true);
    expect(await loadUnsubscribeLink(t.db, token({ a: "unsubscribe", u: user.id }), options)).toEqual({
      status: "unsubscribed",
    });
    // Twice is fine.
    expect(await unsubscribeByToken(t.db, token({ a: "unsubscribe", u: user.id }), options)).toEqual({ ok: true });
  });

  it("still works eleven months later", async () => {
    const { user } = await setup();
    const later = { ...options, now: new Date(NOW.getTime() + 330 * DAY) };
    expect(await unsubscribeByToken(t.db, token({ a: "unsubscribe", u: user.id }), later)).toEqual({ ok: true });
    expect(await digestEnabled(user.id)).toBe(false);
  });

  it("changes nothing for a tampered, expired, foreign-key or other-action token", async () => {
    const { user, ada } = await setup();
    const before = await snapshot();
    const valid = token({ a: "unsubscribe", u: user.id });
    const cases: [string, "invalid" | "expired"][] = [
      [tampered(valid), "invalid"],
      [`${valid.split(".")[0]}.${token({ a: "unsubscribe", u: ada.id }).split(".")[1]}`, "invalid"],
      [token({ a: "unsubscribe", u: user.id }, OTHER_KEY), "invalid"],
      [token({ a: "log", u: user.id, c: ada.id }), "invalid"],
      [token({ a: "unsubscribe", u: user.id }, KEY, new Date(NOW.getTime() - 366 * DAY)), "expired"],
      ["", "invalid"],
    ];
    for (const [value, refusal] of cases) {
      expect(await unsubscribeByToken(t.db, value, options)).toEqual({ ok: false, refusal });
      expect(await loadUnsubscribeLink(t.db, value, options)).toEqual({ status: refusal });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("takes the RFC 8058 one-click POST without cookies, and refuses a bad token with 400", async () => {
    const { POST, GET } = await import("@/app/api/unsubscribe/route");
    const { user } = await setup();
    const { user: victim } = await setup();
    const url = oneClickUnsubscribeUrl("https://kith.example", digestPayload({ a: "unsubscribe", u: user.id, p: "2026-W48" }), KEY);
    const oneClick = (target: string) =>
      POST(
        new Request(target, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: "List-Unsubscribe=One-Click",
        }),
      );

    const before = await snapshot();
    const forged = new URL(url);
    forged.searchParams.set("t", tampered(forged.searchParams.get("t") ?? "", { u: victim.id }));
    const refused = await oneClick(forged.toString());
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/not valid/);
    expect(await snapshot()).toEqual(before);

    const response = await oneClick(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/unsubscribed/);
    expect(await digestEnabled(user.id)).toBe(false);

    // A browser (or a mail scanner) opening the address only lands on the page.
    const { user: other } = await setup();
    const otherUrl = oneClickUnsubscribeUrl(
      "https://kith.example",
      digestPayload({ a: "unsubscribe", u: other.id, p: "2026-W48" }),
      KEY,
    );
    const opened = GET(new Request(otherUrl));
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe(`/unsubscribe?${new URL(otherUrl).search.slice(1)}`);
    expect(await digestEnabled(other.id)).toBe(true);
  });
});

describe("log a touch by signed link", () => {
  it("logs one touch today, in the user's zone, with the link's contact", async () => {
    const { user, ada, act } = await setup();
    const t1 = token({ a: "log", u: user.id, c: ada.id });
    expect(await loadDigestLink(t.db, { userId: user.id, action: "log", token: t1 }, options)).toMatchObject({
      status: "ready",
      action: "log",
      contact: { id: ada.id, name: "Ada Lovelace", lastTouchedAt: null },
    });

    const result = await act.log({ t: t1, channel: "message", summary: "  Sent the article  " });
    expect(result).toMatchObject({ ok: true, data: { contactId: ada.id } });
    if (!result.ok) return;
    const rows = await t.db
      .select({ at: interactions.occurredAt, channel: interactions.channel, summary: interactions.summary, kind: interactions.valueKind })
      .from(interactions)
      .where(eq(interactions.userId, user.id));
    expect(rows).toEqual([
      { at: new Date("2026-11-24T12:00:00.000Z"), channel: "message", summary: "Sent the article", kind: null },
    ]);
    const links = await t.db
      .select({ contactId: interactionContacts.contactId })
      .from(interactionContacts)
      .where(eq(interactionContacts.interactionId, result.data.touchId));
    expect(links).toEqual([{ contactId: ada.id }]);
    const [contact] = await t.db.select({ last: contacts.lastTouchedAt }).from(contacts).where(eq(contacts.id, ada.id));
    expect(contact?.last).toEqual(new Date("2026-11-24T12:00:00.000Z"));
  });

  it("refuses a tampered, expired, other-action or foreign-key token and writes nothing", async () => {
    const { user, ada, act } = await setup();
    const before = await snapshot();
    const cases: [string, string][] = [
      [tampered(token({ a: "log", u: user.id, c: ada.id })), "This link is not valid. Open it again from the email."],
      [token({ a: "log", u: user.id, c: ada.id }, OTHER_KEY), "This link is not valid. Open it again from the email."],
      [token({ a: "snooze", u: user.id, c: ada.id }), "This link is not valid. Open it again from the email."],
      [token({ a: "log", u: user.id, c: ada.id }, KEY, new Date(NOW.getTime() - 31 * DAY)), "This link has expired."],
    ];
    for (const [value, formError] of cases) {
      expect(await act.log({ t: value, channel: "message", summary: "" })).toEqual({ ok: false, formError });
    }
    expect(await loadDigestLink(t.db, { userId: user.id, action: "log", token: cases[0]?.[0] ?? "" }, options)).toEqual({
      status: "invalid",
    });
    expect(await loadDigestLink(t.db, { userId: user.id, action: "log", token: cases[3]?.[0] ?? "" }, options)).toEqual({
      status: "expired",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses user A's link to signed-in user B, and writes nothing", async () => {
    const a = await setup();
    const b = await setup();
    const forA = token({ a: "log", u: a.user.id, c: a.ada.id });
    const before = await snapshot();
    expect(await b.act.log({ t: forA, channel: "call", summary: "" })).toEqual({
      ok: false,
      formError: "This link is for another account.",
    });
    expect(await loadDigestLink(t.db, { userId: b.user.id, action: "log", token: forA }, options)).toEqual({
      status: "other-account",
    });
    // Rewriting the link to name B breaks its signature.
    expect(await b.act.log({ t: tampered(forA, { u: b.user.id }), channel: "call", summary: "" })).toEqual({
      ok: false,
      formError: "This link is not valid. Open it again from the email.",
    });
    expect(await actionsAs(null).log({ t: forA, channel: "call", summary: "" })).toMatchObject({ ok: false });
    expect(await snapshot()).toEqual(before);
  });

  it("treats a contact that is not the token user's as not found", async () => {
    const a = await setup();
    const b = await setup();
    const naming = token({ a: "log", u: a.user.id, c: b.ada.id });
    const before = await snapshot();
    expect(await a.act.log({ t: naming, channel: "call", summary: "" })).toEqual({ ok: false, formError: "Contact not found." });
    expect(await loadDigestLink(t.db, { userId: a.user.id, action: "log", token: naming }, options)).toEqual({
      status: "not-found",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a channel that is not one", async () => {
    const { user, ada, act } = await setup();
    const before = await snapshot();
    const result = await act.log({ t: token({ a: "log", u: user.id, c: ada.id }), channel: "pigeon", summary: "" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { channel: ["Choose how you were in touch."] } });
    expect(await snapshot()).toEqual(before);
  });
});

describe("snooze by signed link", () => {
  it("snoozes the contact for two weeks from the user's today", async () => {
    const { user, ada, act } = await setup();
    const value = token({ a: "snooze", u: user.id, c: ada.id });
    expect(await loadDigestLink(t.db, { userId: user.id, action: "snooze", token: value }, options)).toMatchObject({
      status: "ready",
      action: "snooze",
      until: "2026-12-08",
    });
    // Opening the page wrote nothing.
    const [opened] = await t.db.select({ until: contacts.snoozedUntil }).from(contacts).where(eq(contacts.id, ada.id));
    expect(opened?.until).toBeNull();

    expect(await act.snooze({ t: value })).toEqual({ ok: true, data: { contactId: ada.id, snoozedUntil: "2026-12-08" } });
    const [row] = await t.db.select({ until: contacts.snoozedUntil }).from(contacts).where(eq(contacts.id, ada.id));
    expect(row?.until).toBe("2026-12-08");
  });

  it("keeps a longer snooze already set", async () => {
    const { user, ada, act } = await setup();
    await t.db.update(contacts).set({ snoozedUntil: "2027-03-01" }).where(eq(contacts.id, ada.id));
    expect(await act.snooze({ t: token({ a: "snooze", u: user.id, c: ada.id }) })).toMatchObject({
      ok: true,
      data: { snoozedUntil: "2027-03-01" },
    });
  });

  it("refuses tampered, other-account and not-owned links, and writes nothing", async () => {
    const a = await setup();
    const b = await setup();
    const before = await snapshot();
    expect(await a.act.snooze({ t: tampered(token({ a: "snooze", u: a.user.id, c: a.ada.id })) })).toEqual({
      ok: false,
      formError: "This link is not valid. Open it again from the email.",
    });
    expect(await b.act.snooze({ t: token({ a: "snooze", u: a.user.id, c: a.ada.id }) })).toEqual({
      ok: false,
      formError: "This link is for another account.",
    });
    expect(await a.act.snooze({ t: token({ a: "snooze", u: a.user.id, c: b.ada.id }) })).toEqual({
      ok: false,
      formError: "Contact not found.",
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("congratulate by signed link", () => {
  it("shows the user's own waiting success, and not another user's", async () => {
    const a = await setup();
    const b = await setup();
    const record = (userId: string, contactId: string) =>
      t.db.transaction((tx) =>
        insertSuccess(tx, {
          userId,
          contactId,
          success: { kind: "promotion", title: "Head of Engines", occurredOn: "2026-11-20", url: null },
        }),
      );
    const mine = await record(a.user.id, a.ada.id);
    const theirs = await record(b.user.id, b.ada.id);
    if (!mine || !theirs) throw new Error("no success recorded");

    const link = (s: string) => token({ a: "congratulate", u: a.user.id, c: a.ada.id, s });
    expect(await loadDigestLink(t.db, { userId: a.user.id, action: "congratulate", token: link(mine.id) }, options)).toEqual({
      status: "ready",
      action: "congratulate",
      success: {
        id: mine.id,
        kind: "promotion",
        title: "Head of Engines",
        occurredOn: "2026-11-20",
        isCongratulated: false,
        contact: { id: a.ada.id, name: "Ada Lovelace" },
      },
    });
    expect(
      await loadDigestLink(t.db, { userId: a.user.id, action: "congratulate", token: link(theirs.id) }, options),
    ).toEqual({ status: "not-found" });
    expect(
      await loadDigestLink(t.db, { userId: b.user.id, action: "congratulate", token: link(mine.id) }, options),
    ).toEqual({ status: "other-account" });
  });
});

describe("record a win by signed link", () => {
  it("sends the token's user to the new-win form, and opens nothing for anyone else", async () => {
    const a = await setup();
    const b = await setup();
    const forA = token({ a: "record-win", u: a.user.id });
    const open = (userId: string, value: string) => loadDigestLink(t.db, { userId, action: "record-win", token: value }, options);
    const before = await snapshot();

    expect(await open(a.user.id, forA)).toEqual({ status: "ready", action: "record-win", redirectTo: "/journal/new" });
    expect(await open(b.user.id, forA)).toEqual({ status: "other-account" });
    // Rewriting the link to name B breaks its signature.
    expect(await open(b.user.id, tampered(forA, { u: b.user.id }))).toEqual({ status: "invalid" });
    expect(await open(a.user.id, tampered(forA))).toEqual({ status: "invalid" });
    expect(await open(a.user.id, token({ a: "record-win", u: a.user.id }, OTHER_KEY))).toEqual({ status: "invalid" });
    // Another link of the same email does not open the form, nor this one theirs.
    expect(await open(a.user.id, token({ a: "log", u: a.user.id, c: a.ada.id }))).toEqual({ status: "invalid" });
    expect(await loadDigestLink(t.db, { userId: a.user.id, action: "log", token: forA }, options)).toEqual({
      status: "invalid",
    });
    expect(await open(a.user.id, token({ a: "record-win", u: a.user.id }, KEY, new Date(NOW.getTime() - 31 * DAY)))).toEqual({
      status: "expired",
    });
    expect(await open(a.user.id, "")).toEqual({ status: "invalid" });
    expect(await snapshot()).toEqual(before);
  });
});
