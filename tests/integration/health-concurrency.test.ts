import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, openDb } from "@/db/client";
import { contactHealthById, ensureFreshHealth, refreshStoredHealth } from "@/db/queries/health";
import { insertTouch } from "@/db/queries/touches-write";
import { contacts, users } from "@/db/schema";
import { createContact, createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

const DAY = 86_400_000;
const ROUNDS = 10;
// Enough that a touch's statements find its contacts through the primary key
// (in id order) while the rescoring reads all of them (in the table's order).
const CONTACTS = 120;

// Row locks only conflict between connections: PGlite has one, so every
// call there runs after the other and nothing can deadlock. This needs
// TEST_DATABASE_URL (a PostgreSQL server) to mean anything.
describe.runIf(process.env.TEST_DATABASE_URL)("the day's rescoring beside concurrent touches, on PostgreSQL", () => {
  let t: TestDb;
  let pool: DbHandle;
  beforeAll(async () => {
    t = await createTestDb();
    pool = await openDb({ databaseUrl: t.databaseUrl ?? "", max: 8 });
  });
  afterAll(async () => {
    await pool?.close();
    await t?.close();
  });

  // Touches several contacts in one transaction, as logTouch does.
  async function touch(userId: string, contactIds: string[]) {
    const row = await pool.db.transaction((tx) =>
      insertTouch(tx, { userId, touch: { occurredAt: new Date(Date.now() - DAY), channel: "call", contactIds } }),
    );
    if (!row) throw new Error("touch not written");
  }

  it("does not wait for a contact row a touch holds, and leaves that one to the touch", async () => {
    const { id: userId } = await createUser(t.db, { defaultCadenceDays: 30 });
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const { id } = await createContact(t.db, { userId, createdAt: new Date(Date.now() - 200 * DAY) });
      ids.push(id);
    }
    const [held = "", ...free] = ids;
    await t.db.update(contacts).set({ healthScore: 101 }).where(eq(contacts.userId, userId));
    await t.db
      .update(users)
      .set({ healthRefreshedAt: new Date(Date.now() - DAY) })
      .where(eq(users.id, userId));
    const storedScores = async () => {
      const rows = await t.db
        .select({ id: contacts.id, score: contacts.healthScore })
        .from(contacts)
        .where(eq(contacts.userId, userId));
      return new Map(rows.map((row) => [row.id, row.score]));
    };

    await pool.db.transaction(async (tx) => {
      // Holds the row as a touch's schedule refresh does, until it commits.
      await tx.update(contacts).set({ updatedAt: new Date() }).where(eq(contacts.id, held));
      // Waiting for that row here would never end: this transaction commits after.
      await ensureFreshHealth(pool.db, { userId, now: new Date() });
      const model = await contactHealthById(t.db, { userId, now: new Date() });
      const scores = await storedScores();
      expect(free.map((id) => scores.get(id))).toEqual(free.map((id) => model.get(id)?.score));
      expect(scores.get(held)).toBe(101);
      await refreshStoredHealth(tx, { userId, now: new Date(), contactIds: [held] });
    });
    const model = await contactHealthById(t.db, { userId, now: new Date() });
    expect((await storedScores()).get(held)).toBe(model.get(held)?.score);
  });

  it("never deadlocks, and leaves every contact's stored health as the model computes it", async () => {
    const { id: userId } = await createUser(t.db, { defaultCadenceDays: 30 });
    const ids: string[] = [];
    for (let index = 0; index < CONTACTS; index += 1) {
      const { id } = await createContact(t.db, { userId, createdAt: new Date(Date.now() - 200 * DAY) });
      ids.push(id);
    }
    await t.db.execute(sql`analyze contacts`);
    await touch(userId, ids);

    for (let round = 0; round < ROUNDS; round += 1) {
      // A new day for the user, and scores the model never gives, so the
      // rescoring has every row to write while the touches lock theirs.
      await t.db.update(contacts).set({ healthScore: 101 }).where(eq(contacts.userId, userId));
      await t.db
        .update(users)
        .set({ healthRefreshedAt: new Date(Date.now() - DAY) })
        .where(eq(users.id, userId));
      const some = ids.filter((_, index) => (index + round) % 7 === 0);
      const results = await Promise.allSettled([
        ensureFreshHealth(pool.db, { userId, now: new Date() }),
        touch(userId, some),
        touch(userId, [...some].reverse()),
        ensureFreshHealth(pool.db, { userId, now: new Date() }),
        touch(userId, ids.slice(round * 8, round * 8 + 40)),
      ]);
      const failures = results.flatMap((result) => (result.status === "rejected" ? [String(result.reason)] : []));
      expect(failures).toEqual([]);

      const stored = await t.db
        .select({ id: contacts.id, score: contacts.healthScore, band: contacts.healthBand })
        .from(contacts)
        .where(eq(contacts.userId, userId));
      const model = await contactHealthById(t.db, { userId, now: new Date() });
      for (const row of stored) {
        const expected = model.get(row.id);
        expect({ id: row.id, score: row.score, band: row.band }).toEqual({
          id: row.id,
          score: expected?.score,
          band: expected?.band,
        });
      }
    }
  }, 180_000);
});
