import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { chromium } from "playwright-core";
import { type DbHandle, defaultOpenOptions, openDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { rowsOf } from "@/db/queries/rows";
import { sessions } from "@/db/schema";
import { seedCareer } from "@/db/seed/career";
import { seedDemo } from "@/db/seed/demo";
import { seedJournal } from "@/db/seed/journal";
import { type ColdLoad, coldLoad, CPU_SLOWDOWN, PHONE, type ScriptFetch, SLOW_4G } from "./lib/cold-load";
import { ensureBuild, startBenchServer } from "./lib/next-server";
import { positiveOption as option } from "./lib/options";
import { loadAverage } from "./lib/stats";
import { formatTable } from "./lib/table";

// npm run bench:client -- [--runs 3] [--routes dashboard,contact] [--build]
//                         [--contacts 1000] [--port 3260] [--chunks]
// Seeds one user (contacts, touches, events, wins, goals, skills), starts
// `next start` on a production build, signs in with a session row, and loads
// each main route cold (a new browser context each time) in Chromium at a
// phone profile: 390×844 at 3×, 4× CPU slowdown, Lighthouse's slow 4G. Prints
// per route the median over the runs of the JavaScript fetched until the page
// is quiet (bytes on the wire and decoded), LCP and TBT, beside two floors
// loaded the same way: /offline, a public page with no client component of
// Kith's beyond the root layout's (theme and toasts), and /bench-floor, the
// signed-in shell around an empty page.
// PostgreSQL when DATABASE_URL is set (the user is reseeded there);
// otherwise PGlite in a temporary directory, seeded and closed before the
// server opens it (a data directory has one owner), removed at the end.

const EMAIL = "bench-client@kith.local";
const BUILD_LOCK = "/tmp/kith-build.lock";
const GOAL_JS_KB = 130;
const GOAL_TBT_MS = 200;
const GOAL_LCP_MS = 2_500;
const QUIET_MS = 3_000;
const TIMEOUT_MS = 90_000;
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

type Ids = { contact: string; event: string; skill: string };
type Route = { name: string; page: string; path: (ids: Ids) => string; isFloor?: boolean };

const ROUTES: Route[] = [
  { name: "offline", page: "/(auth)/offline/page", path: () => "/offline", isFloor: true },
  { name: "shell", page: "/(app)/bench-floor/page", path: () => "/bench-floor", isFloor: true },
  { name: "dashboard", page: "/(app)/dashboard/page", path: () => "/dashboard" },
  { name: "contacts", page: "/(app)/contacts/page", path: () => "/contacts" },
  { name: "contact", page: "/(app)/contacts/[id]/page", path: (ids) => `/contacts/${ids.contact}` },
  { name: "events", page: "/(app)/events/page", path: () => "/events" },
  { name: "event", page: "/(app)/events/[id]/page", path: (ids) => `/events/${ids.event}` },
  { name: "successes", page: "/(app)/successes/page", path: () => "/successes" },
  { name: "journal", page: "/(app)/journal/page", path: () => "/journal" },
  { name: "career", page: "/(app)/career/page", path: () => "/career" },
  { name: "skill", page: "/(app)/career/skills/[id]/page", path: (ids) => `/career/skills/${ids.skill}` },
  { name: "circles", page: "/(app)/circles/page", path: () => "/circles" },
  { name: "import", page: "/(app)/import/page", path: () => "/import" },
  { name: "settings", page: "/(app)/settings/page", path: () => "/settings" },
];

const { values } = parseArgs({
  options: {
    runs: { type: "string" },
    routes: { type: "string" },
    build: { type: "boolean", default: false },
    contacts: { type: "string" },
    port: { type: "string" },
    chunks: { type: "boolean", default: false },
  },
});
const runs = option("runs", values.runs, 3);
const contactCount = option("contacts", values.contacts, 1_000);
const port = option("port", values.port, 3260);

function chosenRoutes(): Route[] {
  if (!values.routes) return ROUTES;
  const names = values.routes.split(",").map((name) => name.trim().replace(/^\//, ""));
  const unknown = names.filter((name) => !ROUTES.some((route) => route.name === name));
  if (unknown.length > 0) throw new Error(`unknown route ${unknown.join(", ")}; known: ${ROUTES.map((route) => route.name).join(", ")}`);
  // The floors are always measured: they are what the routes are read against.
  return ROUTES.filter((route) => route.isFloor || names.includes(route.name));
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);
const ms = (value: number) => value.toFixed(0);
const verdict = (isMet: boolean) => (isMet ? "PASS" : "MISS");

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function seed(handle: DbHandle): Promise<{ userId: string; ids: Ids }> {
  console.log(`Seeding ${EMAIL}: ${contactCount.toLocaleString("en-GB")} contacts with their touches, wins, goals and skills…`);
  const started = performance.now();
  const demo = await seedDemo(handle.db, {
    email: EMAIL,
    name: "Bench Client",
    contacts: contactCount,
    touches: contactCount * 8,
    reset: true,
  });
  await seedJournal(handle.db, { userId: demo.userId, wins: Math.ceil(contactCount / 4) });
  await seedCareer(handle.db, { userId: demo.userId, goals: 5, stonesPerGoal: 6, skills: 30, learningItems: 60 });
  await handle.db.execute(sql`analyze`);
  const [ids] = rowsOf<Ids>(
    await handle.db.execute(sql`
      select
        (select id from contacts where user_id = ${demo.userId} order by last_touched_at desc nulls last limit 1) as contact,
        (select id from events where user_id = ${demo.userId} order by occurred_on desc limit 1) as event,
        (select skill_id from skill_levels where user_id = ${demo.userId}
          group by skill_id order by count(*) desc limit 1) as skill`),
  );
  if (!ids?.contact || !ids.event || !ids.skill) throw new Error("the seed left no contact, event or assessed skill");
  console.log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return { userId: demo.userId, ids };
}

type RouteResult = { route: Route; path: string; loads: ColdLoad[] };

// The framework's own files, which every App Router page loads before any of
// the app's: React, React DOM, Next's router and Turbopack's runtime.
function frameworkFiles(): Set<string> {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(".next/build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  return new Set(manifest.rootMainFiles.map((file) => `/_next/${file}`));
}

function medians(loads: readonly ColdLoad[], framework: ReadonlySet<string>) {
  const of = (pick: (load: ColdLoad) => number) => median(loads.map(pick));
  const isNext = (script: ScriptFetch) => framework.has(new URL(script.url).pathname);
  return {
    wire: of((load) => load.scripts.reduce((total, script) => total + script.wireBytes, 0)),
    next: of((load) => load.scripts.reduce((total, script) => total + (isNext(script) ? script.wireBytes : 0), 0)),
    kith: of((load) => load.scripts.reduce((total, script) => total + (isNext(script) ? 0 : script.wireBytes), 0)),
    decoded: of((load) => load.scripts.reduce((total, script) => total + script.decodedBytes, 0)),
    requests: of((load) => load.scripts.length),
    fcp: of((load) => load.fcp),
    lcp: of((load) => load.lcp),
    tbt: of((load) => load.tbt),
    quiet: of((load) => load.quietAt),
  };
}

function printChunks(results: readonly RouteResult[]) {
  for (const { path: pathname, loads } of results) {
    const last = loads.at(-1);
    if (!last) continue;
    console.log(`\n${pathname}: the JavaScript of the last cold load, largest first`);
    for (const script of [...last.scripts].sort((a, b) => b.wireBytes - a.wireBytes)) {
      console.log(`  ${kB(script.wireBytes).padStart(7)} kB  ${kB(script.decodedBytes).padStart(7)} kB decoded  ${new URL(script.url).pathname}`);
    }
  }
}

function printReport(results: readonly RouteResult[], framework: ReadonlySet<string>) {
  const rows = results.map((result) => ({ result, m: medians(result.loads, framework) }));
  const shell = rows.find((row) => row.result.route.name === "shell")?.m;
  const over = (value: number, floor: number | undefined) => (floor === undefined ? "-" : `+${kB(value - floor)}`);
  console.log(
    `\nMedian of ${runs} cold loads per route. JS: compressed bodies as served (gzip), kB = 1,000 bytes; ` +
      `Next's = the framework's own files (build-manifest rootMainFiles), Kith's = the rest. Times in ms from navigation start.\n`,
  );
  console.log(
    formatTable(
      ["route", "JS kB", "Next's", "Kith's", "Kith's over shell", "decoded kB", "JS files", "FCP", "LCP", "TBT", "quiet at"],
      rows.map(({ result, m }) => [
        result.route.isFloor ? `${result.path} (floor)` : result.path.replace(/[0-9a-f-]{36}/, ":id"),
        kB(m.wire),
        kB(m.next),
        kB(m.kith),
        result.route.isFloor ? "-" : over(m.kith, shell?.kith),
        kB(m.decoded),
        String(m.requests),
        ms(m.fcp),
        ms(m.lcp),
        ms(m.tbt),
        ms(m.quiet),
      ]),
      ["left", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right"],
    ),
  );
  console.log(`\nGoals on every route's first load (floors shown for reference, not judged):\n`);
  console.log(
    formatTable(
      ["route", `JS ≤ ${GOAL_JS_KB} kB`, "", `TBT ≤ ${GOAL_TBT_MS} ms`, "", `LCP ≤ ${GOAL_LCP_MS / 1000} s`, ""],
      rows.map(({ result, m }) => {
        const judge = (isMet: boolean) => (result.route.isFloor ? "(floor)" : verdict(isMet));
        return [
          result.route.isFloor ? `${result.path} (floor)` : result.path.replace(/[0-9a-f-]{36}/, ":id"),
          `${kB(m.wire)} kB`,
          judge(m.wire <= GOAL_JS_KB * 1000),
          `${ms(m.tbt)} ms`,
          judge(m.tbt <= GOAL_TBT_MS),
          `${(m.lcp / 1000).toFixed(2)} s`,
          judge(m.lcp <= GOAL_LCP_MS),
        ];
      }),
      ["left", "right", "left", "right", "left", "right", "left"],
    ),
  );
  const judged = rows.filter(({ result }) => !result.route.isFloor);
  const passes = (test: (m: (typeof rows)[number]["m"]) => boolean) => judged.filter(({ m }) => test(m)).length;
  console.log(
    `\nRoutes meeting each goal: JS ${passes((m) => m.wire <= GOAL_JS_KB * 1000)}/${judged.length}, ` +
      `TBT ${passes((m) => m.tbt <= GOAL_TBT_MS)}/${judged.length}, LCP ${passes((m) => m.lcp <= GOAL_LCP_MS)}/${judged.length}.`,
  );
  const offline = rows.find((row) => row.result.route.name === "offline")?.m;
  if (offline) {
    console.log(
      `The framework's own files weigh ${kB(offline.next)} kB on every page (on /offline): ` +
        `the ${GOAL_JS_KB} kB goal leaves ${kB(GOAL_JS_KB * 1000 - offline.next)} kB for Kith's.`,
    );
  }
}

async function main() {
  const routes = chosenRoutes();
  ensureBuild({ routes: routes.map((route) => route.page), force: values.build, lockFile: BUILD_LOCK });
  const framework = frameworkFiles();

  const defaults = defaultOpenOptions();
  const temporaryDir = "databaseUrl" in defaults ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), "kith-bench-client-"));
  const removeTemporaryDir = () => {
    if (temporaryDir) fs.rmSync(temporaryDir, { recursive: true, force: true });
  };
  // Interrupted, it still exits through the "exit" listeners: they remove
  // the temporary directory and kill the server's process group.
  process.once("exit", removeTemporaryDir);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

  // The server's own open of the same database: KITH_DATA_DIR holds a "pglite" folder.
  const options = temporaryDir ? { dataDir: path.join(temporaryDir, "pglite") } : defaults;
  const handle = await openDb(options);
  const sessionToken = randomBytes(32).toString("base64url");
  let ids: Ids;
  try {
    await migrateDb(handle, "databaseUrl" in options ? options.databaseUrl : undefined);
    console.log(`Engine: ${handle.engine}; machine: ${os.availableParallelism()} cores, load average ${loadAverage()}`);
    const seeded = await seed(handle);
    ids = seeded.ids;
    await handle.db
      .insert(sessions)
      .values({ sessionToken, userId: seeded.userId, expires: new Date(Date.now() + 86_400_000) });
  } finally {
    // PGlite's data directory has one owner: the server, from here on.
    await handle.close();
  }

  const server = await startBenchServer({
    port,
    database: "databaseUrl" in options ? { DATABASE_URL: options.databaseUrl } : { KITH_DATA_DIR: temporaryDir ?? "" },
    env: { KITH_DIGEST_INTERVAL_MINUTES: "0" },
  });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const cookie = `authjs.session-token=${sessionToken}`;
    // Once per route without the browser: a route that fails shows here with
    // its status, and the server's first-request work is not in the timings.
    for (const route of routes) {
      const response = await fetch(`${server.origin}${route.path(ids)}`, { headers: { cookie }, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`GET ${route.path(ids)} answered ${response.status}, not 200`);
    }
    console.log(
      `\nPhone: ${PHONE.viewport.width}×${PHONE.viewport.height} at ${PHONE.deviceScaleFactor}×, mobile UA; CPU ${CPU_SLOWDOWN}× slower; ` +
        `network: Lighthouse's slow 4G as DevTools throttling, ${SLOW_4G.latencyMs} ms latency per request, ` +
        `${(SLOW_4G.downloadKbps / 1024).toFixed(2)} Mbps down, ${SLOW_4G.uploadKbps} kbps up.\n` +
        `A load ends when the page is quiet: load event fired, no request in flight, no response and no long task for ${QUIET_MS / 1000} s. ` +
        `TBT counts every long task's time beyond 50 ms after FCP up to then. Service workers are blocked.`,
    );
    const results: RouteResult[] = [];
    for (const route of routes) {
      const pathname = route.path(ids);
      const loads: ColdLoad[] = [];
      for (let run = 0; run < runs; run += 1) {
        loads.push(
          await coldLoad(browser, {
            url: `${server.origin}${pathname}`,
            cookies: [{ name: "authjs.session-token", value: sessionToken }],
            quietMs: QUIET_MS,
            timeoutMs: TIMEOUT_MS,
          }),
        );
      }
      const m = medians(loads, framework);
      console.log(`  ${pathname}: ${kB(m.wire)} kB JS, LCP ${ms(m.lcp)} ms, TBT ${ms(m.tbt)} ms`);
      results.push({ route, path: pathname, loads });
    }
    if (values.chunks) printChunks(results);
    printReport(results, framework);
    console.log(`\nLoad average at the end: ${loadAverage()}`);
  } finally {
    await browser.close();
    await server.stop();
    if (!temporaryDir) {
      const cleanup = await openDb(options);
      await cleanup.db.delete(sessions).where(sql`${sessions.sessionToken} = ${sessionToken}`);
      await cleanup.close();
    }
    removeTemporaryDir();
  }
}

await main();
