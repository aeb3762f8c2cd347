import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/queries/rows";

// What a call changed, read from the catalog so a new table is covered
// without being listed: a digest (count and md5 of every row's text) per
// table, of the whole database or of one user's rows.

export type Fingerprint = Record<string, string>;

type Owned = { table: string; where: string };

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function publicTables(db: Db): Promise<string[]> {
  const result = await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  return rowsOf<{ table_name: string }>(result).map((row) => row.table_name);
}

let ownedCache: Promise<Owned[]> | undefined;

// A user's rows: `users` by id, tables with a user_id, and tables whose
// foreign key points at one of those (an import's rows, by import_id).
async function ownedTables(db: Db): Promise<Owned[]> {
  const columns = rowsOf<{ table_name: string }>(
    await db.execute(
      sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'user_id' order by 1`,
    ),
  ).map((row) => row.table_name);
  const withUserId = new Set(columns);
  const keys = rowsOf<{ child: string; column_name: string; parent: string }>(
    await db.execute(sql`
      select c.conrelid::regclass::text as child, a.attname as column_name, c.confrelid::regclass::text as parent
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and array_length(c.conkey, 1) = 1 and c.connamespace = 'public'::regnamespace
      order by 1, 2`),
  );
  const owned: Owned[] = [{ table: "users", where: "id = $user" }];
  for (const table of withUserId) owned.push({ table, where: "user_id = $user" });
  for (const key of keys) {
    const child = key.child.replaceAll('"', "");
    const parent = key.parent.replaceAll('"', "");
    if (withUserId.has(child) || child === "users" || !withUserId.has(parent)) continue;
    if (owned.some((entry) => entry.table === child)) continue;
    owned.push({
      table: child,
      where: `${quote(key.column_name)} in (select id from ${quote(parent)} where user_id = $user)`,
    });
  }
  return owned;
}

function digestQuery(parts: { table: string; where?: string }[]): string {
  return parts
    .map(
      ({ table, where }) =>
        `select '${table}' as name, count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from ${quote(table)} t${where ? ` where ${where}` : ""}`,
    )
    .join(" union all ");
}

async function run(db: Db, query: string): Promise<Fingerprint> {
  const result = await db.execute(sql.raw(query));
  const fingerprint: Fingerprint = {};
  for (const row of rowsOf<{ name: string; digest: string }>(result)) fingerprint[row.name] = row.digest;
  return fingerprint;
}

/** Every table of the database, whoever owns the rows. */
export async function databaseFingerprint(db: Db): Promise<Fingerprint> {
  return run(db, digestQuery((await publicTables(db)).map((table) => ({ table }))));
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One user's rows, in every table that holds some. */
export async function userFingerprint(db: Db, userId: string): Promise<Fingerprint> {
  if (!uuidPattern.test(userId)) throw new Error(`not a user id: ${userId}`);
  ownedCache ??= ownedTables(db);
  const owned = await ownedCache;
  return run(db, digestQuery(owned.map(({ table, where }) => ({ table, where: where.replaceAll("$user", `'${userId}'`) }))));
}

/** The tables userFingerprint reads, for a test to check it covers the ones it expects. */
export async function userOwnedTables(db: Db): Promise<string[]> {
  ownedCache ??= ownedTables(db);
  return (await ownedCache).map((entry) => entry.table).sort();
}
