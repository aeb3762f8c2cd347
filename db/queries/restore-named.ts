import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { circles, skills } from "@/db/schema";
import { rowsOf } from "./rows";

const CHUNK = 5_000;

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) result.push(items.slice(start, start + CHUNK));
  return result;
}

// Restores records that are one per name for each user (circles, skills:
// a unique index on (user_id, lower(name))) and says which row each of the
// file's ids became. Names are compared as the database compares them,
// which is not JavaScript's toLowerCase for every letter ("İ"): one the
// account already has, or a second spelling in the file, is the same
// record, and the file can never run into the index halfway through.
export async function restoreByName(
  tx: Db,
  table: typeof circles | typeof skills,
  params: { userId: string; records: { id: string; name: string; createdAt: string }[] },
): Promise<Map<string, string>> {
  const { userId, records } = params;
  const rows = records.map((record) => ({ id: randomUUID(), user_id: userId, name: record.name, created_at: record.createdAt }));
  for (const chunk of chunks(rows)) {
    await tx.execute(sql`
      insert into ${table} (id, user_id, name, created_at)
      select id, user_id, name, created_at from json_populate_recordset(null::${table}, ${JSON.stringify(chunk)}::json)
      on conflict do nothing`);
  }
  const ids = new Map<string, string>();
  for (const chunk of chunks(records.map((record) => ({ key: record.id, name: record.name })))) {
    const found = await tx.execute(sql`
      select f.key, t.id
      from json_to_recordset(${JSON.stringify(chunk)}::json) as f(key text, name text)
      join ${table} t on t.user_id = ${userId} and lower(t.name) = lower(f.name)`);
    for (const row of rowsOf<{ key: string; id: string }>(found)) ids.set(row.key, row.id);
  }
  return ids;
}
