import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import { migrateDb } from "./migrate";
import { lockDataDir } from "./pglite-lock";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbHandle = {
  db: Db;
  engine: "pglite" | "postgres";
  close: () => Promise<void>;
};

// The same extensions on every open: a database created with one cannot be
// reopened without it.
export const pgliteExtensions = { pg_trgm, btree_gin };

export type OpenOptions =
  | { databaseUrl: string; max?: number }
  // `dataDir` undefined: an in-memory database (tests); `from`: start as a
  // copy of a dump (PGlite's dumpDataDir) instead of an empty cluster.
  | { dataDir: string | undefined; from?: Blob };

export async function openDb(options: OpenOptions): Promise<DbHandle> {
  if ("databaseUrl" in options) {
    const client = postgres(options.databaseUrl, { max: options.max ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return { db, engine: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const release = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  try {
    const client = await PGlite.create(options.dataDir ?? "memory://", {
      extensions: pgliteExtensions,
      loadDataDir: options.from,
    });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      engine: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export function defaultOpenOptions(): OpenOptions {
  const { DATABASE_URL, dataDir } = env();
  return DATABASE_URL ? { databaseUrl: DATABASE_URL } : { dataDir: path.join(dataDir, "pglite") };
}

async function openAndMigrate(): Promise<DbHandle> {
  const options = defaultOpenOptions();
  const handle = await openDb(options);
  await migrateDb(handle, "databaseUrl" in options ? options.databaseUrl : undefined);
  return handle;
}

// One connection (pool, or PGlite instance) per process, kept across hot reloads.
const globalForDb = globalThis as unknown as { kithDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  globalForDb.kithDb ??= openAndMigrate().catch((error: unknown) => {
    globalForDb.kithDb = undefined;
    throw error;
  });
  return globalForDb.kithDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}
