import { and, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";

// Deletes up to `limit` rows that match `matches`, found by their key;
// returns how many. The condition is checked again on each row deleted, so
// a row that stopped matching in between (a counter reset by a new hit)
// survives, and any number of servers may prune at once: what another has
// deleted is simply not deleted twice.
export async function deleteBatch(
  db: Db,
  table: PgTable,
  { matches, key, limit }: { matches: SQL; key: PgColumn[]; limit: number },
): Promise<number> {
  const columns = sql.join(key, sql`, `);
  const deleted = await db
    .delete(table)
    .where(and(matches, sql`(${columns}) in (select ${columns} from ${table} where ${matches} limit ${limit})`))
    .returning({ one: sql`1` });
  return deleted.length;
}
