import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { type DbHandle, defaultOpenOptions, openDb, type OpenOptions } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { sessions, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { loadDashboard } from "@/lib/dashboard/load";
import { ensureBuild, freePort, type NextServer, startBenchServer } from "./lib/next-server";
import { type RawDriver, rawDriver } from "./lib/raw-driver";
import { type DayStartResults, measureDayStart } from "./lib/day-start-bench";
import { describeTree, replayTree, type TracedStatement, traceStatements } from "./lib/statement-tree";
import { loadAverage, summarize, type Summary, timeMs } from "./lib/stats";
import { positiveOption as option } from "./lib/options";
import { formatTable } from "./lib/table";

// npm run bench:dashboard -- [--contacts 5000] [--touches 100000] [--runs 200]
//                            [--warmup 20] [--reuse] [--no-page] [--build]
//                            [--full-plans]
// Seeds one user (touches spread over two years), then times
// (a) loadDashboard, all the dashboard's queries together, beside the same
//     statements sent bare through the driver with the same concurrency and
//     a `select 1` round trip;
// (b) GET /dashboard through `next start`, beside GET /bench-floor: a page in
//     the same signed-in layout that looks up the session and renders nothing;
// (c) the day's first view: ensureFreshHealth when the user's day has begun
//     (scripts/lib/day-start-bench.ts), beside the bare SELECT of every score;
// and prints every goal with PASS or MISS.
// PostgreSQL when DATABASE_URL is set; otherwise PGlite in a temporary
// directory (removed at the end), and (b) is skipped: the server would need
// to open the same data directory.

const EMAIL = "bench-dashboard@kith.local";
const GOAL_PAGE_P95_MS = 100;
const GOAL_PAGE_RATIO = 1.5;
const DAY_START_RUNS = 20;
const GOAL_DAY_START_P95_MS = 150;
const DASHBOARD_PATH = "/dashboard";
const FLOOR_PATH = "/bench-floor";
// Only the real dashboard, with data, renders this section title.
const DASHBOARD_MARKER = "Reconnect now";

const { values } = parseArgs({
  options: {
    contacts: { type: "string" },
    touches: { type: "string" },
    runs: { type: "string" },
    warmup: { type: "string" },
    reuse: { type: "boolean", default: false },
    "no-page": { type: "boolean", default: false },
    build: { type: "boolean", default: false },
    "full-plans": { type: "boolean", default: false },
  },
});
const contactCount = option("contacts", values.contacts, 5_000);
const touchCount = option("touches", values.touches, 100_000);
const runs = option("runs", values.runs, 200);
const warmup = option("warmup", values.warmup, 20);

const ms = (value: number) => value.toFixed(2);
const times = (value: number, floor: number) => `${(value / floor).toFixed(2)}×`;

async function seedUser(handle: DbHandle): Promise<string> {
  if (values.reuse) {
    const [existing] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, EMAIL));
    if (existing) {
      console.log(`Reusing ${EMAIL} (--reuse): not seeding.`);
      return existing.id;
    }
  }
  console.log(`Seeding ${EMAIL}: ${contactCount.toLocaleString("en-GB")} contacts, ${touchCount.toLocaleString("en-GB")} touches…`);
  const reported = new Map<string, number>();
  const result = await seedDemo(handle.db, {
    email: EMAIL,
    name: "Bench Dashboard",
    contacts: contactCount,
    touches: touchCount,
    reset: true,
    onProgress: ({ step, rows, seconds }) => {
      // The touch stage reports every 100,000 rows and again at its end.
      if (reported.get(step) === rows) return;
      reported.set(step, rows);
      console.log(`  ${step}: ${rows.toLocaleString("en-GB")} rows, ${seconds.toFixed(1)} s`);
    },
  });
  const rows = ["contacts", "interactions", "interaction_contacts", "successes", "events"]
    .map((table) => `${(result.counts[table] ?? 0).toLocaleString("en-GB")} ${table}`)
    .join(", ");
  console.log(`Seeded in ${result.seconds.toFixed(1)} s: ${rows}.`);
  return result.userId;
}

