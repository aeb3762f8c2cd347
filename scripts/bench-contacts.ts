import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { type Db, type DbHandle, defaultOpenOptions, openDb, type OpenOptions } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { searchContacts } from "@/db/queries/contact-search";
import { listContactsAfter } from "@/db/queries/contacts";
import { contacts, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { encodeCursor } from "@/lib/api/v1/keyset-cursor";
import { readContactsPage } from "@/lib/contacts/list-page";
import { contactListQuerySchema } from "@/lib/validations/contact";
import { type CapturedQuery, type RawDriver, rawDriver } from "./lib/raw-driver";
import { type Summary, summarize, timeMs } from "./lib/stats";
import { positiveOption as option } from "./lib/options";
import { formatTable } from "./lib/table";

// npm run bench:contacts -- [--contacts 50000] [--touches 500000] [--runs 200]
//                           [--warmup 20] [--q naka] [--reuse]
// Seeds a large user and one ten times smaller in the same database, then
// times the contacts list as the Contacts page reads it (the first page, and
// page 100 reached by its cursor) and the type-ahead search for both, beside
// the floor: a `select 1` round trip and the same SQL sent bare through the
// driver. Page 100 by OFFSET, as the page read it before cursors, is timed
// bare as a reference. Goals (issue 17), marked PASS or MISS: list page 1
// p95 ≤ 5 ms; page 100 p95 ≤ 10 ms and ten times the data ≤ 1.3× the time;
// search p95 ≤ 15 ms and ≤ 1.3×. PostgreSQL when DATABASE_URL is set;
// otherwise PGlite in a temporary directory (removed at the end), so the
// development database is neither filled nor locked.

// As the contacts page shows them; page 100 then exists for both users.
const PAGE_SIZE = 25;
const DEEP_PAGE = 100;
const SEARCH_LIMIT = 10;
const GOAL_RATIO = 1.3;

const { values } = parseArgs({
  options: {
    contacts: { type: "string" },
    touches: { type: "string" },
    runs: { type: "string" },
    warmup: { type: "string" },
    q: { type: "string", default: "naka" },
    reuse: { type: "boolean", default: false },
  },
});
const largeContacts = option("contacts", values.contacts, 50_000);
const largeTouches = option("touches", values.touches, 500_000);
const runs = option("runs", values.runs, 200);
const warmup = option("warmup", values.warmup, 20);
const sizes = [
  { label: "large", contacts: largeContacts, touches: largeTouches },
  { label: "small", contacts: Math.max(1, Math.round(largeContacts / 10)), touches: Math.max(1, Math.round(largeTouches / 10)) },
] as const;

// `deepCursor`: the cursor of page 99's last row, which the Next link of
// page 99 carries, found before any timing.
type Size = (typeof sizes)[number] & { userId: string; deepCursor: string };

type Case = { name: string; goalMs: number; goalRatio?: number; run: (db: Db, size: Size) => Promise<unknown> };

// The page's own reading of its URL: the query schema, then the use case.
const readPage = (db: Db, size: Size, search: Record<string, string>) =>
  readContactsPage(db, { userId: size.userId, query: contactListQuerySchema.parse(search), pageSize: PAGE_SIZE, now: new Date() });

const LIST_FIRST = "list, page 1";
const LIST_DEEP = `list, page ${DEEP_PAGE} (cursor)`;
const cases: Case[] = [
  { name: LIST_FIRST, goalMs: 5, run: (db, size) => readPage(db, size, {}) },
  {
    name: LIST_DEEP,
    goalMs: 10,
    goalRatio: GOAL_RATIO,
    run: (db, size) => readPage(db, size, { after: size.deepCursor, page: String(DEEP_PAGE) }),
  },
  {
    name: `search "${values.q}"`,
    goalMs: 15,
    goalRatio: GOAL_RATIO,
    run: (db, size) => searchContacts(db, { userId: size.userId, q: values.q, limit: SEARCH_LIMIT }),
  },
];

// Page 100 as the Contacts page read it before cursors: the rows before it
// counted off one by one. Timed bare, as the "before" of the row above.
const OFFSET_DEEP = `list, page ${DEEP_PAGE} (OFFSET, before)`;
const offsetQuery = (userId: string): CapturedQuery => ({
  sql: `select id, name, company, role, last_touched_at, next_due_at, snoozed_until, archived_at, health_score, health_band
    from contacts where user_id = $1 and archived_at is null
    order by lower(name), id limit ${PAGE_SIZE + 1} offset ${(DEEP_PAGE - 1) * PAGE_SIZE}`,
  params: [userId],
});

const ms = (value: number) => value.toFixed(2);
const verdict = (isMet: boolean) => (isMet ? "PASS" : "MISS");
// Plans of `id in (…50 ids…)` would otherwise print a screenful per line.
const truncate = (line: string) => (line.length > 200 ? `${line.slice(0, 200)}…` : line);
const ratio = (large: number, small: number) => `${(large / small).toFixed(2)}×`;

async function seedSize(handle: DbHandle, size: (typeof sizes)[number]): Promise<string> {
  const email = `bench-${size.contacts}c-${size.touches}t@kith.local`;
  if (values.reuse) {
    const [existing] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) {
      console.log(`Reusing ${email}.`);
      return existing.id;
    }
  }
  const result = await seedDemo(handle.db, {
    email,
    name: `Bench ${size.label}`,
    contacts: size.contacts,
    touches: size.touches,
    reset: true,
  });
  const rows = ["contacts", "interactions", "interaction_contacts"]
    .map((table) => `${(result.counts[table] ?? 0).toLocaleString("en-GB")} ${table}`)
    .join(", ");
  console.log(`Seeded ${email} in ${result.seconds.toFixed(1)} s: ${rows}.`);
  return result.userId;
}

