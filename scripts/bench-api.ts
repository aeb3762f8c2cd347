import { randomBytes } from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { type DbHandle, openDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { sessions, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { API_RATE_LIMIT_PER_MINUTE } from "@/lib/api/authenticate";
import { contactsPage } from "@/lib/api/v1/contacts";
import { listContactsQuerySchema } from "@/lib/api/v1/contact-schemas";
import { logTouch as logTouchOperation } from "@/lib/api/v1/touches";
import { env } from "@/lib/env";
import { logTouch } from "@/lib/touches/log-touch";
import { touchInputSchema } from "@/lib/validations/touch";
import { type ApiClient, asList, fetchSignedIn, type Sent, sameIds, send, sendOnce } from "./lib/api-client";
import { ensureBuild, freePort, startBenchServer } from "./lib/next-server";
import { positiveOption as option } from "./lib/options";
import { rawDriver } from "./lib/raw-driver";
import { loadAverage, summarize, type Summary, timeMs } from "./lib/stats";
import { formatTable } from "./lib/table";
import { type TokenPool, tokenPool } from "./lib/token-pool";

// DATABASE_URL=postgres://… npm run bench:api -- [--contacts 50000]
//   [--touches 500000] [--runs 200] [--warmup 20] [--q naka] [--reuse] [--build]
// Run it under the build lock, so nobody rebuilds .next under its server:
//   flock /tmp/kith-build.lock npm run bench:api
// Seeds one user (bench-contacts' data: --reuse takes that user when it is
// already there), starts `next start` on a free port and times, through the
// REST API with a personal access token, the contacts list (first page, and
// a cursor 100 pages in), a search, and logging a touch, each beside its
// floor: the same query function or use case called in this process against
// the same database (and the Contacts page, signed in, for reference). The
// noise floor is a `select 1` in this process and GET /api/v1/me over HTTP;
// their difference is the HTTP hop. Needs PostgreSQL: the server and this
// process must share the database, which one PGlite directory cannot do.
// Each run logs touches to the bench user's first contacts. Goals, marked
// PASS or MISS: reads answer with p95 ≤ 40 ms through the API, and the API
// adds ≤ 1.2× over the floor once the hop is taken off (the output says how).

const PAGE_SIZE = 25;
const CURSOR_PAGE = 100;
const GOAL_READ_P95_MS = 40;
const GOAL_RATIO = 1.2;
// Under API_RATE_LIMIT_PER_MINUTE, with room for the requests a check adds.
const REQUESTS_PER_TOKEN = 250;
const PAGE_MARKER = "contacts on page 1, more on the next page";

const { values } = parseArgs({
  options: {
    contacts: { type: "string" },
    touches: { type: "string" },
    runs: { type: "string" },
    warmup: { type: "string" },
    q: { type: "string", default: "naka" },
    reuse: { type: "boolean", default: false },
    build: { type: "boolean", default: false },
  },
});
const contactCount = option("contacts", values.contacts, 50_000);
const touchCount = option("touches", values.touches, 500_000);
const runs = option("runs", values.runs, 200);
const warmup = option("warmup", values.warmup, 20);
// The same user as bench:contacts' large one, so either bench can reuse it.
const email = `bench-${contactCount}c-${touchCount}t@kith.local`;

const ms = (value: number) => value.toFixed(2);
const times = (value: number) => `${value.toFixed(2)}×`;
const verdict = (isMet: boolean) => (isMet ? "PASS" : "MISS");

async function seedUser(handle: DbHandle): Promise<string> {
  if (values.reuse) {
    const [existing] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) {
      console.log(`Reusing ${email} (--reuse): not seeding.`);
      return existing.id;
    }
  }
  console.log(`Seeding ${email}…`);
  const result = await seedDemo(handle.db, { email, name: "Bench API", contacts: contactCount, touches: touchCount, reset: true });
  const rows = ["contacts", "interactions", "interaction_contacts"]
    .map((table) => `${(result.counts[table] ?? 0).toLocaleString("en-GB")} ${table}`)
    .join(", ");
  console.log(`Seeded in ${result.seconds.toFixed(1)} s: ${rows}.`);
  return result.userId;
}

type Case = {
  name: string;
  isRead: boolean;
  apiLabel: string;
  floorLabel: string;
  request: () => Sent;
  floor: () => Promise<unknown>;
  /** Timed beside the two, for reference. */
  reference?: { label: string; run: () => Promise<void> };
};

async function buildCases(api: ApiClient, handle: DbHandle, userId: string): Promise<Case[]> {
  const { db } = handle;
  const q = values.q;
  // The floor of a list: the queries the operation's handler makes (the
  // day's health check, then the keyset page), with the parameters its query
  // schema reads from the same query string, cursor decoded.
  const listFloor = (search: string) => {
    const query = listContactsQuerySchema.parse(Object.fromEntries(new URLSearchParams(search)));
    return () => contactsPage(query, { userId, db, now: new Date() });
  };
  const get = (search: string): Sent => ({ method: "GET", path: `/contacts?${search}`, expect: 200 });

  // Checked once, untimed: the API answers what the floor finds, so both
  // sides of each row do the same work.
  const firstSearch = `limit=${PAGE_SIZE}`;
  const first = asList(await sendOnce(api, get(firstSearch)), "the first page");
  sameIds("first page", first.data, (await listFloor(firstSearch)()).rows);
  let cursor = first.nextCursor;
  for (let page = 2; page <= CURSOR_PAGE; page += 1) {
    if (cursor === null) throw new Error(`the list ends before page ${CURSOR_PAGE}: seed more contacts`);
    if (page === CURSOR_PAGE) break;
    cursor = asList(await sendOnce(api, get(`limit=${PAGE_SIZE}&cursor=${cursor}`)), `page ${page}`).nextCursor;
  }
  const deepSearch = `limit=${PAGE_SIZE}&cursor=${cursor}`;
  const deep = asList(await sendOnce(api, get(deepSearch)), `page ${CURSOR_PAGE}`);
  sameIds(`page ${CURSOR_PAGE}`, deep.data, (await listFloor(deepSearch)()).rows);
  const searchSearch = `q=${encodeURIComponent(q)}&limit=${PAGE_SIZE}`;
  const found = asList(await sendOnce(api, get(searchSearch)), "the search");
  if (found.data.length === 0) throw new Error(`the search "${q}" found nobody: pick a --q that matches seeded names`);
  sameIds(`search "${q}"`, found.data, (await listFloor(searchSearch)()).rows);
  console.log(`Checked: the API's first page, page ${CURSOR_PAGE} and search "${q}" (${found.data.length} found) match the floor's.`);

  // Touches go round the first page's contacts, so no one row takes them
  // all; on today's UTC date, never a future day whatever the user's zone.
  const occurredOn = new Date().toISOString().slice(0, 10);
  let turn = 0;
  const touchBody = () => ({
    contactIds: [first.data[turn++ % first.data.length]?.id],
    occurredOn,
    channel: "message",
    summary: "bench:api",
  });
  const touchCtx = { userId, db };

  return [
    {
      name: "list contacts, first page",
      isRead: true,
      apiLabel: `GET /api/v1/contacts?${firstSearch}`,
      floorLabel: "ensureFreshHealth + listContactsAfter",
      request: () => get(firstSearch),
      floor: listFloor(firstSearch),
      reference: { label: "GET /contacts, the page signed in", run: () => fetchSignedIn(api, "/contacts", PAGE_MARKER) },
    },
    {
      name: `list contacts, page ${CURSOR_PAGE}`,
      isRead: true,
      apiLabel: `GET /api/v1/contacts?limit=${PAGE_SIZE}&cursor=…`,
      floorLabel: "the same, with that cursor",
      request: () => get(deepSearch),
      floor: listFloor(deepSearch),
    },
    {
      name: `search "${q}"`,
      isRead: true,
      apiLabel: `GET /api/v1/contacts?${searchSearch}`,
      floorLabel: `the same, with q=${q}`,
      request: () => get(searchSearch),
      floor: listFloor(searchSearch),
    },
    {
      name: "log a touch",
      isRead: false,
      apiLabel: "POST /api/v1/touches",
      floorLabel: "logTouch use case",
      request: () => ({ method: "POST", path: "/touches", body: touchBody(), expect: 201 }),
      floor: () => logTouch(touchInputSchema.parse(touchBody()), touchCtx),
      // The operation also checks the contacts are the token owner's first
      // and reads the touch back to answer it: the same handler without HTTP.
      reference: {
        label: "the operation's handler, in-process",
        run: async () => {
          const result = await logTouchOperation.handle(
            { params: {}, query: {}, body: touchInputSchema.parse(touchBody()) },
            { ...touchCtx, now: new Date() },
          );
          if (!result.ok) throw new Error(`the logTouch handler refused: ${result.formError ?? ""}`);
        },
      },
    },
  ];
}

type Measured = { api: Summary; floor: Summary; reference?: Summary };

async function measure(api: ApiClient, handle: DbHandle, cases: Case[]) {
  const driver = rawDriver(handle);
  const samples = cases.map(() => ({ api: [] as number[], floor: [] as number[], reference: [] as number[] }));
  const noise = { me: [] as number[], selectOne: [] as number[] };
  // Every row's API, floor and page alternate within each run, so load from
  // elsewhere on the machine falls on all of them alike.
  for (let index = 0; index < warmup + runs; index++) {
    const isTimed = index >= warmup;
    for (const [position, benchCase] of cases.entries()) {
      const token = await api.tokens.next();
      const request = benchCase.request();
      const apiMs = await timeMs(() => send(api, token, request));
      const floorMs = await timeMs(benchCase.floor);
      const referenceMs = benchCase.reference ? await timeMs(benchCase.reference.run) : undefined;
      if (!isTimed) continue;
      samples[position]?.api.push(apiMs);
      samples[position]?.floor.push(floorMs);
      if (referenceMs !== undefined) samples[position]?.reference.push(referenceMs);
    }
    const token = await api.tokens.next();
    const meMs = await timeMs(() => send(api, token, { method: "GET", path: "/me", expect: 200 }));
    const selectOneMs = await timeMs(() => driver.query("select 1", []));
    if (!isTimed) continue;
    noise.me.push(meMs);
    noise.selectOne.push(selectOneMs);
  }
  const results: Measured[] = samples.map((sample) => ({
    api: summarize(sample.api),
    floor: summarize(sample.floor),
    reference: sample.reference.length > 0 ? summarize(sample.reference) : undefined,
  }));
  return { results, me: summarize(noise.me), selectOne: summarize(noise.selectOne) };
}

function printReport(cases: Case[], measured: Awaited<ReturnType<typeof measure>>, tokens: TokenPool) {
  const { results, me, selectOne } = measured;
  const hop = me.p50 - selectOne.p50;
  const row = (work: string, through: string, summary: Summary) => [work, through, String(summary.runs), ms(summary.p50), ms(summary.p95)];
  const rows: string[][] = [];
  for (const [position, benchCase] of cases.entries()) {
    const result = results[position];
    if (!result) continue;
    rows.push(row(benchCase.name, `API ${benchCase.apiLabel}`, result.api));
    rows.push(row("", `floor: ${benchCase.floorLabel}, in-process`, result.floor));
    if (benchCase.reference && result.reference) rows.push(row("", `for reference: ${benchCase.reference.label}`, result.reference));
  }
  rows.push(row("noise floor", "API GET /api/v1/me", me));
  rows.push(row("", "select 1, in-process", selectOne));
  rows.push(["", "hop = me p50 − select 1 p50", "", ms(hop), ""]);
  console.log(`\nMilliseconds; n timed runs of each after ${warmup} warm-up runs, all interleaved:\n`);
  console.log(formatTable(["work", "through", "n", "p50", "p95"], rows, ["left", "left", "right", "right", "right"]));
  console.log(
    `\nThe requests were spread over ${tokens.created()} read-write token(s) of the same user, a fresh one every` +
      ` ${REQUESTS_PER_TOKEN} requests, as each token may make ${API_RATE_LIMIT_PER_MINUTE} a minute (lib/api/authenticate.ts);` +
      ` making a token is never timed.`,
  );

  console.log(
    `\nRatios of p50s. API/floor is the whole request against the query alone. (API − hop)/floor takes off the hop,` +
      ` the fixed cost any request pays (HTTP to next start, routing, the token check and its rate-limit write, one` +
      ` small query), measured in this run as GET /api/v1/me minus select 1 in-process: ${ms(hop)} ms. Where the` +
      ` floor is a few milliseconds, the hop's own noise can take (API − hop)/floor under 1. The issue's goal, "the API` +
      ` adds ≤ ${GOAL_RATIO}× over the query floor", is judged on (API − hop)/floor, i.e. API p50 ≤ ${GOAL_RATIO} ×` +
      ` floor p50 + hop; reads must also answer with p95 ≤ ${GOAL_READ_P95_MS} ms through the API.\n`,
  );
  const goals: string[][] = [];
  for (const [position, benchCase] of cases.entries()) {
    const result = results[position];
    if (!result) continue;
    const withoutHop = (result.api.p50 - hop) / result.floor.p50;
    goals.push([
      benchCase.name,
      times(result.api.p50 / result.floor.p50),
      times(withoutHop),
      verdict(withoutHop <= GOAL_RATIO),
      benchCase.isRead ? `${ms(result.api.p95)} ms ${verdict(result.api.p95 <= GOAL_READ_P95_MS)}` : "(a write)",
    ]);
  }
  console.log(
    formatTable(
      ["work", "API/floor", "(API − hop)/floor", `≤ ${GOAL_RATIO}×`, `API p95 ≤ ${GOAL_READ_P95_MS} ms`],
      goals,
      ["left", "right", "right", "left", "right"],
    ),
  );
}

async function startServer(databaseUrl: string, handle: DbHandle, userId: string) {
  ensureBuild({
    routes: ["/api/v1/contacts/route", "/api/v1/touches/route", "/api/v1/me/route", "/(app)/contacts/page"],
    force: values.build,
  });
  const sessionToken = randomBytes(32).toString("base64url");
  await handle.db.insert(sessions).values({ sessionToken, userId, expires: new Date(Date.now() + 86_400_000) });
  const port = await freePort();
  console.log(`\nStarting next start on http://localhost:${port}…`);
  const server = await startBenchServer({ port, database: { DATABASE_URL: databaseUrl } });
  return {
    server,
    cookie: `authjs.session-token=${sessionToken}`,
    stop: async () => {
      await server.stop();
      await handle.db.delete(sessions).where(eq(sessions.sessionToken, sessionToken));
    },
  };
}

async function main() {
  const databaseUrl = env().DATABASE_URL;
  if (!databaseUrl) {
    throw new Error("Set DATABASE_URL to a PostgreSQL database: next start and this process must share it.");
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));
  const handle = await openDb({ databaseUrl });
  try {
    await migrateDb(handle, databaseUrl);
    const [version] = await rawDriver(handle).query("select version() as version", []);
    console.log(`Engine: ${handle.engine} — ${String((version as { version?: unknown } | undefined)?.version)}`);
    console.log(`Machine: ${os.availableParallelism()} cores, load average ${loadAverage()}`);
    const userId = await seedUser(handle);
    // VACUUM as well as ANALYZE: the state autovacuum leaves a table in soon
    // after a bulk insert, so index-only scans need not visit the heap.
    const vacuumMs = await timeMs(() => handle.db.execute(sql`vacuum analyze`));
    console.log(`VACUUM ANALYZE in ${(vacuumMs / 1000).toFixed(1)} s.`);

    const started = await startServer(databaseUrl, handle, userId);
    const tokens = tokenPool(handle.db, { userId, perToken: REQUESTS_PER_TOKEN, name: "bench:api" });
    try {
      const api: ApiClient = { origin: started.server.origin, tokens, cookie: started.cookie };
      const cases = await buildCases(api, handle, userId);
      console.log(`Timing ${warmup} warm-up and ${runs} timed runs of each…`);
      printReport(cases, await measure(api, handle, cases), tokens);
    } finally {
      await tokens.revokeAll();
      await started.stop();
    }
    console.log(`\nLoad average at the end: ${loadAverage()}`);
  } finally {
    await handle.close();
  }
}

await main();
