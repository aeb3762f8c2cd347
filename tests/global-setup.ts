import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { TestProject } from "vitest/node";
import { pgliteExtensions } from "@/db/client";
import { migrationsFolder } from "@/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    // A migrated PGlite database (dumpDataDir), or "" on PostgreSQL.
    pgliteMigratedDump: string;
  }
}

// Once per run, on PGlite: migrate a database and dump it, so each test file
// starts from a copy instead of a new cluster plus every migration.
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("pgliteMigratedDump", "");
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "kith-test-"));
  const file = path.join(dir, "migrated.tar");
  const client = await PGlite.create("memory://", { extensions: pgliteExtensions });
  try {
    await migrate(drizzle(client), { migrationsFolder });
    await writeFile(file, Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer()));
  } finally {
    await client.close();
  }
  project.provide("pgliteMigratedDump", file);
  return () => rm(dir, { recursive: true, force: true });
}