// What the plan reads, one line per scan: the lines naming an index, a
// bitmap or a sequential scan, and the statement's execution time.
function condensePlan(lines: readonly string[]): string[] {
  return lines.filter((line) => /Index|Bitmap|Seq Scan|Execution Time/.test(line)).map((line) => line.trimEnd());
}

function indexNames(lines: readonly string[]): string[] {
  const names = lines.flatMap((line) => {
    const match = / using (\S+)/.exec(line) ?? /Bitmap Index Scan on (\S+)/.exec(line);
    return match?.[1] ? [match[1]] : [];
  });
  return [...new Set(names)];
}

function seqScans(lines: readonly string[]): string[] {
  return [...new Set(lines.flatMap((line) => /Seq Scan on (\S+)/.exec(line)?.[1] ?? []))];
}

type QueryResults = { call: Summary; bare: Summary; selectOne: Summary; statements: TracedStatement[]; plans: string[] };

async function measureQueries(driver: RawDriver, handle: DbHandle, userId: string, timeZone: string | null) {
  const now = new Date();
  const load = (db: typeof handle.db) => loadDashboard(db, { userId, now, timeZone });
  const statements = await traceStatements(driver, load);

  const samples = { call: [] as number[], bare: [] as number[], selectOne: [] as number[] };
  // Call, bare and select 1 alternate within each run, so load from
  // elsewhere on the machine falls on all three alike.
  for (let index = 0; index < warmup + runs; index++) {
    const call = await timeMs(() => load(handle.db));
    const bare = await timeMs(() => replayTree(driver, statements));
    const selectOne = await timeMs(() => driver.query("select 1", []));
    if (index >= warmup) {
      samples.call.push(call);
      samples.bare.push(bare);
      samples.selectOne.push(selectOne);
    }
  }

  const plans: string[] = [];
  const used = new Map<string, string[]>();
  for (const [index, statement] of statements.entries()) {
    const rows = await driver.query(`explain (analyze, buffers off) ${statement.sql}`, statement.params);
    const lines = rows.map((row) => String(Object.values(row as Record<string, unknown>)[0]));
    const names = indexNames(lines);
    const seq = seqScans(lines);
    used.set(`#${index + 1} ${statement.label}`, [...names, ...seq.map((table) => `seq scan ${table}`)]);
    const shown = values["full-plans"] ? [statement.sql, ...lines] : condensePlan(lines);
    plans.push(`-- #${index + 1} ${statement.label}\n${shown.join("\n")}`);
  }
  return {
    results: {
      call: summarize(samples.call),
      bare: summarize(samples.bare),
      selectOne: summarize(samples.selectOne),
      statements,
      plans,
    } satisfies QueryResults,
    used,
  };
}

type PageResults = { page: Summary; floor: Summary };

async function fetchPage(server: NextServer, pathname: string, cookie: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${server.origin}${pathname}`, { headers: { cookie }, redirect: "manual" });
  return { status: response.status, body: await response.text() };
}

async function measurePages(databaseUrl: string, handle: DbHandle, userId: string): Promise<PageResults> {
  ensureBuild({ routes: ["/(app)/dashboard/page", "/(app)/bench-floor/page"], force: values.build });

  const sessionToken = randomBytes(32).toString("base64url");
  await handle.db.insert(sessions).values({ sessionToken, userId, expires: new Date(Date.now() + 86_400_000) });
  const cookie = `authjs.session-token=${sessionToken}`;
  const port = await freePort();
  console.log(`\nStarting next start on http://localhost:${port}…`);
  const server = await startBenchServer({ port, database: { DATABASE_URL: databaseUrl } });
  try {
    const check = async (pathname: string) => {
      const { status, body } = await fetchPage(server, pathname, cookie);
      if (status !== 200) throw new Error(`GET ${pathname} answered ${status}, not 200`);
      return body;
    };
    const dashboard = await check(DASHBOARD_PATH);
    if (!dashboard.includes(DASHBOARD_MARKER)) {
      throw new Error(`GET ${DASHBOARD_PATH} answered 200 without "${DASHBOARD_MARKER}": not the dashboard with data`);
    }
    const floorBody = await check(FLOOR_PATH);
    if (floorBody.includes(DASHBOARD_MARKER)) throw new Error(`GET ${FLOOR_PATH} rendered the dashboard`);
    console.log(
      `GET ${DASHBOARD_PATH}: 200, ${dashboard.length.toLocaleString("en-GB")} characters; GET ${FLOOR_PATH}: 200, ${floorBody.length.toLocaleString("en-GB")} characters.`,
    );

    const samples = { page: [] as number[], floor: [] as number[] };
    for (let index = 0; index < warmup + runs; index++) {
      // Checked on every request: a redirect or an error page is fast and
      // would pass for a good time.
      const page = await timeMs(async () => {
        const { status, body } = await fetchPage(server, DASHBOARD_PATH, cookie);
        if (status !== 200 || !body.includes(DASHBOARD_MARKER)) throw new Error(`GET ${DASHBOARD_PATH} answered ${status}`);
      });
      const floor = await timeMs(async () => {
        const { status } = await fetchPage(server, FLOOR_PATH, cookie);
        if (status !== 200) throw new Error(`GET ${FLOOR_PATH} answered ${status}`);
      });
      if (index >= warmup) {
        samples.page.push(page);
        samples.floor.push(floor);
      }
    }
    return { page: summarize(samples.page), floor: summarize(samples.floor) };
  } finally {
    await server.stop();
    await handle.db.delete(sessions).where(eq(sessions.sessionToken, sessionToken));
  }
}

