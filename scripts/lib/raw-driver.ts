import type { PGlite } from "@electric-sql/pglite";
import type { Logger } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { Sql } from "postgres";
import type { Db, DbHandle } from "@/db/client";
import * as schema from "@/db/schema";

export type CapturedQuery = { sql: string; params: unknown[] };

// The driver under a DbHandle, for timing SQL without drizzle in the way.
export type RawDriver = {
  query: (text: string, params: readonly unknown[]) => Promise<readonly unknown[]>;
  /** A Db on the same connection that records every statement drizzle sends, with its parameters. */
  capturing: (sink: CapturedQuery[]) => Db;
};

export function rawDriver(handle: DbHandle): RawDriver {
  // drizzle keeps the driver's client on the database object as $client.
  const client = (handle.db as unknown as { $client: unknown }).$client;
  const logger = (sink: CapturedQuery[]): Logger => ({
    logQuery: (query, params) => sink.push({ sql: query, params }),
  });
  if (handle.engine === "postgres") {
    const sql = client as Sql;
    return {
      // Unprepared, as drizzle sends its unnamed queries.
      query: (text, params) => sql.unsafe(text, params as never[], { prepare: false }),
      capturing: (sink) => drizzlePostgres(sql, { schema, logger: logger(sink) }) as unknown as Db,
    };
  }
  const pglite = client as PGlite;
  return {
    query: async (text, params) => (await pglite.query(text, [...params])).rows,
    capturing: (sink) => drizzlePglite(pglite, { schema, logger: logger(sink) }) as unknown as Db,
  };
}
