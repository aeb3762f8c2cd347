import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
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

const DOMAIN_TABLES = [
  "accounts",
  "api_tokens",
  "circles",
  "contact_circles",
  "contact_emails",
  "contact_links",
  "contact_phones",
  "contacts",
  "digest_deliveries",
  "events",
  "goals",
  "idempotency_keys",
  "import_rows",
  "imports",
  "interaction_contacts",
  "interactions",
  "job_roles",
  "learning_items",
  "learning_skills",
  "outbox_messages",
  "rate_limits",
  "sessions",
  "skill_levels",
  "skill_teachers",
  "skills",
  "stepping_stone_changes",
  "stepping_stones",
  "stone_events",
  "stone_people",
  "stone_skills",
  "stone_wins",
  "successes",
  "users",
  "verification_tokens",
  "win_people",
  "win_skills",
  "wins",
];

describe("migrations", () => {
  it("create every table of the domain", async () => {
    expect(await tableNames()).toEqual(DOMAIN_TABLES);
  });

  it("apply twice without error or change", async () => {
    const before = await tableNames();
    await migrateDb(t, t.databaseUrl);
    expect(await tableNames()).toEqual(before);
  });

  it("install pg_trgm and btree_gin on both engines", async () => {
    const [row] = await t.db
      .select({ score: sql<number>`similarity('Lovelace', 'Lovelac')` })
      .from(sql`(select 1) as one`);
    expect(Number(row?.score)).toBeGreaterThan(0.5);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("migrations on a PostgreSQL server", () => {
  it("apply once when several instances start together", async () => {
    const fresh = await createTestDb({ migrate: false });
    const url = fresh.databaseUrl ?? "";
    const instances = await Promise.all([1, 2, 3].map(() => openDb({ databaseUrl: url, max: 2 })));
    try {
      await Promise.all(instances.map((instance) => migrateDb(instance, url)));
      const applied = await fresh.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      const rows = applied as unknown as { n: number }[];
      expect(rows[0]?.n).toBeGreaterThan(0);
      const [{ n: tables } = { n: 0 }] = (await fresh.db.execute(
        sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
      )) as unknown as { n: number }[];
      expect(tables).toBe(DOMAIN_TABLES.length);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await fresh.close();
    }
  });
});
