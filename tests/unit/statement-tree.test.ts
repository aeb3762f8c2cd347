import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, openDb } from "@/db/client";
import { rawDriver } from "@/scripts/lib/raw-driver";
import { describeTree, replayTree, type TracedStatement, traceStatements } from "@/scripts/lib/statement-tree";

let handle: DbHandle;
// An in-memory PGlite starts in about a second, slower on a busy machine.
beforeAll(async () => {
  handle = await openDb({ dataDir: undefined });
}, 60_000);
afterAll(async () => {
  await handle?.close();
});

const statement = (sqlText: string, parent: number | undefined): TracedStatement => ({
  sql: sqlText,
  params: [],
  label: sqlText,
  parent,
});

describe("the statement tree", () => {
  it("counts parents in the tree when the driver also logs a statement sent on another session", async () => {
    const driver = rawDriver(handle);
    // A transaction runs on a session of its own, as ensureFreshHealth's does
    // on a day's first read: the driver logs its statement, the tree leaves it out.
    const statements = await traceStatements(driver, async (db) => {
      await db.execute(sql`select 1 as first`);
      await db.transaction(async (tx) => {
        await tx.execute(sql`select 2 as in_transaction`);
      });
      await db.execute(sql`select 3 as after_it`);
      await db.execute(sql`select 4 as last`);
    });

    // Counted in the driver's log, #3's parent was #3 itself, and describing
    // the tree overflowed the stack.
    expect(describeTree(statements).map((line) => line.replace(/(#\d+) .* — /, "$1 — "))).toEqual([
      "#1 — sent at once",
      "  #2 — after #1",
      "    #3 — after #2",
    ]);
    expect(statements.map((traced) => [traced.sql, traced.parent])).toEqual([
      ["select 1 as first", undefined],
      ["select 3 as after_it", 0],
      ["select 4 as last", 1],
    ]);
    await expect(replayTree(driver, statements)).resolves.toBeDefined();
  });

  it("refuses a tree in which a statement waits for itself or a later one, naming it", async () => {
    const looped = [statement("select 1", undefined), statement("select 2", 1)];
    expect(() => describeTree(looped)).toThrow("#2 select 2 waits for #2, which was not sent before it");
    expect(() => describeTree([statement("select 1", 1), statement("select 2", 0)])).toThrow(/#1 select 1 waits for #2/);
    expect(() => replayTree(rawDriver(handle), looped)).toThrow(/waits for #2/);
  });
});
