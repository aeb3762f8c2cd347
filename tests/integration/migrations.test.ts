import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDb } from "@/db/migrate";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

async function tableNames(): Promise<string[]> {
  const rows = await t.db
    .select({ name: sql<string>`table_name` })
    .from(sql`information_schema.tables`)
    .where(sql`table_schema = 'public'`);
  return rows.map((row) => row.name).sort();
}

describe("migrations", () => {
  it("create every table of the domain", async () => {
    expect(await tableNames()).toEqual([
      "accounts",
      "circles",
      "contact_circles",
      "contact_emails",
      "contact_links",
      "contact_phones",
      "contacts",
      "digest_deliveries",
      "events",
      "interaction_contacts",
      "interactions",
      "outbox_messages",
      "rate_limits",
      "sessions",
      "successes",
      "users",
      "verification_tokens",
    ]);
  });

  it("apply twice without error or change", async () => {
    const before = await tableNames();
    await migrateDb(t, t.databaseUrl);
    expect(await tableNames()).toEqual(before);
  });

  it("load pg_trgm on both engines", async () => {
    await t.db.execute(sql`create extension if not exists pg_trgm`);
    const [row] = await t.db
      .select({ score: sql<number>`similarity('Lovelace', 'Lovelac')` })
      .from(sql`(select 1) as one`);
    expect(Number(row?.score)).toBeGreaterThan(0.5);
  });
});
