import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import { type Db, type DbHandle, defaultOpenOptions, openDb, type OpenOptions } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { journalFilterOptions, journalQuarterCounts, listJournal } from "@/db/queries/journal";
import { loadReviewWins } from "@/db/queries/review-pack";
import { skills, users, wins } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { seedJournal } from "@/db/seed/journal";
import type { JournalFilters } from "@/lib/domain/journal-list";
import { reviewPackMarkdown } from "@/lib/journal/review-markdown";
import { buildReviewPack } from "@/lib/journal/review-pack";
import { type CapturedQuery, type RawDriver, rawDriver } from "./lib/raw-driver";
import { type Summary, summarize, timeMs } from "./lib/stats";
import { positiveOption as option } from "./lib/options";
import { formatTable } from "./lib/table";

// npm run bench:journal -- [--wins 10000] [--contacts 5000] [--runs 200]
//                          [--warmup 20] [--q billing] [--skill TypeScript] [--reuse]
// Seeds one user with 5,000 contacts and 10,000 wins over ten years (0–4
// people and 1–3 skills each) and times what the journal's pages do: the
// first page (the list, the quarter counts and the filter options, as the
// page loads them), the page filtered by a skill, a search, and a one-year
// review pack (its three queries, the pack, the Markdown and the printable
// page's HTML). Beside each: the floor, the same SQL sent bare through the
// driver, and a `select 1` round trip. PostgreSQL when DATABASE_URL is set;
// otherwise PGlite in a temporary directory, removed at the end. React is
// loaded in its production build, as `next start` renders with (the
// development build takes six times as long over a year's pack).

const PAGE_SIZE = 25;
const GOAL_PAGE_P95_MS = 30;
const GOAL_PACK_P95_MS = 500;
const EMAIL = "bench-journal@kith.local";

const { values } = parseArgs({
  options: {
    wins: { type: "string" },
    contacts: { type: "string" },
    runs: { type: "string" },
    warmup: { type: "string" },
    q: { type: "string", default: "billing" },
    skill: { type: "string", default: "TypeScript" },
    reuse: { type: "boolean", default: false },
  },
});
const winCount = option("wins", values.wins, 10_000);
const contactCount = option("contacts", values.contacts, 5_000);
const runs = option("runs", values.runs, 200);
const warmup = option("warmup", values.warmup, 20);

type Case = { name: string; goal: number; run: (db: Db) => Promise<unknown> };

const ms = (value: number) => value.toFixed(2);
const day = (at: Date) => at.toISOString().slice(0, 10);

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
    name: "Bench journal",
    contacts: contactCount,
    touches: contactCount * 4,
    reset: true,
  });
  const started = performance.now();
  const journal = await seedJournal(handle.db, { userId: demo.userId, wins: winCount });
  console.log(
    `Seeded ${EMAIL}: ${contactCount.toLocaleString("en-GB")} contacts in ${demo.seconds.toFixed(1)} s; ` +
      `${journal.wins.toLocaleString("en-GB")} wins, ${journal.people.toLocaleString("en-GB")} people in them, ` +
      `${journal.skillTags.toLocaleString("en-GB")} skill tags, ${journal.roles} roles in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  return demo.userId;
}

// What the journal page loads for these filters, at once, as the page does.
function journalPage(userId: string, filters: JournalFilters) {
  return (db: Db) =>
    Promise.all([
      listJournal(db, { userId, filters, limit: PAGE_SIZE }),
      journalQuarterCounts(db, { userId, filters }),
      journalFilterOptions(db, { userId, includeContactId: filters.contactId }),
    ]);
}

// Kith's settings are read first, as a development run reads them (no
// AUTH_SECRET needed); React reads NODE_ENV once, when it loads.
const openOptions = defaultOpenOptions();
Object.assign(process.env, { NODE_ENV: "production" });
const [{ createElement }, { renderToStaticMarkup }, { ReviewPackView }] = await Promise.all([
  import("react"),
  import("react-dom/server"),
  import("@/components/journal/review-pack"),
]);

function reviewPack(userId: string, from: string, to: string) {
  return async (db: Db) => {
    const pack = buildReviewPack(await loadReviewWins(db, { userId, from, to }), { label: "the last 12 months" });
    return [reviewPackMarkdown(pack), renderToStaticMarkup(createElement(ReviewPackView, { pack }))];
  };
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
    // Call and bare alternate, so load from elsewhere falls on both alike.
    for (let index = 0; index < warmup + runs; index++) {
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
  const defaults = openOptions;
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
    // A bulk insert leaves the trigram index's new entries in its pending
    // list until a vacuum, and the planner then avoids the index.
    if (handle.engine === "postgres") await handle.db.execute(sql`vacuum analyze`);
    else await handle.db.execute(sql`analyze`);

    const [skill] = await handle.db
      .select({ id: skills.id })
      .from(skills)
      .where(and(eq(skills.userId, userId), sql`lower(${skills.name}) = lower(${values.skill})`));
    if (!skill) throw new Error(`No skill named ${values.skill}: pass one of the seeded skills with --skill.`);
    const [latest] = await handle.db
      .select({ on: sql<string>`max(${wins.occurredOn})::text` })
      .from(wins)
      .where(eq(wins.userId, userId));
    const to = latest?.on ?? day(new Date());
    const from = day(new Date(new Date(`${to}T00:00:00Z`).getTime() - 365 * 86_400_000));
    const packWins = (await loadReviewWins(handle.db, { userId, from, to })).length;

    const cases: Case[] = [
      { name: "journal, first page", goal: GOAL_PAGE_P95_MS, run: journalPage(userId, {}) },
      { name: `filtered by skill "${values.skill}"`, goal: GOAL_PAGE_P95_MS, run: journalPage(userId, { skillId: skill.id }) },
      { name: `search "${values.q}"`, goal: GOAL_PAGE_P95_MS, run: journalPage(userId, { q: values.q }) },
      { name: `review pack, one year (${packWins} wins)`, goal: GOAL_PACK_P95_MS, run: reviewPack(userId, from, to) },
    ];
    const { floor, results } = await measure(handle, driver, cases);

    console.log(`\nMilliseconds over ${runs} runs after ${warmup} warm-up runs (bare: the same SQL, one statement after another):\n`);
    const rows = results.map(({ benchCase, call, bare, statements }) => [
      benchCase.name,
      ms(call.p50),
      ms(call.p95),
      ms(bare.p50),
      ms(bare.p95),
      String(statements),
      `≤ ${benchCase.goal}`,
      call.p95 <= benchCase.goal ? "yes" : "no",
    ]);
    rows.push(["select 1 (floor)", "-", "-", ms(floor.p50), ms(floor.p95), "1", "-", "-"]);
    console.log(
      formatTable(["work", "call p50", "call p95", "bare p50", "bare p95", "statements", "goal p95", "met"], rows),
    );
    console.log(`\nLoad average at the end: ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}`);
  } finally {
    await handle.close();
    if (temporaryDir) fs.rmSync(temporaryDir, { recursive: true, force: true });
  }
}

await main();
