import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { interactionContacts } from "@/db/schema";
import { applyMigrations, applyMigrationsBefore } from "../helpers/migration-steps";
import { createTestDb, type TestDb } from "../helpers/test-db";

// Migration 0017 copies each touch's value direction onto its contact links.
// Applied by hand on both engines: the schema up to 0016, touches of every
// kind, then 0017.
const VALUE_ON_LINKS = "0017_value_on_links";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ migrate: false });
});
afterAll(async () => {
  await t?.close();
});

describe(`migration ${VALUE_ON_LINKS}`, () => {
  it("gives every existing link its touch's direction, and none to a touch that added no value", async () => {
    await applyMigrationsBefore(t.db, VALUE_ON_LINKS);
    const [me, other] = ["me", "other"].map(() => crypto.randomUUID());
    await t.db.execute(sql`insert into users (id, email) values (${me}, 'me@kith.example'), (${other}, 'other@kith.example')`);
    const contact = async (userId: string | undefined) => {
      const id = crypto.randomUUID();
      await t.db.execute(sql`insert into contacts (id, user_id, name) values (${id}, ${userId}, 'Ada')`);
      return id;
    };
    const [ada, bo, theirs] = [await contact(me), await contact(me), await contact(other)];
    const touch = async (userId: string | undefined, contactIds: (string | undefined)[], value: [string, string] | null) => {
      const id = crypto.randomUUID();
      await t.db.execute(sql`insert into interactions (id, user_id, occurred_at, channel, value_kind, value_direction)
        values (${id}, ${userId}, '2026-11-01T10:00:00Z', 'call', ${value?.[0] ?? null}::value_kind, ${value?.[1] ?? null}::value_direction)`);
      for (const contactId of contactIds) {
        await t.db.execute(sql`insert into interaction_contacts (user_id, interaction_id, contact_id, occurred_at)
          values (${userId}, ${id}, ${contactId}, '2026-11-01T10:00:00Z')`);
      }
      return id;
    };
    const given = await touch(me, [ada, bo], ["introduction", "given"]);
    const received = await touch(me, [ada], ["advice", "received"]);
    const plain = await touch(me, [bo], null);
    const theirGiven = await touch(other, [theirs], ["referral", "given"]);

    await applyMigrations(t.db, [VALUE_ON_LINKS]);

    const rows = await t.db.select().from(interactionContacts);
    const links = rows.map((row) => [row.interactionId, row.contactId, row.valueDirection]);
    expect(links).toHaveLength(5);
    expect(links).toEqual(
      expect.arrayContaining([
        [given, ada, "given"],
        [given, bo, "given"],
        [received, ada, "received"],
        [plain, bo, null],
        [theirGiven, theirs, "given"],
      ]),
    );
  });
});
