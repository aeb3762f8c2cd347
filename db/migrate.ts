import path from "node:path";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { DbHandle } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// Any constant shared by every Kith instance: they queue on it at start.
const MIGRATION_LOCK_KEY = 4_521_337;

export async function migrateDb(handle: DbHandle, databaseUrl?: string): Promise<void> {
  if (handle.engine === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  if (!databaseUrl) throw new Error("migrateDb needs the database URL for PostgreSQL");
  // One connection, so the session-level advisory lock covers the whole run:
  // instances starting together apply each migration once.
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzle(client), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
