import { and, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listContactsAfter, listContactsBefore } from "@/db/queries/contacts";
import { type ContactSortKey, rangesAfter, rangesBefore } from "@/db/queries/contacts-keyset";
import { contacts } from "@/db/schema";
import { CONTACT_SORTS, type ContactSort } from "@/lib/domain/enums";
import { bandOf } from "@/lib/health/model";
import { rowsOf } from "@/db/queries/rows";
import { createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

// Few distinct values, so ties are the rule: the same name in two cases, the
// same instant, instants a microsecond apart (a cursor rounded to
// milliseconds would skip or repeat them), and nulls, which sort last.
const BASE_TIMES = ["2026-03-01T09:00:00.000Z", "2026-03-01T09:00:00.001Z", "2026-06-15T12:00:00.000Z"];
const rowArbitrary = fc.record({
  name: fc.constantFrom("Ada", "ada", "Bob", "Zoë", "Émile", "bob "),
  lastTouch: fc.option(fc.record({ base: fc.constantFrom(...BASE_TIMES), micros: fc.integer({ min: 0, max: 2 }) }), { nil: null }),
  nextDue: fc.option(fc.record({ base: fc.constantFrom(...BASE_TIMES), micros: fc.integer({ min: 0, max: 2 }) }), { nil: null }),
  score: fc.option(fc.constantFrom(10, 50, 50, 90), { nil: null }),
  archived: fc.boolean(),
});

type Time = { base: string; micros: number } | null;
type Row = { name: string; lastTouch: Time; nextDue: Time; score: number | null; archived: boolean };

async function seed(rows: Row[]): Promise<string> {
  const user = await createUser(t.db);
  if (rows.length === 0) return user.id;
  const at = (value: Time) =>
    value ? sql`${value.base}::timestamptz + make_interval(secs => ${value.micros} * 0.000001)` : sql`null`;
  for (const row of rows) {
    await t.db.insert(contacts).values({
      userId: user.id,
      name: row.name,
      lastTouchedAt: at(row.lastTouch),
      nextDueAt: at(row.nextDue),
      healthScore: row.score,
      healthBand: row.score === null ? null : bandOf(row.score),
      archivedAt: row.archived ? new Date("2026-07-01T00:00:00Z") : null,
    });
  }
  return user.id;
}

// Each order's index, the order it is read in, and that order reversed.
const INDEXES: Record<ContactSort, { index: string; order: SQL[]; reversed: SQL[] }> = {
  name: {
    index: "contacts_user_name_idx",
    order: [sql`lower(${contacts.name})`, sql`${contacts.id}`],
    reversed: [sql`lower(${contacts.name}) desc`, sql`${contacts.id} desc`],
  },
  last_touch: {
    index: "contacts_user_last_touched_idx",
    order: [sql`${contacts.lastTouchedAt} desc nulls last`, sql`${contacts.id}`],
    reversed: [sql`${contacts.lastTouchedAt} asc nulls first`, sql`${contacts.id} desc`],
  },
  next_due: {
    index: "contacts_user_next_due_idx",
    order: [sql`${contacts.nextDueAt}`, sql`${contacts.id}`],
    reversed: [sql`${contacts.nextDueAt} desc`, sql`${contacts.id} desc`],
  },
  health: {
    index: "contacts_user_health_idx",
    order: [sql`${contacts.healthScore} asc nulls last`, sql`lower(${contacts.name})`, sql`${contacts.id}`],
    reversed: [sql`${contacts.healthScore} desc nulls first`, sql`lower(${contacts.name}) desc`, sql`${contacts.id} desc`],
  },
};

// Forwards from the first page to the last by `next`, then back to the first
// by `prev`: each page's ids, in the order they were read.
async function walk(userId: string, sort: ContactSort, pageSize: number, archived: boolean) {
  const list = { userId, sort, archived, pageSize };
  const forwards: string[][] = [];
  let page = await listContactsAfter(t.db, list);
  forwards.push(page.rows.map((row) => row.id));
  expect(page.prev).toBeNull();
  while (page.next) {
    expect(page.rows).toHaveLength(pageSize);
    page = await listContactsAfter(t.db, { ...list, after: page.next });
    forwards.push(page.rows.map((row) => row.id));
    if (forwards.length > 200) throw new Error("the cursor never reached the end");
  }
  const backwards = [page.rows.map((row) => row.id)];
  while (page.prev) {
    page = await listContactsBefore(t.db, { ...list, before: page.prev });
    expect(page.rows).toHaveLength(pageSize);
    backwards.push(page.rows.map((row) => row.id));
    if (backwards.length > 200) throw new Error("the cursor never reached the start");
  }
  return { forwards, backwards };
}

// The whole list in one query, ordered as its index is: what the pages must add up to.
async function bigQuery(userId: string, sort: ContactSort, archived: boolean): Promise<string[]> {
  const rows = await t.db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), archived ? isNotNull(contacts.archivedAt) : isNull(contacts.archivedAt)))
    .orderBy(...INDEXES[sort].order);
  return rows.map((row) => row.id);
}

