import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { type Db, type DbHandle, defaultOpenOptions, openDb, type OpenOptions } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { searchContacts } from "@/db/queries/contact-search";
import { listContacts } from "@/db/queries/contacts";
import { contacts, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { type CapturedQuery, type RawDriver, rawDriver } from "./lib/raw-driver";
import { type Summary, summarize, timeMs } from "./lib/stats";
import { positiveOption as option } from "./lib/options";
import { formatTable } from "./lib/table";

// npm run bench:contacts -- [--contacts 50000] [--touches 500000] [--runs 200]
//                           [--warmup 20] [--q naka] [--reuse]
// Seeds a large user and one ten times smaller in the same database, then
// times the contacts list (first page, page 100) and the type-ahead search
// for both, beside the floor: a `select 1` round trip and the same SQL sent
// bare through the driver. PostgreSQL when DATABASE_URL is set; otherwise
// PGlite in a temporary directory (removed at the end), so the development
// database is neither filled nor locked.

// As the contacts page shows them; page 100 then exists for both users.
const PAGE_SIZE = 25;
const SEARCH_LIMIT = 10;
const GOAL_P95_MS = 30;
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

type Size = (typeof sizes)[number] & { userId: string };

type Case = { name: string; run: (db: Db, userId: string) => Promise<unknown> };

const cases: Case[] = [
  {
    name: "list, page 1",
    run: (db, userId) => listContacts(db, { userId, sort: "name", page: 1, pageSize: PAGE_SIZE }),
  },
  {
    name: "list, page 100",
    run: (db, userId) => listContacts(db, { userId, sort: "name", page: 100, pageSize: PAGE_SIZE }),
  },
  {
    name: `search "${values.q}"`,
    run: (db, userId) => searchContacts(db, { userId, q: values.q, limit: SEARCH_LIMIT }),
  },
];

const ms = (value: number) => value.toFixed(2);
// Plans of `id in (…50 ids…)` would otherwise print a screenful per line.
const truncate = (line: string) => (line.length > 200 ? `${line.slice(0, 200)}…` : line);
const ratio = (large: number, small: number) => (large / small).toFixed(2);

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
      perSize.push({ size, queries: await capture(driver, (db) => benchCase.run(db, size.userId)) });
    }
    const samples = perSize.map(() => ({ call: [] as number[], bare: [] as number[] }));
    // Sizes and call/bare alternate within each run, so load from elsewhere
    // on the machine falls on all of them alike.
    for (let index = 0; index < warmup + runs; index++) {
      for (const [position, { size, queries }] of perSize.entries()) {
        const call = await timeMs(() => benchCase.run(handle.db, size.userId));
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
  return { floor: summarize(floor), results, plans };
}

function printReport(measured: Awaited<ReturnType<typeof measure>>) {
  const { floor, results, plans } = measured;
  console.log("\nQuery plans (EXPLAIN, not executed):\n");
  console.log(plans.join("\n\n"));

  console.log(`\nMilliseconds over ${runs} runs after ${warmup} warm-up runs:\n`);
  const rows = results.map((result) => [
    result.name,
    `${result.size.label} (${result.size.contacts.toLocaleString("en-GB")})`,
    ms(result.call.p50),
    ms(result.call.p95),
    ms(result.bare.p50),
    ms(result.bare.p95),
    String(result.statements),
  ]);
  rows.push(["select 1 (floor)", "-", "-", "-", ms(floor.p50), ms(floor.p95), "1"]);
  console.log(
    formatTable(["query", "data (contacts)", "call p50", "call p95", "bare p50", "bare p95", "statements"], rows),
  );

  console.log(`\nLarge / small (goal: p95 ≤ ${GOAL_P95_MS} ms and ratio ≤ ${GOAL_RATIO}):\n`);
  const ratios = cases.map((benchCase) => {
    const large = results.find((result) => result.name === benchCase.name && result.size.label === "large");
    const small = results.find((result) => result.name === benchCase.name && result.size.label === "small");
    if (!large || !small) return [benchCase.name, "-", "-", "-", "-"];
    const isFast = large.call.p95 <= GOAL_P95_MS;
    const scales = large.call.p95 / small.call.p95 <= GOAL_RATIO;
    return [
      benchCase.name,
      ratio(large.call.p50, small.call.p50),
      ratio(large.call.p95, small.call.p95),
      ratio(large.bare.p95, small.bare.p95),
      isFast && scales ? "yes" : "no",
    ];
  });
  console.log(formatTable(["query", "call p50 ×", "call p95 ×", "bare p95 ×", "goal met"], ratios));
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

    const benchSizes: Size[] = [];
    for (const size of sizes) {
      const userId = await seedSize(handle, size);
      const [active] = await handle.db
        .select({ n: count() })
        .from(contacts)
        .where(and(eq(contacts.userId, userId), isNull(contacts.archivedAt)));
      // Page 100 lies past the end of a list shorter than 100 pages: say so
      // beside its timings rather than let it pass for a full page.
      const pages = Math.ceil((active?.n ?? 0) / PAGE_SIZE);
      console.log(`  ${size.label}: ${(active?.n ?? 0).toLocaleString("en-GB")} active contacts, ${pages} pages of ${PAGE_SIZE}.`);
      benchSizes.push({ ...size, userId });
    }
    const analyzeMs = await timeMs(() => handle.db.execute(sql`analyze`));
    console.log(`ANALYZE in ${(analyzeMs / 1000).toFixed(1)} s.`);

    printReport(await measure(handle, driver, benchSizes));
    console.log(`\nLoad average at the end: ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}`);
  } finally {
    await handle.close();
    if (temporaryDir) fs.rmSync(temporaryDir, { recursive: true, force: true });
  }
}

await main();
