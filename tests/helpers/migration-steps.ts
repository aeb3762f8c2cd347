import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { migrationsFolder } from "@/db/migrate";

// Applies migrations by hand, statement by statement, so a test can apply the
// schema up to one migration, insert the rows it must cope with, then apply it.

function statementsOf(tag: string): string[] {
  return readFileSync(path.join(migrationsFolder, `${tag}.sql`), "utf8")
    .split("--> statement-breakpoint")
    .filter((statement) => statement.trim() !== "");
}

export async function applyMigrations(db: Db, tags: string[]): Promise<void> {
  for (const tag of tags) for (const statement of statementsOf(tag)) await db.execute(sql.raw(statement));
}

// Every migration before `tag`, in the journal's order.
export async function applyMigrationsBefore(db: Db, tag: string): Promise<void> {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  const tags = journal.entries.map((entry) => entry.tag);
  if (!tags.includes(tag)) throw new Error(`no migration ${tag}`);
  await applyMigrations(db, tags.slice(0, tags.indexOf(tag)));
}
