import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { format, parseISO, subMonths } from "date-fns";
import { eq, sql } from "drizzle-orm";
import { type Db, type DbHandle, defaultOpenOptions, openDb, type OpenOptions } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { listGoalPaths, listLearningThisQuarter, listSkillTrends, listStonePeople } from "@/db/queries/career-overview";
import { ensureFreshHealth } from "@/db/queries/health";
import { learningQuarterSummary } from "@/db/queries/learning";
import { rowsOf } from "@/db/queries/rows";
import { refreshContactSchedule } from "@/db/queries/schedule";
import { users } from "@/db/schema";
import { seedCareer } from "@/db/seed/career";
import { seedDemo } from "@/db/seed/demo";
import { seedJournal } from "@/db/seed/journal";
import { CAREER_OVERVIEW, loadCareerOverview } from "@/lib/career/overview";
import { nextStone } from "@/lib/domain/career";
import { todayIn } from "@/lib/domain/dates";
import { quarterOf } from "@/lib/domain/learning";
import { type CapturedQuery, type RawDriver, rawDriver } from "./lib/raw-driver";
import { type Summary, summarize, timeMs } from "./lib/stats";
import { positiveOption as option } from "./lib/options";
import { formatTable } from "./lib/table";

// npm run bench:career -- [--goals 20] [--stones 10] [--skills 300] [--items 2000]
//                         [--wins 10000] [--contacts 5000] [--runs 200] [--warmup 20] [--reuse]
// Seeds one user with 5,000 contacts, 10,000 wins, 20 goals of 10 stepping
// stones (people and wins linked to them), 300 skills with five years of
// levels and 2,000 learning items, and times each of the Career page's
// queries beside the same SQL sent bare through the driver (postgres.js or
// PGlite), then the whole page's load, then a schedule refresh of every
// contact (what a change of the default cadence runs), with some contacts on
// Reconnect. PostgreSQL when DATABASE_URL is set; otherwise PGlite in a
// temporary directory, removed at the end.

const GOAL_P95_MS = 50;
const GOAL_RATIO = 1.3;
const EMAIL = "bench-career@kith.local";
const RECONNECT_REQUESTS = 50;

const { values } = parseArgs({
  options: {
    goals: { type: "string" },
    stones: { type: "string" },
    skills: { type: "string" },
    items: { type: "string" },
    wins: { type: "string" },
    contacts: { type: "string" },
    runs: { type: "string" },
    warmup: { type: "string" },
    reuse: { type: "boolean", default: false },
  },
});
const goalCount = option("goals", values.goals, 20);
const stonesPerGoal = option("stones", values.stones, 10);
const skillCount = option("skills", values.skills, 300);
const itemCount = option("items", values.items, 2_000);
const winCount = option("wins", values.wins, 10_000);
const contactCount = option("contacts", values.contacts, 5_000);
const runs = option("runs", values.runs, 200);
const warmup = option("warmup", values.warmup, 20);

type Case = { name: string; run: (db: Db) => Promise<unknown>; runs?: number };

const ms = (value: number) => value.toFixed(2);
const count = (value: number) => value.toLocaleString("en-GB");

async function seed(handle: DbHandle): Promise<string> {
  if (values.reuse) {
    const [existing] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, EMAIL));
    if (existing) {
      console.log(`Reusing ${EMAIL} (--reuse): not seeding.`);
      return existing.id;
    }
  }
  const demo = await seedDemo(handle.db, {
    email: EMAIL,
    name: "Bench career",
    contacts: contactCount,
    touches: contactCount * 4,
    reset: true,
  });
  const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
  let started = performance.now();
  const journal = await seedJournal(handle.db, { userId: demo.userId, wins: winCount });
  const journalSeconds = seconds(started);
  started = performance.now();
  const career = await seedCareer(handle.db, {
    userId: demo.userId,
    goals: goalCount,
    stonesPerGoal,
    skills: skillCount,
    learningItems: itemCount,
  });
  const careerSeconds = seconds(started);
  started = performance.now();
  // Some of the people on the steps were added to Reconnect, after every
  // seeded touch was logged, so the requests stand. Statistics first: on
  // fresh tables the health refresh that follows planned badly (seconds).
  await handle.db.execute(sql`analyze`);
  const requested = rowsOf<{ id: string }>(
    await handle.db.execute(sql`
      update contacts set reconnect_requested_at = now()
      where id in (select contact_id from stone_people where user_id = ${demo.userId} limit ${RECONNECT_REQUESTS})
      returning id`),
  );
  await refreshContactSchedule(handle.db, { userId: demo.userId, contactIds: requested.map((row) => row.id) });
  console.log(
    `Seeded ${EMAIL}: ${count(contactCount)} contacts in ${demo.seconds.toFixed(1)} s; ` +
      `${count(journal.wins)} wins in ${journalSeconds} s; ` +
      `${career.goals} goals, ${count(career.stones)} stepping stones (${count(career.stonePeople)} people, ` +
      `${count(career.stoneWins)} wins as evidence), ${count(career.skills)} skills with ${count(career.levels)} levels, ` +
      `${count(career.learningItems)} learning items in ${careerSeconds} s; ` +
      `${requested.length} on Reconnect in ${seconds(started)} s.`,
  );
  return demo.userId;
}