// The Next link of page 99: walked page by page, untimed. Checks that the
// page it opens is page 100 by OFFSET too, so the two rows time the same rows.
async function deepCursor(handle: DbHandle, driver: RawDriver, userId: string): Promise<string> {
  let page = await listContactsAfter(handle.db, { userId, sort: "name", pageSize: PAGE_SIZE });
  for (let number = 2; number < DEEP_PAGE; number++) {
    if (!page.next) break;
    page = await listContactsAfter(handle.db, { userId, sort: "name", pageSize: PAGE_SIZE, after: page.next });
  }
  if (!page.next) throw new Error(`the list ends before page ${DEEP_PAGE}: seed more contacts`);
  const cursor = encodeCursor(page.next);
  const deep = await listContactsAfter(handle.db, { userId, sort: "name", pageSize: PAGE_SIZE, after: page.next });
  const byOffset = offsetQuery(userId);
  const offsetRows = (await driver.query(byOffset.sql, byOffset.params)) as { id: string }[];
  const same = deep.rows.map((row) => row.id).join() === offsetRows.slice(0, PAGE_SIZE).map((row) => row.id).join();
  if (!same) throw new Error(`page ${DEEP_PAGE} by cursor is not page ${DEEP_PAGE} by OFFSET`);
  return cursor;
}

// Runs the statements a call sent, one after the other, as the call did.
function bare(driver: RawDriver, queries: CapturedQuery[]) {
  return async () => {
    for (const query of queries) await driver.query(query.sql, query.params);
  };
}

async function capture(driver: RawDriver, run: (db: Db) => Promise<unknown>): Promise<CapturedQuery[]> {
  const queries: CapturedQuery[] = [];
  await run(driver.capturing(queries));
  return queries;
}

async function measure(handle: DbHandle, driver: RawDriver, benchSizes: Size[]) {
  const floor: number[] = [];
  for (let index = 0; index < warmup + runs; index++) {
    const elapsed = await timeMs(() => driver.query("select 1", []));
    if (index >= warmup) floor.push(elapsed);
  }

  const results: { name: string; size: Size; call: Summary; bare: Summary; statements: number }[] = [];
  const plans: string[] = [];
  for (const benchCase of cases) {
    const perSize: { size: Size; queries: CapturedQuery[] }[] = [];
    for (const size of benchSizes) {
      perSize.push({ size, queries: await capture(driver, (db) => benchCase.run(db, size)) });
    }
    const samples = perSize.map(() => ({ call: [] as number[], bare: [] as number[] }));
    // Sizes and call/bare alternate within each run, so load from elsewhere
    // on the machine falls on all of them alike.
    for (let index = 0; index < warmup + runs; index++) {
      for (const [position, { size, queries }] of perSize.entries()) {
        const call = await timeMs(() => benchCase.run(handle.db, size));
        const raw = await timeMs(bare(driver, queries));
        if (index >= warmup) {
          samples[position]?.call.push(call);
          samples[position]?.bare.push(raw);
        }
      }
    }
    for (const [position, { size, queries }] of perSize.entries()) {
      const measured = samples[position];
      if (!measured) continue;
      results.push({
        name: benchCase.name,
        size,
        call: summarize(measured.call),
        bare: summarize(measured.bare),
        statements: queries.length,
      });
      for (const [statement, query] of queries.entries()) {
        const plan = await driver.query(`explain ${query.sql}`, query.params);
        const lines = plan.map((row) => truncate(String(Object.values(row as Record<string, unknown>)[0])));
        plans.push(
          `-- ${benchCase.name}, ${size.label} (statement ${statement + 1} of ${queries.length})\n${query.sql}\n${lines.join("\n")}`,
        );
      }
    }
  }
  const offsetSamples = benchSizes.map(() => [] as number[]);
  for (let index = 0; index < warmup + runs; index++) {
    for (const [position, size] of benchSizes.entries()) {
      const elapsed = await timeMs(bare(driver, [offsetQuery(size.userId)]));
      if (index >= warmup) offsetSamples[position]?.push(elapsed);
    }
  }
  const offsets = benchSizes.map((size, position) => ({ size, bare: summarize(offsetSamples[position] ?? []) }));
  return { floor: summarize(floor), results, plans, offsets };
}