const verdict = (isMet: boolean) => (isMet ? "PASS" : "MISS");

function printReport(queries: QueryResults, pages: PageResults | string, dayStart: DayStartResults) {
  console.log(`\nMilliseconds over ${runs} runs after ${warmup} warm-up runs:\n`);
  const rows = [
    [
      "(a) loadDashboard",
      ms(queries.call.p50),
      ms(queries.call.p95),
      "bare SQL, same concurrency",
      ms(queries.bare.p50),
      ms(queries.bare.p95),
      times(queries.call.p50, queries.bare.p50),
      times(queries.call.p95, queries.bare.p95),
    ],
    ["    select 1 round trip", "-", "-", "-", ms(queries.selectOne.p50), ms(queries.selectOne.p95), "-", "-"],
  ];
  if (typeof pages === "string") {
    rows.push([`(b) GET ${DASHBOARD_PATH}`, "-", "-", "skipped", "-", "-", "-", "-"]);
  } else {
    rows.push([
      `(b) GET ${DASHBOARD_PATH}`,
      ms(pages.page.p50),
      ms(pages.page.p95),
      `GET ${FLOOR_PATH}`,
      ms(pages.floor.p50),
      ms(pages.floor.p95),
      times(pages.page.p50, pages.floor.p50),
      times(pages.page.p95, pages.floor.p95),
    ]);
    rows.push([
      "",
      "",
      "",
      "floor page + bare SQL",
      ms(pages.floor.p50 + queries.bare.p50),
      ms(pages.floor.p95 + queries.bare.p95),
      times(pages.page.p50, pages.floor.p50 + queries.bare.p50),
      times(pages.page.p95, pages.floor.p95 + queries.bare.p95),
    ]);
  }
  console.log(formatTable(["measured", "p50", "p95", "floor", "floor p50", "floor p95", "× p50", "× p95"], rows, [
    "left",
    "right",
    "right",
    "left",
    "right",
    "right",
    "right",
    "right",
  ]));

  const written = [...dayStart.written].sort((a, b) => a - b);
  console.log(`\n(c) The day's first view, ${DAY_START_RUNS} days in a row (ms):\n`);
  console.log(
    formatTable(
      ["measured", "p50", "p95", "floor", "floor p50", "floor p95", "× p50", "× p95", "rows written (min–max)"],
      [
        [
          "(c) ensureFreshHealth, new day",
          ms(dayStart.rescore.p50),
          ms(dayStart.rescore.p95),
          `bare SELECT of all ${contactCount.toLocaleString("en-GB")} scores`,
          ms(dayStart.select.p50),
          ms(dayStart.select.p95),
          times(dayStart.rescore.p50, dayStart.select.p50),
          times(dayStart.rescore.p95, dayStart.select.p95),
          `${written[0] ?? 0}–${written.at(-1) ?? 0}`,
        ],
      ],
      ["left", "right", "right", "left", "right", "right", "right", "right", "right"],
    ),
  );

  const goals: string[][] = [];
  if (typeof pages === "string") {
    goals.push([`(b) page p95 ≤ ${GOAL_PAGE_P95_MS} ms`, "not measured", pages]);
  } else {
    goals.push(
      [`(b) page p95 ≤ ${GOAL_PAGE_P95_MS} ms`, `${ms(pages.page.p95)} ms`, verdict(pages.page.p95 <= GOAL_PAGE_P95_MS)],
      [
        `(b) page p95 ≤ ${GOAL_PAGE_RATIO}× (floor page + bare SQL) p95`,
        times(pages.page.p95, pages.floor.p95 + queries.bare.p95),
        verdict(pages.page.p95 <= GOAL_PAGE_RATIO * (pages.floor.p95 + queries.bare.p95)),
      ],
    );
  }
  goals.push([
    `(c) day's first rescoring p95 ≤ ${GOAL_DAY_START_P95_MS} ms`,
    `${ms(dayStart.rescore.p95)} ms`,
    verdict(dayStart.rescore.p95 <= GOAL_DAY_START_P95_MS),
  ]);
  console.log("\nGoals:\n");
  console.log(formatTable(["goal", "measured", "result"], goals, ["left", "right", "left"]));
}