async function capture(driver: RawDriver, run: (db: Db) => Promise<unknown>): Promise<CapturedQuery[]> {
  const queries: CapturedQuery[] = [];
  await run(driver.capturing(queries));
  return queries;
}

async function measure(handle: DbHandle, driver: RawDriver, cases: Case[]) {
  const floor: number[] = [];
  for (let index = 0; index < warmup + runs; index++) {
    const elapsed = await timeMs(() => driver.query("select 1", []));
    if (index >= warmup) floor.push(elapsed);
  }
  const results: { benchCase: Case; call: Summary; bare: Summary; statements: number }[] = [];
  for (const benchCase of cases) {
    const queries = await capture(driver, benchCase.run);
    const call: number[] = [];
    const bare: number[] = [];
    const times = benchCase.runs ?? runs;
    // Call and bare alternate, so load from elsewhere falls on both alike.
    for (let index = 0; index < warmup + times; index++) {
      const called = await timeMs(() => benchCase.run(handle.db));
      const raw = await timeMs(async () => {
        for (const query of queries) await driver.query(query.sql, query.params);
      });
      if (index >= warmup) {
        call.push(called);
        bare.push(raw);
      }
    }
    results.push({ benchCase, call: summarize(call), bare: summarize(bare), statements: queries.length });
  }
  return { floor: summarize(floor), results };
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

    const userId = await seed(handle);
    if (handle.engine === "postgres") await handle.db.execute(sql`vacuum analyze`);
    else await handle.db.execute(sql`analyze`);

    const now = new Date();
    const timeZone = "Europe/London";
    const today = todayIn(timeZone, now);
    const since = format(subMonths(parseISO(today), 12), "yyyy-MM-dd");
    const goals = await listGoalPaths(handle.db, { userId });
    const stoneIds = goals
      .filter((goal) => goal.status === "active")
      .flatMap((goal) => nextStone(goal.stones)?.id ?? []);
    // The page reads health after making it today's: so does every run here.
    await ensureFreshHealth(handle.db, { userId, now });

    const cases: Case[] = [
      { name: "health is today's (the check)", run: (db) => ensureFreshHealth(db, { userId, now }) },
      { name: `goals and their paths (${goals.length})`, run: (db) => listGoalPaths(db, { userId }) },
      {
        name: `next steps' people (${stoneIds.length} steps)`,
        run: (db) => listStonePeople(db, { userId, stoneIds, now }),
      },
      {
        name: `top ${CAREER_OVERVIEW.topSkills} skills and their levels`,
        run: (db) => listSkillTrends(db, { userId, since, limit: CAREER_OVERVIEW.topSkills }),
      },
      { name: "learning this quarter: totals", run: (db) => learningQuarterSummary(db, { userId, timeZone, now }) },
      {
        name: "learning this quarter: latest items",
        run: (db) =>
          listLearningThisQuarter(db, { userId, ...quarterOf(today), limit: CAREER_OVERVIEW.learningItems }),
      },
      { name: "the whole page (loadCareerOverview)", run: (db) => loadCareerOverview(db, { userId, now, timeZone }) },
      {
        name: `refresh all ${count(contactCount)} schedules`,
        run: (db) => refreshContactSchedule(db, { userId }),
        runs: Math.min(runs, 20),
      },
    ];
    const { floor, results } = await measure(handle, driver, cases);

    console.log(
      `\nMilliseconds over ${runs} runs (the schedule refresh: ${Math.min(runs, 20)}) after ${warmup} warm-up runs ` +
        `(bare: the same SQL, one statement after another). Goal: p95 ≤ ${GOAL_P95_MS} ms and ≤ ${GOAL_RATIO}× bare.\n`,
    );
    const rows = results.map(({ benchCase, call, bare, statements }) => {
      const ratio = call.p95 / bare.p95;
      const isQuery = !benchCase.runs;
      return [
        benchCase.name,
        ms(call.p50),
        ms(call.p95),
        ms(bare.p50),
        ms(bare.p95),
        `${ratio.toFixed(2)}×`,
        String(statements),
        isQuery ? (call.p95 <= GOAL_P95_MS && ratio <= GOAL_RATIO ? "yes" : "no") : "-",
      ];
    });
    rows.push(["select 1 (floor)", "-", "-", ms(floor.p50), ms(floor.p95), "-", "1", "-"]);
    console.log(
      formatTable(["work", "call p50", "call p95", "bare p50", "bare p95", "call/bare p95", "statements", "met"], rows),
    );
    console.log(`\nLoad average at the end: ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}`);
  } finally {
    await handle.close();
    if (temporaryDir) fs.rmSync(temporaryDir, { recursive: true, force: true });
  }
}

await main();
