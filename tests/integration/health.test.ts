import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { contactHealthById } from "@/db/queries/health";
import { insertTouch } from "@/db/queries/touches-write";
import { users } from "@/db/schema";
import {
  CHANNELS,
  type ContactTier,
  CONTACT_TIERS,
  TIER_CADENCE_DAYS,
  VALUE_KINDS,
  type ValueDirection,
  type ValueKind,
} from "@/lib/domain/enums";
import { contactHealth, DAY_MS, type Health, type HealthTouch } from "@/lib/health/model";
import { createContact, createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const FLOAT_FIELDS = ["daysSince", "recency", "consistency", "value"] as const;

// Integers and the band exactly; floats to 1e-9, as numeric division and
// pow() in PostgreSQL may round the last bit differently from V8.
function expectSameHealth(actual: Health | undefined, expected: Health, label: string) {
  expect(actual, label).toBeDefined();
  if (!actual) return;
  const exact = (h: Health) => ({ ...h, daysSince: 0, recency: 0, consistency: 0, value: 0 });
  expect(exact(actual), label).toEqual(exact(expected));
  for (const field of FLOAT_FIELDS) {
    const message = `${label} ${field}: ${actual[field]} vs ${expected[field]}`;
    expect(Math.abs(actual[field] - expected[field]), message).toBeLessThanOrEqual(1e-9);
  }
}

type TimeSpec =
  | { kind: "ms"; msAgo: number }
  | { kind: "window"; windows: number; ms: number }
  | { kind: "year"; ms: number };

// Arbitrary milliseconds from three years ago to a few days ahead, and twice
// as often exactly on (or a millisecond beside) an edge the model cuts at:
// a cadence window's edge or the value year's.
const timeSpec = (allowFuture: boolean): fc.Arbitrary<TimeSpec> =>
  fc.oneof(
    fc.record({
      kind: fc.constant("ms" as const),
      msAgo: fc.integer({ min: allowFuture ? -5 * DAY_MS : 0, max: 3 * 365 * DAY_MS }),
    }),
    fc.record({ kind: fc.constant("window" as const), windows: fc.integer({ min: 0, max: 5 }), ms: fc.constantFrom(-1, 0, 1) }),
    fc.record({ kind: fc.constant("year" as const), ms: fc.constantFrom(-1, 0, 1) }),
  );

function resolveTime(spec: TimeSpec, nowMs: number, cadenceDays: number): number {
  if (spec.kind === "ms") return nowMs - spec.msAgo;
  if (spec.kind === "window") return nowMs - spec.windows * cadenceDays * DAY_MS - spec.ms;
  return nowMs - 365 * DAY_MS - spec.ms;
}

const contactSpec = fc.record({
  tier: fc.constantFrom(...CONTACT_TIERS),
  cadenceDays: fc.option(fc.oneof(fc.integer({ min: 1, max: 400 }), fc.constantFrom(1, 7, 30)), { nil: null }),
  created: timeSpec(false),
});

const touchSpec = fc.record({
  // Indexes into the run's contacts (taken modulo their number); a second,
  // different one makes the touch shared.
  contact: fc.nat(),
  other: fc.option(fc.nat(), { nil: null, freq: 3 }),
  at: timeSpec(true),
  channel: fc.constantFrom(...CHANNELS),
  value: fc.option(
    fc.record({ direction: fc.constantFrom<ValueDirection>("given", "received"), kind: fc.constantFrom<ValueKind>(...VALUE_KINDS) }),
    { nil: null, freq: 2 },
  ),
});

const history = fc.record({
  nowMs: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
  defaultCadenceDays: fc.oneof(fc.integer({ min: 1, max: 365 }), fc.constant(30)),
  contacts: fc.array(contactSpec, { minLength: 1, maxLength: 4 }),
  touches: fc.array(touchSpec, { maxLength: 24 }),
});
type History = typeof history extends fc.Arbitrary<infer T> ? T : never;

type Written = {
  userId: string;
  now: Date;
  contacts: { id: string; cadenceDays: number; createdAt: Date; touches: HealthTouch[] }[];
};

const effectiveCadence = (tier: ContactTier, own: number | null, userDefault: number) =>
  own ?? TIER_CADENCE_DAYS[tier] ?? userDefault;

// Writes a history for a fresh user through the real write path, and returns
// what the pure model needs to score each contact.
async function writeHistory(db: Db, h: History): Promise<Written> {
  const user = await createUser(db, { defaultCadenceDays: h.defaultCadenceDays });
  const written: Written["contacts"] = [];
  for (const spec of h.contacts) {
    const cadenceDays = effectiveCadence(spec.tier, spec.cadenceDays, h.defaultCadenceDays);
    const createdMs = Math.min(h.nowMs, resolveTime(spec.created, h.nowMs, cadenceDays));
    const row = await createContact(db, {
      userId: user.id,
      tier: spec.tier,
      cadenceDays: spec.cadenceDays,
      createdAt: new Date(createdMs),
    });
    written.push({ id: row.id, cadenceDays, createdAt: row.createdAt, touches: [] });
  }
  await db.transaction(async (tx) => {
    for (const touch of h.touches) {
      const first = written[touch.contact % written.length];
      if (!first) throw new Error("no contact");
      const second = touch.other === null ? undefined : written[touch.other % written.length];
      const linked = second && second !== first ? [first, second] : [first];
      const occurredAt = new Date(resolveTime(touch.at, h.nowMs, first.cadenceDays));
      const inserted = await insertTouch(tx, {
        userId: user.id,
        touch: {
          occurredAt,
          channel: touch.channel,
          valueKind: touch.value?.kind ?? null,
          valueDirection: touch.value?.direction ?? null,
          contactIds: linked.map((c) => c.id),
        },
      });
      if (!inserted) throw new Error("insertTouch refused the user's own contacts");
      for (const contact of linked) contact.touches.push({ occurredAt, valueDirection: touch.value?.direction ?? null });
    }
  });
  return { userId: user.id, now: new Date(h.nowMs), contacts: written };
}

function modelHealth(w: Omit<Written["contacts"][number], "id">, now: Date): Health {
  return contactHealth({ cadenceDays: w.cadenceDays, createdAt: w.createdAt, touches: w.touches, now });
}

describe("contactHealthById, the SQL twin of the health model", () => {
  it("gives the model's numbers for any history", async () => {
    await fc.assert(
      fc.asyncProperty(history, async (h) => {
        const w = await writeHistory(t.db, h);
        const health = await contactHealthById(t.db, { userId: w.userId, now: w.now });
        expect(health.size).toBe(w.contacts.length);
        for (const contact of w.contacts) {
          expectSameHealth(health.get(contact.id), modelHealth(contact, w.now), contact.id);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("matches the model where recency would underflow a float", async () => {
    // One-day cadence, last touched three years ago: 0.5^1094 is below the
    // smallest double, and PostgreSQL raises an error rather than return 0.
    const now = new Date("2026-06-01T12:00:00Z");
    const user = await createUser(t.db);
    const contact = await createContact(t.db, { userId: user.id, cadenceDays: 1, createdAt: new Date(now.getTime() - 1100 * DAY_MS) });
    const occurredAt = new Date(now.getTime() - 1095 * DAY_MS);
    await t.db.transaction((tx) =>
      insertTouch(tx, { userId: user.id, touch: { occurredAt, channel: "call", contactIds: [contact.id] } }),
    );
    const health = await contactHealthById(t.db, { userId: user.id, now });
    const expected = modelHealth({ ...contact, cadenceDays: 1, touches: [{ occurredAt, valueDirection: null }] }, now);
    expect(expected).toMatchObject({ recency: 0, score: 0, band: "dormant" });
    expectSameHealth(health.get(contact.id), expected, "underflow");
  });

  it("leaves out archived contacts, keeps snoozed ones with their honest score", async () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const user = await createUser(t.db);
    const createdAt = new Date(now.getTime() - 100 * DAY_MS);
    const kept = await createContact(t.db, { userId: user.id, createdAt });
    const snoozed = await createContact(t.db, { userId: user.id, createdAt, snoozedUntil: "2026-07-01" });
    const archived = await createContact(t.db, { userId: user.id, createdAt, archivedAt: new Date(now.getTime() - DAY_MS) });
    const occurredAt = new Date(now.getTime() - 45 * DAY_MS);
    await t.db.transaction((tx) =>
      insertTouch(tx, {
        userId: user.id,
        touch: { occurredAt, channel: "meeting", contactIds: [kept.id, snoozed.id, archived.id] },
      }),
    );
    const health = await contactHealthById(t.db, { userId: user.id, now });
    expect([...health.keys()].sort()).toEqual([kept.id, snoozed.id].sort());
    expect(health.get(snoozed.id)).toEqual(health.get(kept.id));
    expectSameHealth(
      health.get(snoozed.id),
      modelHealth({ cadenceDays: 30, createdAt, touches: [{ occurredAt, valueDirection: null }] }, now),
      "snoozed",
    );
    expect(await contactHealthById(t.db, { userId: user.id, now, contactIds: [archived.id] })).toEqual(new Map());
  });

  it("keeps another user's contacts and touches out of the user's numbers", async () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const createdAt = new Date(now.getTime() - 400 * DAY_MS);
    const mine = await createContact(t.db, { userId: me.id, createdAt });
    const alsoMine = await createContact(t.db, { userId: me.id, createdAt });
    const theirs = await createContact(t.db, { userId: other.id, createdAt });
    const touch = (userId: string, contactIds: string[], daysAgo: number, valueDirection: ValueDirection | null) =>
      t.db.transaction((tx) =>
        insertTouch(tx, {
          userId,
          touch: {
            occurredAt: new Date(now.getTime() - daysAgo * DAY_MS),
            channel: "call",
            valueKind: valueDirection ? "advice" : null,
            valueDirection,
            contactIds,
          },
        }),
      );
    await touch(me.id, [mine.id], 20, "given");
    await touch(me.id, [mine.id, alsoMine.id], 70, "received");
    const before = await contactHealthById(t.db, { userId: me.id, now });
    expect(before.get(mine.id)).toMatchObject({ given: 1, received: 1, touchedWindows: 2 });

    for (let i = 0; i < 12; i += 1) await touch(other.id, [theirs.id], i * 9, i % 2 ? "given" : "received");
    // Touches can only name the user's own contacts.
    expect(await touch(other.id, [theirs.id, mine.id], 1, "given")).toBeUndefined();

    const after = await contactHealthById(t.db, { userId: me.id, now });
    expect(after).toEqual(before);
    expect(after.has(theirs.id)).toBe(false);
    expect((await contactHealthById(t.db, { userId: other.id, now })).get(theirs.id)).toMatchObject({ given: 6, received: 6 });
  });

  it("scores only the contacts asked for, and none of another user's", async () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const [a, b] = [await createContact(t.db, { userId: me.id }), await createContact(t.db, { userId: me.id })];
    const theirs = await createContact(t.db, { userId: other.id });
    const ids = async (contactIds: string[]) => [...(await contactHealthById(t.db, { userId: me.id, now, contactIds })).keys()].sort();
    expect(await ids([a.id])).toEqual([a.id]);
    expect(await ids([a.id, b.id])).toEqual([a.id, b.id].sort());
    expect(await ids([theirs.id])).toEqual([]);
    expect(await ids([a.id, theirs.id])).toEqual([a.id]);
    expect(await ids([])).toEqual([]);
  });

  it("gives the same numbers whatever the session time zone, across a DST change", async () => {
    // US clocks went forward on 2026-03-08: a calendar "1 day" in New York
    // that weekend is 23 hours, which must not move a window edge.
    const now = new Date("2026-03-09T12:00:00Z");
    const user = await createUser(t.db, { defaultCadenceDays: 1 });
    const created = new Date(now.getTime() - 10 * DAY_MS);
    const daily = await createContact(t.db, { userId: user.id, createdAt: created });
    const weekly = await createContact(t.db, { userId: user.id, createdAt: created, cadenceDays: 7 });
    const exactly = (days: number, ms = 0) => new Date(now.getTime() - days * DAY_MS + ms);
    const touches: [string, Date, ValueDirection | null][] = [
      [daily.id, exactly(1), null],
      [daily.id, exactly(2, 1), "given"],
      [daily.id, exactly(3, -1), "received"],
      [weekly.id, exactly(7), null],
      [weekly.id, exactly(8), "given"],
    ];
    await t.db.transaction(async (tx) => {
      for (const [contactId, occurredAt, valueDirection] of touches) {
        await insertTouch(tx, {
          userId: user.id,
          touch: { occurredAt, channel: "message", valueKind: valueDirection && "other", valueDirection, contactIds: [contactId] },
        });
      }
    });
    const expected = new Map(
      [daily, weekly].map((c) => [
        c.id,
        modelHealth(
          {
            cadenceDays: c.id === daily.id ? 1 : 7,
            createdAt: c.createdAt,
            touches: touches.filter(([id]) => id === c.id).map(([, occurredAt, valueDirection]) => ({ occurredAt, valueDirection })),
          },
          now,
        ),
      ]),
    );
    const inZone = (zone: string) =>
      t.db.transaction(async (tx) => {
        // A transaction holds one connection on both drivers, so the setting applies.
        await tx.execute(sql`select set_config('TimeZone', ${zone}, true)`);
        const [row] = await tx
          .select({ zone: sql<string>`current_setting('TimeZone')` })
          .from(users)
          .where(eq(users.id, user.id));
        expect(row?.zone).toBe(zone);
        return contactHealthById(tx, { userId: user.id, now });
      });
    const utc = await inZone("UTC");
    for (const [id, health] of expected) expectSameHealth(utc.get(id), health, id);
    for (const zone of ["America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham"]) {
      expect(await inZone(zone), zone).toEqual(utc);
    }
  });
});