async function main() {
  const defaults = defaultOpenOptions();
  const temporaryDir = "databaseUrl" in defaults ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), "kith-bench-"));
  const options: OpenOptions = temporaryDir ? { dataDir: temporaryDir } : defaults;
  const removeTemporaryDir = () => {
    if (temporaryDir) fs.rmSync(temporaryDir, { recursive: true, force: true });
  };
  // Interrupted, it still exits through the "exit" listeners: they remove
  // the temporary directory and kill the server's process group.
  process.once("exit", removeTemporaryDir);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));
  const handle = await openDb(options);
  try {
    await migrateDb(handle, "databaseUrl" in options ? options.databaseUrl : undefined);
    const driver = rawDriver(handle);
    const [version] = await driver.query("select version() as version", []);
    console.log(`Engine: ${handle.engine} — ${String((version as { version?: unknown } | undefined)?.version)}`);
    console.log(`Machine: ${os.availableParallelism()} cores, load average ${loadAverage()}`);

    const userId = await seedUser(handle);
    // VACUUM as well as ANALYZE: the state autovacuum leaves a table in
    // soon after a bulk insert, with the visibility map set, so index-only
    // scans need not visit the heap.
    const vacuumMs = await timeMs(() => handle.db.execute(sql`vacuum analyze`));
    console.log(`VACUUM ANALYZE in ${(vacuumMs / 1000).toFixed(1)} s.`);
    const [user] = await handle.db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId));

    console.log("\n(a) Timing loadDashboard…");
    const { results: queries, used } = await measureQueries(driver, handle, userId, user?.timeZone ?? null);
    console.log(`\nStatements one loadDashboard call sends (${queries.statements.length}), as replayed bare:\n`);
    console.log(describeTree(queries.statements).join("\n"));
    console.log(`\nQuery plans (EXPLAIN ANALYZE)${values["full-plans"] ? "" : ", the scans only (--full-plans for all)"}:\n`);
    console.log(queries.plans.join("\n\n"));
    console.log("\nIndexes each statement's plan uses:\n");
    console.log(
      formatTable(
        ["statement", "indexes (and sequential scans)"],
        [...used].map(([name, names]) => [name, names.join(", ") || "-"]),
        ["left", "left"],
      ),
    );

    let pages: PageResults | string;
    if (values["no-page"]) pages = "--no-page was given";
    else if (!("databaseUrl" in options)) {
      pages = "it needs PostgreSQL (set DATABASE_URL): with PGlite the server would have to open the benchmark's data directory too";
    } else {
      console.log("\n(b) Timing the page…");
      pages = await measurePages(options.databaseUrl, handle, userId);
    }
    console.log(`\n(c) Timing the day's first view, ${DAY_START_RUNS} days in a row…`);
    const dayStart = await measureDayStart(handle.db, { userId, runs: DAY_START_RUNS });
    printReport(queries, pages, dayStart);
    console.log(`\nLoad average at the end: ${loadAverage()}`);
  } finally {
    await handle.close();
    removeTemporaryDir();
  }
}

await main();
