import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listContacts as listContactsByPage, listContactsAfter } from "@/db/queries/contacts";
import type { ContactSortKey } from "@/db/queries/contacts-keyset";
import { contacts } from "@/db/schema";
import { CONTACT_SORTS, type ContactSort } from "@/lib/domain/enums";
import { bandOf } from "@/lib/health/model";
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

async function walk(userId: string, sort: ContactSort, pageSize: number, archived: boolean): Promise<string[]> {
  const seen: string[] = [];
  let after: ContactSortKey | null = null;
  for (let pages = 0; pages < 200; pages++) {
    const page: Awaited<ReturnType<typeof listContactsAfter>> = await listContactsAfter(t.db, {
      userId,
      sort,
      archived,
      after,
      pageSize,
    });
    seen.push(...page.rows.map((row) => row.id));
    if (!page.next) return seen;
    expect(page.rows).toHaveLength(pageSize);
    after = page.next;
  }
  throw new Error("the cursor never reached the end");
}

describe("listContactsAfter (keyset pages)", () => {
  it("walks every contact exactly once, in the order of one big query, for every sort", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArbitrary, { maxLength: 24 }),
        fc.constantFrom(...CONTACT_SORTS),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        async (rows, sort, pageSize, archived) => {
          const userId = await seed(rows);
          const all = await listContactsByPage(t.db, { userId, sort, archived, page: 1, pageSize: 1000 });
          expect(await walk(userId, sort, pageSize, archived)).toEqual(all.rows.map((row) => row.id));
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
