import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import postgres from "postgres";
import { inject } from "vitest";
import { type DbHandle, openDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";

export type TestDb = DbHandle & { databaseUrl?: string };

let migrated: Promise<Blob | undefined> | undefined;

// The migrated database tests/global-setup.ts dumped for this run, if any:
// loading it takes a third of the time of a new cluster plus the migrations.
function migratedDump(): Promise<Blob | undefined> {
  const file = inject("pgliteMigratedDump");
  migrated ??= file ? readFile(file).then((bytes) => new Blob([bytes])) : Promise.resolve(undefined);
  return migrated;
}

// A fresh, migrated database per test file: PGlite in memory by default, a new
// database on the PostgreSQL server when TEST_DATABASE_URL is set.
export async function createTestDb(options: { migrate?: boolean } = {}): Promise<TestDb> {
  const migrate = options.migrate ?? true;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const from = migrate ? await migratedDump() : undefined;
    const handle = await openDb({ dataDir: undefined, from });
    if (migrate && !from) await migrateDb(handle);
    return handle;
  }
  const name = `kith_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const handle = await openDb({ databaseUrl, max: 4 });
  if (migrate) await migrateDb(handle, databaseUrl);
  return {
    ...handle,
    databaseUrl,
    close: async () => {
      await handle.close();
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