describe("listContactsAfter (keyset pages)", () => {
  it("walks every contact exactly once forwards and back, in the order of one big query, for every sort", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArbitrary, { maxLength: 24 }),
        fc.constantFrom(...CONTACT_SORTS),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        async (rows, sort, pageSize, archived) => {
          const userId = await seed(rows);
          const { forwards, backwards } = await walk(userId, sort, pageSize, archived);
          expect(forwards.flat()).toEqual(await bigQuery(userId, sort, archived));
          // Back from the last page, the same pages as forwards, each whole:
          // the list is cut from its start either way.
          expect([...backwards].reverse()).toEqual(forwards);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("keeps the other filters on every page", async () => {
    const userId = await seed(
      Array.from({ length: 9 }, (_, index) => ({
        name: index % 2 === 0 ? "Zed" : "Amy",
        lastTouch: null,
        nextDue: null,
        score: index % 3 === 0 ? 20 : 80,
        archived: false,
      })),
    );
    let after: ContactSortKey | null = null;
    const bands: string[] = [];
    do {
      const page: Awaited<ReturnType<typeof listContactsAfter>> = await listContactsAfter(t.db, {
        userId,
        sort: "health",
        band: "thriving",
        after,
        pageSize: 2,
      });
      bands.push(...page.rows.map((row) => row.band ?? "none"));
      after = page.next;
    } while (after);
    expect(bands).toEqual(Array.from({ length: 6 }, () => "thriving"));
  });

  it("shows another user's contacts to nobody", async () => {
    const owner = await seed([{ name: "Ada", lastTouch: null, nextDue: null, score: null, archived: false }]);
    const other = await createUser(t.db);
    const page = await listContactsAfter(t.db, { userId: other.id, sort: "name", after: null, pageSize: 10 });
    expect(page.rows).toEqual([]);
    const [mine] = await t.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.userId, owner));
    expect(mine).toBeDefined();
  });
});

const ID = "6f1c1d36-8a3e-4a43-9c1a-0c1f5b7b8e11";
const AT = "2026-03-01T09:00:00.000123Z";
const KEYS: ContactSortKey[] = [
  { sort: "name", name: "name 40", id: ID },
  { sort: "last_touch", at: AT, id: ID },
  { sort: "last_touch", at: null, id: ID },
  { sort: "next_due", at: AT, id: ID },
  { sort: "next_due", at: null, id: ID },
  { sort: "health", score: 40, name: "name 40", id: ID },
  { sort: "health", score: null, name: "name 40", id: ID },
];

describe("the keyset ranges", () => {
  // A page deep in the list must cost what the first does: every range is
  // where the index scan starts (an Index Cond), never a filter over the
  // rows before it. Only the rows tied on one instant (last_touch's first
  // range) may be gathered and sorted, as few as share that instant.
  it("are each a seek on the order's index", async () => {
    const user = await createUser(t.db);
    await t.db.execute(sql`insert into contacts (user_id, name, last_touched_at, next_due_at, health_score, health_band)
      select ${user.id}, 'Name ' || (g % 97),
        case when g % 7 = 0 then null else ${AT}::timestamptz - (g % 50) * interval '1 hour' end,
        case when g % 11 = 0 then null else ${AT}::timestamptz + (g % 50) * interval '1 hour' end,
        case when g % 13 = 0 then null else g % 100 end,
        case when g % 13 = 0 then null else 'steady' end
      from generate_series(1, 3000) g`);
    await t.db.execute(sql`analyze contacts`);
    // After a key the index is read forwards; before it, backwards.
    const directions = [
      { ranges: rangesAfter, order: (sort: ContactSort) => INDEXES[sort].order, scan: "Index Scan" },
      { ranges: rangesBefore, order: (sort: ContactSort) => INDEXES[sort].reversed, scan: "Index Scan Backward" },
    ];
    for (const direction of directions) {
      for (const key of KEYS) {
        const { index } = INDEXES[key.sort];
        for (const [position, range] of direction.ranges(key).entries()) {
          const page = t.db
            .select({ id: contacts.id })
            .from(contacts)
            .where(and(eq(contacts.userId, user.id), isNull(contacts.archivedAt), range))
            .orderBy(...direction.order(key.sort))
            .limit(26);
          const plan = rowsOf<Record<string, string>>(await t.db.execute(sql`explain ${page}`))
            .map((row) => Object.values(row)[0])
            .join("\n");
          const label = `${direction.scan}: ${JSON.stringify(key)}, range ${position + 1}\n${plan}`;
          const isTieGroup = key.sort === "last_touch" && key.at !== null && position === 0;
          // The tie group is a seek whichever way it is read: (user, instant, id) bounds it.
          const scan = isTieGroup ? "(Index Scan|Index Scan Backward|Bitmap Index Scan)" : direction.scan;
          expect(plan, label).toMatch(new RegExp(`${scan} (using|on) ${index}`));
          expect(plan, label).toMatch(/Index Cond: .*(name|touched|due|health_score)/);
          expect(plan, label).not.toMatch(/Seq Scan|Filter: .*(name|touched|due|health_score)/);
          if (!isTieGroup) expect(plan, label).not.toContain("Sort");
        }
      }
    }
  });
});
