import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listContactsAfter, type ListContactsParams } from "@/db/queries/contacts";
import type { ContactSortKey } from "@/db/queries/contacts-keyset";
import type { ContactListRow } from "@/lib/domain/contacts";
import { refreshStoredHealth } from "@/db/queries/health";
import { insertTouch } from "@/db/queries/touches-write";
import { contacts } from "@/db/schema";
import type { ValueDirection } from "@/lib/domain/enums";
import { contactHealth, HEALTH_BANDS, type HealthTouch } from "@/lib/health/model";
import { createContact, createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;

const DAY = 86_400_000;
const NOW = new Date("2026-06-15T12:00:00Z");
const CREATED = new Date(NOW.getTime() - 200 * DAY);
const CADENCE = 30;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

type Person = { id: string; name: string; createdAt: Date; touches: HealthTouch[] };

let me: string;
let stranger: string;
const mine = new Map<string, Person>();
const theirs = new Map<string, Person>();

async function person(
  userId: string,
  book: Map<string, Person>,
  name: string,
  touches: [days: number, direction?: ValueDirection][],
): Promise<Person> {
  const row = await createContact(t.db, { userId, name, createdAt: CREATED });
  const made: Person = { id: row.id, name, createdAt: CREATED, touches: [] };
  for (const [days, direction] of touches) {
    const occurredAt = daysAgo(days);
    const touch = {
      occurredAt,
      channel: "call" as const,
      contactIds: [row.id],
      valueKind: direction ? ("advice" as const) : null,
      valueDirection: direction ?? null,
    };
    const written = await t.db.transaction((tx) => insertTouch(tx, { userId, touch }));
    if (!written) throw new Error(`touch of ${name} not written`);
    made.touches.push({ occurredAt, valueDirection: direction ?? null });
  }
  book.set(row.id, made);
  return made;
}

// What the pure model says of a contact, from the touches this file logged.
function expected(found: Person) {
  return contactHealth({ cadenceDays: CADENCE, createdAt: found.createdAt, touches: found.touches, now: NOW });
}

async function list(params: Partial<ListContactsParams> & { userId: string; after?: ContactSortKey | null; pageSize?: number }) {
  return listContactsAfter(t.db, { sort: "name", pageSize: 50, now: NOW, ...params });
}

const names = (rows: ContactListRow[]) => rows.map((row) => row.name);

beforeAll(async () => {
  t = await createTestDb();
  me = (await createUser(t.db, { defaultCadenceDays: CADENCE })).id;
  stranger = (await createUser(t.db, { defaultCadenceDays: CADENCE })).id;

  // A touch in each of the last four windows, value both ways: 100.
  await person(me, mine, "Thea", [[1, "given"], [35, "received"], [65, "given"], [95, "received"]]);
  // Touched within the cadence, one window of four, no value: about 57.
  await person(me, mine, "Stella", [[10]]);
  // One cadence late, one window, value given once: about 38.
  await person(me, mine, "Faye", [[60, "given"]]);
  // Never touched in 200 days: about 1, a tie that the name (without case) breaks.
  await person(me, mine, "dora", []);
  await person(me, mine, "Dan", []);
  // Scored like Thea until archived; archived contacts have no health.
  const archie = await person(me, mine, "Archie", [[1, "given"], [35, "received"], [65, "given"], [95, "received"]]);
  await t.db.update(contacts).set({ archivedAt: NOW }).where(eq(contacts.id, archie.id));

  // Someone else's book, in every band, touched on the same days and more.
  await person(stranger, theirs, "Thea", [[1, "given"], [2, "given"], [35, "received"], [65, "given"], [95, "received"]]);
  await person(stranger, theirs, "Stella", [[3, "received"]]);
  await person(stranger, theirs, "Faye", [[61]]);
  await person(stranger, theirs, "Dan", []);

  // Touches stored health as of the real clock, and untouched contacts have
  // none yet: store everyone's as of NOW, as the day's first read would.
  await refreshStoredHealth(t.db, { userId: me, now: NOW });
  await refreshStoredHealth(t.db, { userId: stranger, now: NOW });
});

afterAll(async () => {
  await t?.close();
});

describe("listContacts and health", () => {
  it("the setup covers every band, so each filter below is tested on a real match", () => {
    const bands = [...mine.values()].filter((found) => found.name !== "Archie").map((found) => expected(found).band);
    expect(new Set(bands)).toEqual(new Set(HEALTH_BANDS));
  });

  it("filters by band: only that band's contacts, whatever the order", async () => {
    expect(names((await list({ userId: me, band: "thriving" })).rows)).toEqual(["Thea"]);
    expect(names((await list({ userId: me, band: "steady" })).rows)).toEqual(["Stella"]);
    expect(names((await list({ userId: me, band: "fading" })).rows)).toEqual(["Faye"]);
    expect(names((await list({ userId: me, band: "dormant" })).rows)).toEqual(["Dan", "dora"]);
    for (const sort of ["name", "last_touch", "next_due", "health"] as const) {
      const { rows } = await list({ userId: me, band: "dormant", sort });
      expect(new Set(names(rows))).toEqual(new Set(["Dan", "dora"]));
      expect(rows.every((row) => row.band === "dormant")).toBe(true);
    }
  });

  it("combines the band with the other filters", async () => {
    expect(names((await list({ userId: me, band: "dormant", q: "dor" })).rows)).toEqual(["dora"]);
    expect(names((await list({ userId: me, band: "thriving", q: "dor" })).rows)).toEqual([]);
  });

  it("sorts by health: lowest score first, ties by name without case, archived never mixed in", async () => {
    const { rows, next } = await list({ userId: me, sort: "health" });
    expect(names(rows)).toEqual(["Dan", "dora", "Faye", "Stella", "Thea"]);
    expect(next).toBeNull();
    const scores = rows.map((row) => row.score ?? Number.NaN);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  it("pages the health order without overlap", async () => {
    const pages = [];
    let after: ContactSortKey | null = null;
    for (let page = 1; page <= 3; page++) {
      const found: Awaited<ReturnType<typeof list>> = await list({ userId: me, sort: "health", after, pageSize: 2 });
      pages.push(found);
      after = found.next;
    }
    expect(pages.map((found) => names(found.rows))).toEqual([["Dan", "dora"], ["Faye", "Stella"], ["Thea"]]);
    expect(pages.map((found) => found.next !== null)).toEqual([true, true, false]);
  });

  it("gives every row the model's score and band, whether the page joined health or not", async () => {
    for (const sort of ["name", "last_touch", "next_due", "health"] as const) {
      const { rows } = await list({ userId: me, sort });
      expect(rows).toHaveLength(5);
      for (const row of rows) {
        const found = mine.get(row.id);
        if (!found) throw new Error(`unexpected row ${row.name}`);
        const health = expected(found);
        expect({ name: row.name, score: row.score, band: row.band }).toEqual({
          name: found.name,
          score: health.score,
          band: health.band,
        });
      }
    }
  });

  it("gives archived contacts no score or band, even one stored before archiving, and no band matches them", async () => {
    const archie = [...mine.values()].find((found) => found.name === "Archie");
    if (!archie) throw new Error("no Archie");
    for (const isStale of [false, true]) {
      // Archived after the day's refresh, a contact keeps the score stored before until the next one.
      const stored = { healthScore: 100, healthBand: "thriving" as const, healthAsOf: NOW };
      if (isStale) await t.db.update(contacts).set(stored).where(eq(contacts.id, archie.id));
      for (const band of HEALTH_BANDS) expect((await list({ userId: me, archived: true, band })).rows).toEqual([]);
      for (const sort of ["name", "health"] as const) {
        const { rows } = await list({ userId: me, archived: true, sort });
        expect(rows.map(({ name, score, band }) => ({ name, score, band }))).toEqual([
          { name: "Archie", score: null, band: null },
        ]);
      }
    }
    await refreshStoredHealth(t.db, { userId: me, now: NOW });
  });

  it("never shows another user's contacts, and their touches change no one's score", async () => {
    const myIds = new Set(mine.keys());
    const theirIds = new Set(theirs.keys());
    for (const sort of ["name", "health"] as const) {
      for (const band of [undefined, ...HEALTH_BANDS]) {
        for (const archived of [false, true]) {
          const { rows: myRows } = await list({ userId: me, sort, band, archived });
          expect(myRows.every((row) => myIds.has(row.id))).toBe(true);
          const { rows: theirRows } = await list({ userId: stranger, sort, band, archived });
          expect(theirRows.every((row) => theirIds.has(row.id))).toBe(true);
        }
      }
    }
    const { rows } = await list({ userId: stranger, sort: "health" });
    expect(rows.map(({ id, score, band }) => ({ id, score, band }))).toEqual(
      [...theirs.values()]
        .map((found) => ({ id: found.id, name: found.name.toLowerCase(), ...expected(found) }))
        .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
        .map(({ id, score, band }) => ({ id, score, band })),
    );
    expect((await list({ userId: "00000000-0000-4000-8000-000000000000", sort: "health" })).rows).toEqual([]);
  });
});