function printReport(measured: Awaited<ReturnType<typeof measure>>) {
  const { floor, results, plans, offsets } = measured;
  console.log("\nQuery plans (EXPLAIN, not executed):\n");
  console.log(plans.join("\n\n"));

  console.log(`\nMilliseconds over ${runs} runs after ${warmup} warm-up runs:\n`);
  const sizeLabel = (size: Size) => `${size.label} (${size.contacts.toLocaleString("en-GB")})`;
  const rows = results.map((result) => [
    result.name,
    sizeLabel(result.size),
    ms(result.call.p50),
    ms(result.call.p95),
    ms(result.bare.p50),
    ms(result.bare.p95),
    String(result.statements),
  ]);
  for (const offset of offsets) {
    rows.push([OFFSET_DEEP, sizeLabel(offset.size), "-", "-", ms(offset.bare.p50), ms(offset.bare.p95), "1"]);
  }
  rows.push(["select 1 (floor)", "-", "-", "-", ms(floor.p50), ms(floor.p95), "1"]);
  console.log(
    formatTable(["query", "data (contacts)", "call p50", "call p95", "bare p50", "bare p95", "statements"], rows),
  );

  // Each goal beside its floors from this run: the round trip, and the same
  // SQL sent bare (what no code above the driver can beat).
  console.log(`\nGoals (p95 of the large user; ratio: large / small p95), floors from this run:\n`);
  const goals: string[][] = [];
  for (const benchCase of cases) {
    const large = results.find((result) => result.name === benchCase.name && result.size.label === "large");
    const small = results.find((result) => result.name === benchCase.name && result.size.label === "small");
    if (!large || !small) continue;
    goals.push([
      `${benchCase.name}: p95`,
      `${ms(large.call.p95)} ms`,
      `${ms(large.bare.p95)} ms`,
      `${ms(floor.p95)} ms`,
      `≤ ${benchCase.goalMs} ms`,
      verdict(large.call.p95 <= benchCase.goalMs),
    ]);
    if (benchCase.goalRatio !== undefined) {
      goals.push([
        `${benchCase.name}: large / small`,
        ratio(large.call.p95, small.call.p95),
        ratio(large.bare.p95, small.bare.p95),
        "-",
        `≤ ${benchCase.goalRatio}×`,
        verdict(large.call.p95 / small.call.p95 <= benchCase.goalRatio),
      ]);
    }
  }
  const [offsetLarge, offsetSmall] = offsets;
  if (offsetLarge && offsetSmall) {
    goals.push([`${OFFSET_DEEP}: p95, bare`, `${ms(offsetLarge.bare.p95)} ms`, "-", `${ms(floor.p95)} ms`, "reference", "-"]);
    goals.push([
      `${OFFSET_DEEP}: large / small`,
      ratio(offsetLarge.bare.p95, offsetSmall.bare.p95),
      "-",
      "-",
      "reference",
      "-",
    ]);
  }
  console.log(formatTable(["goal", "measured", "bare SQL", "select 1", "goal", "result"], goals));
}

async function main() {
  const defaults = defaultOpenOptions();
  const temporaryDir = "databaseUrl" in defaults ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), "kith-bench-"));
  const options: OpenOptions = temporaryDir ? { dataDir: temporaryDir } : defaults;
  const handle = await openDb(options);
  try {
    await migrateDb(handle, "databaseUrl" in options ? options.databaseUrl : undefined);
    const driver = rawDriver(handle);
    const [version] = await driver.query("select version() as version", []);
    console.log(`Engine: ${handle.engine} — ${String((version as { version?: unknown } | undefined)?.version)}`);
    console.log(`Machine: ${os.availableParallelism()} cores, load average ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}`);

    const seeded: Omit<Size, "deepCursor">[] = [];
    for (const size of sizes) {
      const userId = await seedSize(handle, size);
      const [active] = await handle.db
        .select({ n: count() })
        .from(contacts)
        .where(and(eq(contacts.userId, userId), isNull(contacts.archivedAt)));
      // Page 100 must exist for both users: deepCursor refuses a shorter list.
      const pages = Math.ceil((active?.n ?? 0) / PAGE_SIZE);
      console.log(`  ${size.label}: ${(active?.n ?? 0).toLocaleString("en-GB")} active contacts, ${pages} pages of ${PAGE_SIZE}.`);
      seeded.push({ ...size, userId });
    }
    const analyzeMs = await timeMs(() => handle.db.execute(sql`analyze`));
    console.log(`ANALYZE in ${(analyzeMs / 1000).toFixed(1)} s.`);
    const benchSizes: Size[] = [];
    for (const size of seeded) benchSizes.push({ ...size, deepCursor: await deepCursor(handle, driver, size.userId) });

    printReport(await measure(handle, driver, benchSizes));
    console.log(`\nLoad average at the end: ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}`);
  } finally {
    await handle.close();
    if (temporaryDir) fs.rmSync(temporaryDir, { recursive: true, force: true });
  }
}

await main();
