import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  contactHealthById,
  ensureFreshHealth,
  healthColumns,
  healthSource,
  refreshStoredHealth,
} from "@/db/queries/health";
import { setContactArchived } from "@/db/queries/contacts-write";
import { insertTouch } from "@/db/queries/touches-write";
import { contacts, users } from "@/db/schema";
import type { ValueDirection } from "@/lib/domain/enums";
import { refreshDailyHealth } from "@/lib/digest/daily-health";
import { HEALTH_BANDS } from "@/lib/health/model";
import { createContact, createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Noon in UTC, midnight in Auckland (UTC+12 in June): its 16 June begins.
const NOW = new Date("2026-06-15T12:00:00Z");
const CREATED = new Date(NOW.getTime() - 200 * DAY);
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

type Stored = { score: number | null; band: string | null; asOf: Date | null };
type Book = { userId: string; live: string[]; archived: string };

async function touch(userId: string, contactId: string, occurredAt: Date, valueDirection: ValueDirection | null = null) {
  const touched = { occurredAt, channel: "call" as const, contactIds: [contactId], valueDirection };
  const row = await t.db.transaction((tx) =>
    insertTouch(tx, { userId, touch: { ...touched, valueKind: valueDirection ? "advice" : null } }),
  );
  if (!row) throw new Error("touch not written");
}

// A user with a contact in each band at NOW (the last never touched, so never
// scored), and one archived after a touch, which stored it a score. Touches
// store health as of the real clock, not as of NOW.
async function book(timeZone: string | null = null): Promise<Book> {
  const { id: userId } = await createUser(t.db, { defaultCadenceDays: 30, timeZone });
  const plan: [days: number, direction: ValueDirection | null][][] = [
    [[1, "given"], [35, "received"], [65, "given"], [95, "received"]],
    [[10, null]],
    [[60, "given"]],
    [],
    [[1, "given"]],
  ];
  const ids: string[] = [];
  for (const touches of plan) {
    const { id } = await createContact(t.db, { userId, createdAt: CREATED });
    for (const [days, direction] of touches) await touch(userId, id, at(NOW, -days * DAY), direction);
    ids.push(id);
  }
  const archived = ids.pop() ?? "";
  await t.db.update(contacts).set({ archivedAt: NOW }).where(eq(contacts.id, archived));
  return { userId, live: ids, archived };
}

async function stored(userId: string): Promise<Map<string, Stored>> {
  const rows = await t.db
    .select({ id: contacts.id, score: contacts.healthScore, band: contacts.healthBand, asOf: contacts.healthAsOf })
    .from(contacts)
    .where(eq(contacts.userId, userId));
  return new Map(rows.map(({ id, ...row }) => [id, row]));
}

// What the SQL model computes at `now`, in the shape stored.
async function modelAt(userId: string, now: Date, contactIds?: string[]): Promise<Map<string, Stored>> {
  const health = await contactHealthById(t.db, { userId, now, contactIds });
  return new Map([...health].map(([id, { score, band }]) => [id, { score, band, asOf: now }]));
}

const pick = (found: Map<string, Stored>, ids: string[]) => ids.map((id) => found.get(id));
// Score and band only: a rescoring writes only the rows that change, so a
// row it found still right keeps its earlier as-of.
const scores = (found: Map<string, Stored>, ids: string[]) =>
  pick(found, ids).map((row) => row && { score: row.score, band: row.band });
const cleared: Stored = { score: null, band: null, asOf: null };

async function refreshedAt(userId: string) {
  const [row] = await t.db.select({ at: users.healthRefreshedAt }).from(users).where(eq(users.id, userId));
  return row?.at;
}

// Stores a score the model never gives, to see whether a call recomputes it.
async function spoil(contactId: string) {
  await t.db.update(contacts).set({ healthScore: 101 }).where(eq(contacts.id, contactId));
}

describe("refreshStoredHealth", () => {
  it("stores what healthSource computes at `now` on every contact, clears the archived, and leaves others alone", async () => {
    const me = await book();
    const them = await book();
    const before = await stored(me.userId);
    expect(before.get(me.live[3] ?? "")).toEqual(cleared);
    expect(before.get(me.archived)?.score).not.toBeNull();
    const theirs = await stored(them.userId);

    await refreshStoredHealth(t.db, { userId: me.userId, now: NOW });
    const after = await stored(me.userId);
    const computed = await t.db
      .select(healthColumns)
      .from(sql`(${healthSource({ userId: me.userId, now: NOW })}) as h`);
    expect(computed.map((row) => row.contactId).sort()).toEqual([...me.live].sort());
    for (const { contactId, score, band } of computed) expect(after.get(contactId)).toEqual({ score, band, asOf: NOW });
    expect(new Set(pick(after, me.live).map((row) => row?.band))).toEqual(new Set(HEALTH_BANDS));
    expect(after.get(me.archived)).toEqual(cleared);
    expect(await stored(them.userId)).toEqual(theirs);
    expect(await refreshedAt(me.userId)).toBeNull();
  });

  it("with ids, stores only those contacts' health; the rest keep theirs and its as-of", async () => {
    const me = await book();
    await refreshStoredHealth(t.db, { userId: me.userId, now: NOW });
    const before = await stored(me.userId);
    const later = at(NOW, 40 * DAY);
    const [first = "", second = "", ...rest] = me.live;
    const ids = [first, second];

    await refreshStoredHealth(t.db, { userId: me.userId, now: later, contactIds: ids });
    const after = await stored(me.userId);
    expect(pick(after, ids)).toEqual(pick(await modelAt(me.userId, later), ids));
    expect(after.get(first)?.score).not.toBe(before.get(first)?.score);
    expect(pick(after, [...rest, me.archived])).toEqual(pick(before, [...rest, me.archived]));
    expect(pick(after, rest).every((row) => row?.asOf?.getTime() === NOW.getTime())).toBe(true);

    await refreshStoredHealth(t.db, { userId: me.userId, now: later, contactIds: [] });
    expect(await stored(me.userId)).toEqual(after);
  });

  it("writes only the rows whose score or band changed, so the others keep their row version and as-of", async () => {
    const me = await book();
    await refreshStoredHealth(t.db, { userId: me.userId, now: NOW });
    const versions = async () => {
      const rows = await t.db
        .select({ id: contacts.id, version: sql<string>`${contacts}.xmin::text` })
        .from(contacts)
        .where(eq(contacts.userId, me.userId));
      return new Map(rows.map((row) => [row.id, row.version]));
    };
    const before = await versions();
    const [spoilt = "", ...rest] = me.live;
    await spoil(spoilt);
    const spoiltVersion = (await versions()).get(spoilt);
    const later = at(NOW, 20 * DAY);

    await refreshStoredHealth(t.db, { userId: me.userId, now: later });
    const after = await stored(me.userId);
    const [then, now] = [await modelAt(me.userId, NOW), await modelAt(me.userId, later)];
    const unchanged = rest.filter((id) => then.get(id)?.score === now.get(id)?.score && then.get(id)?.band === now.get(id)?.band);
    expect(unchanged.length).toBeGreaterThan(0);
    expect(unchanged.length).toBeLessThan(rest.length);
    const written = await versions();
    for (const id of me.live) {
      const isUnchanged = unchanged.includes(id);
      expect(after.get(id)).toEqual(isUnchanged ? then.get(id) : now.get(id));
      expect(written.get(id) === (id === spoilt ? spoiltVersion : before.get(id))).toBe(isUnchanged);
    }
    expect(written.get(me.archived)).toBe(before.get(me.archived));
  });

  it("clears an archived contact named in the ids, and only when named", async () => {
    const me = await book();
    const scored = (await stored(me.userId)).get(me.archived);
    expect(scored?.score).not.toBeNull();
    await refreshStoredHealth(t.db, { userId: me.userId, now: NOW, contactIds: me.live.slice(0, 1) });
    expect((await stored(me.userId)).get(me.archived)).toEqual(scored);
    await refreshStoredHealth(t.db, { userId: me.userId, now: NOW, contactIds: [me.archived] });
    expect((await stored(me.userId)).get(me.archived)).toEqual(cleared);
  });

  it("changes nothing when given another user's contacts, live or archived", async () => {
    const me = await book();
    const them = await book();
    const mine = await stored(me.userId);
    const theirs = await stored(them.userId);
    expect(theirs.get(them.archived)?.score).not.toBeNull();
    for (const contactIds of [them.live, [them.archived], [...them.live, them.archived]]) {
      await refreshStoredHealth(t.db, { userId: me.userId, now: NOW, contactIds });
      expect(await stored(them.userId)).toEqual(theirs);
      expect(await stored(me.userId)).toEqual(mine);
    }
  });
});

describe("the write path", () => {
  it("moves the touched contact's stored health at once, as of the real clock, and no one else's", async () => {
    const me = await book();
    const them = await book();
    await refreshStoredHealth(t.db, { userId: me.userId, now: new Date() });
    const before = await stored(me.userId);
    const theirs = await stored(them.userId);
    const quiet = me.live[3] ?? "";
    expect(before.get(quiet)?.band).toBe("dormant");

    const started = Date.now();
    await touch(me.userId, quiet, new Date(started - DAY), "given");
    const after = await stored(me.userId);
    const asOf = after.get(quiet)?.asOf;
    if (!asOf) throw new Error("no stored health");
    expect(asOf.getTime()).toBeGreaterThanOrEqual(started);
    expect(asOf.getTime()).toBeLessThanOrEqual(Date.now());
    expect(after.get(quiet)).toEqual((await modelAt(me.userId, asOf, [quiet])).get(quiet));
    expect(after.get(quiet)?.score).toBeGreaterThan(before.get(quiet)?.score ?? 100);
    const others = [...me.live.filter((id) => id !== quiet), me.archived];
    expect(pick(after, others)).toEqual(pick(before, others));
    expect(await stored(them.userId)).toEqual(theirs);
  });

  it("clears an archived contact's health, and the next read scores it again once unarchived", async () => {
    const me = await book();
    await ensureFreshHealth(t.db, { userId: me.userId, now: NOW });
    const contactId = me.live[0] ?? "";
    await setContactArchived(t.db, { userId: me.userId, contactId, archived: true });
    expect((await stored(me.userId)).get(contactId)).toEqual({ score: null, band: null, asOf: null });
    await setContactArchived(t.db, { userId: me.userId, contactId, archived: false });
    await ensureFreshHealth(t.db, { userId: me.userId, now: NOW });
    expect((await stored(me.userId)).get(contactId)).toEqual((await modelAt(me.userId, NOW, [contactId])).get(contactId));
  });
});

describe("ensureFreshHealth", () => {
  it("first refreshes every contact as of `now` and notes when, touching no other user", async () => {
    const me = await book("Pacific/Auckland");
    const them = await book();
    const theirs = await stored(them.userId);
    expect(await refreshedAt(me.userId)).toBeNull();

    await ensureFreshHealth(t.db, { userId: me.userId, now: NOW });
    const after = await stored(me.userId);
    expect(pick(after, me.live)).toEqual(pick(await modelAt(me.userId, NOW), me.live));
    expect(after.get(me.archived)).toEqual(cleared);
    expect(await refreshedAt(me.userId)).toEqual(NOW);
    expect(await stored(them.userId)).toEqual(theirs);
    expect(await refreshedAt(them.userId)).toBeNull();
  });

  it("recomputes everything once a day, the day being the user's: Auckland's midnight, not UTC's", async () => {
    const auckland = await book("Pacific/Auckland");
    const utc = await book(null);
    const [akl, u] = [auckland.live[0] ?? "", utc.live[0] ?? ""];
    // 11:30 on 15 June in Auckland, still 14 June in UTC.
    const morning = at(NOW, -12.5 * HOUR);
    for (const { userId } of [auckland, utc]) await ensureFreshHealth(t.db, { userId, now: morning });
    await spoil(akl);
    await spoil(u);

    // 15 June in UTC too: a new day for the UTC user only.
    const utcNextDay = at(NOW, -11.5 * HOUR);
    for (const { userId } of [auckland, utc]) await ensureFreshHealth(t.db, { userId, now: utcNextDay });
    expect((await stored(auckland.userId)).get(akl)?.score).toBe(101);
    expect(await refreshedAt(auckland.userId)).toEqual(morning);
    expect(scores(await stored(utc.userId), utc.live)).toEqual(scores(await modelAt(utc.userId, utcNextDay), utc.live));
    expect(await refreshedAt(utc.userId)).toEqual(utcNextDay);

    // The last millisecond of 15 June in Auckland: still the same day.
    await ensureFreshHealth(t.db, { userId: auckland.userId, now: at(NOW, -1) });
    const sameDay = await stored(auckland.userId);
    expect(sameDay.get(akl)?.score).toBe(101);
    expect(pick(sameDay, auckland.live).every((row) => row?.asOf?.getTime() === morning.getTime())).toBe(true);

    // Midnight in Auckland: 16 June begins, and everything is recomputed.
    await ensureFreshHealth(t.db, { userId: auckland.userId, now: NOW });
    const nextDay = await stored(auckland.userId);
    expect(scores(nextDay, auckland.live)).toEqual(scores(await modelAt(auckland.userId, NOW), auckland.live));
    expect(nextDay.get(auckland.archived)).toEqual(cleared);
    expect(await refreshedAt(auckland.userId)).toEqual(NOW);

    // A call with an earlier `now` does not take the day back.
    await spoil(akl);
    await ensureFreshHealth(t.db, { userId: auckland.userId, now: morning });
    expect((await stored(auckland.userId)).get(akl)?.score).toBe(101);
    expect(await refreshedAt(auckland.userId)).toEqual(NOW);
  });

  it("scores contacts added or unarchived after the day's refresh on the next call that day, and nothing else", async () => {
    const me = await book("Pacific/Auckland");
    await ensureFreshHealth(t.db, { userId: me.userId, now: NOW });
    await spoil(me.live[0] ?? "");
    const { id: added } = await createContact(t.db, { userId: me.userId, createdAt: at(NOW, -3 * DAY) });
    await t.db.update(contacts).set({ archivedAt: null }).where(eq(contacts.id, me.archived));
    const before = await stored(me.userId);
    expect(pick(before, [added, me.archived])).toEqual([cleared, cleared]);

    const later = at(NOW, 2 * HOUR);
    await ensureFreshHealth(t.db, { userId: me.userId, now: later });
    const after = await stored(me.userId);
    const fresh = [added, me.archived];
    expect(pick(after, fresh)).toEqual(pick(await modelAt(me.userId, later), fresh));
    expect(pick(after, me.live)).toEqual(pick(before, me.live));
    expect(after.get(me.live[0] ?? "")?.score).toBe(101);
    expect(await refreshedAt(me.userId)).toEqual(NOW);
  });

  it("lets concurrent calls all succeed and leave the right values", async () => {
    const me = await book("Pacific/Auckland");
    const them = await book();
    const theirs = await stored(them.userId);
    const four = (now: Date) => Promise.all([1, 2, 3, 4].map(() => ensureFreshHealth(t.db, { userId: me.userId, now })));

    await four(NOW);
    expect(scores(await stored(me.userId), me.live)).toEqual(scores(await modelAt(me.userId, NOW), me.live));
    expect(await refreshedAt(me.userId)).toEqual(NOW);

    // The same day: only the new contact is scored.
    await spoil(me.live[0] ?? "");
    const { id: added } = await createContact(t.db, { userId: me.userId, createdAt: at(NOW, -DAY) });
    const later = at(NOW, HOUR);
    await four(later);
    const sameDay = await stored(me.userId);
    expect(sameDay.get(added)).toEqual((await modelAt(me.userId, later)).get(added));
    expect(sameDay.get(me.live[0] ?? "")?.score).toBe(101);

    // The next day: everything.
    const tomorrow = at(NOW, DAY);
    await four(tomorrow);
    const ids = [...me.live, added];
    const nextDay = await stored(me.userId);
    expect(scores(nextDay, ids)).toEqual(scores(await modelAt(me.userId, tomorrow), ids));
    expect(nextDay.get(me.archived)).toEqual(cleared);
    expect(await refreshedAt(me.userId)).toEqual(tomorrow);
    expect(await stored(them.userId)).toEqual(theirs);
  });
});

describe("refreshDailyHealth, run by the scheduler", () => {
  it("rescores the users whose own day has begun, once, however many runners, and leaves the rest", async () => {
    // At NOW, 16 June has begun in Auckland but not in UTC. Both were rescored an hour ago.
    const auckland = await book("Pacific/Auckland");
    const utc = await book(null);
    const hourAgo = at(NOW, -HOUR);
    for (const { userId } of [auckland, utc]) await ensureFreshHealth(t.db, { userId, now: hourAgo });
    const [akl, u] = [auckland.live[0] ?? "", utc.live[0] ?? ""];
    await spoil(akl);
    await spoil(u);
    // Every other user of this file is made fresh, so the counts below are ours.
    await t.db.update(users).set({ healthRefreshedAt: NOW });
    await t.db.update(users).set({ healthRefreshedAt: hourAgo }).where(inArray(users.id, [auckland.userId, utc.userId]));

    const runs = await Promise.all([refreshDailyHealth(t.db, { now: NOW }), refreshDailyHealth(t.db, { now: NOW })]);
    expect(runs.reduce((sum, run) => sum + run.users, 0)).toBeGreaterThanOrEqual(1);
    expect(scores(await stored(auckland.userId), auckland.live)).toEqual(
      scores(await modelAt(auckland.userId, NOW), auckland.live),
    );
    expect(await refreshedAt(auckland.userId)).toEqual(NOW);
    expect((await stored(utc.userId)).get(u)?.score).toBe(101);
    expect(await refreshedAt(utc.userId)).toEqual(hourAgo);
    expect(await refreshDailyHealth(t.db, { now: NOW })).toEqual({ users: 0 });

    // A user with no contacts has nothing to rescore and is never listed.
    const empty = await createUser(t.db, { timeZone: "UTC" });
    expect(await refreshDailyHealth(t.db, { now: NOW })).toEqual({ users: 0 });
    expect(await refreshedAt(empty.id)).toBeNull();

    // Bounded per run: the rest waits for the next tick.
    const tomorrow = at(NOW, DAY);
    expect(await refreshDailyHealth(t.db, { now: tomorrow, maxUsers: 1 })).toEqual({ users: 1 });
  });
});
