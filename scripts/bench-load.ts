import { randomBytes } from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { type DbHandle, openDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { contacts, sessions, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { env } from "@/lib/env";
import { linkedinFile } from "./lib/linkedin-file";
import { checkSchedules, checkTouches, countContacts, deepPageCursors } from "./lib/load-checks";
import { importThroughBrowserRequests, serverActionId } from "./lib/load-import";
import { createRecorder } from "./lib/load-recorder";
import { cpuTimes, type PhaseResult, printGoals, printPhase } from "./lib/load-report";
import { act, browse, type LoadContext, type LoadUser, REQUEST_KINDS, type SentTouch, sleep } from "./lib/load-user";
import { ensureBuild, type NextServer, startBenchServer } from "./lib/next-server";
import { positiveOption as option } from "./lib/options";
import { cpuBetween, sampleCpu } from "./lib/process-cpu";
import { rawDriver } from "./lib/raw-driver";
import { loadAverage } from "./lib/stats";
import { type TokenPool, tokenPool } from "./lib/token-pool";

// DATABASE_URL=postgres://… npm run bench:load -- [--users 50] [--duration 60]
//   [--think 1000] [--max-contacts 3000] [--import-rows 10000] [--port 3240] [--reuse] [--build]
// Run it under the build lock, so nobody rebuilds .next under its servers:
//   flock /tmp/kith-build.lock npm run bench:load
// Seeds --users people (a few hundred to --max-contacts contacts each, five
// touches a contact), signs each in (a session row and its cookie, API
// tokens), then for --duration seconds every one of them at once browses the
// dashboard, the contacts list, searches and deep pages, and logs touches of
// several contacts through POST /api/v1/touches with an idempotency key (one
// in ten sent again, as a client that lost the answer does), pausing 0.5–1.5×
// --think ms between requests; two of them also import a LinkedIn file of
// --import-rows rows the way the browser does. First against one `next start`,
// then against two on two ports, the requests alternating between them; the
// two importers are seeded afresh for the second phase (with --reuse, they
// alone are seeded when an earlier run's users are there). Before each load,
// each kind is timed alone (the unloaded floor); under load, GET /api/v1/me
// and a signed-in page that renders nothing are the floors. After each phase the
// database is checked: every touch answered as stored is stored exactly once,
// and every contact's next-due date is what refreshContactSchedule computes.

const REQUESTS_PER_TOKEN = 250;
const UNLOADED_RUNS = 10;
const IMPORTERS = 2;
const IMPORT_AFTER_MS = 5_000;
const TOUCHES_PER_CONTACT = 5;
const MIN_CONTACTS = 200;
const CONTACT_SAMPLE = 500;
// As the Contacts page shows them; deep pages are picked from this many.
const CONTACTS_PAGE_SIZE = 25;
const DEEP_PAGES = 20;
const LIST_KINDS = ["GET /contacts", "GET /contacts?q=… (search)", "GET /contacts?after=… (deep page)"];

const { values } = parseArgs({
  options: {
    users: { type: "string" },
    duration: { type: "string" },
    think: { type: "string" },
    "max-contacts": { type: "string" },
    "import-rows": { type: "string" },
    port: { type: "string" },
    reuse: { type: "boolean", default: false },
    build: { type: "boolean", default: false },
  },
});
const userCount = option("users", values.users, 50);
const durationSeconds = option("duration", values.duration, 60);
const thinkMs = values.think === "0" ? 0 : option("think", values.think, 1_000);
const maxContacts = Math.max(MIN_CONTACTS, option("max-contacts", values["max-contacts"], 3_000));
const importRows = option("import-rows", values["import-rows"], 10_000);
const firstPort = option("port", values.port, 3240);
const emailOf = (index: number) => `bench-load-${index}@kith.local`;

// Most people keep a few hundred contacts, a few keep thousands.
const contactsOf = (index: number) =>
  Math.round(MIN_CONTACTS + (maxContacts - MIN_CONTACTS) * (index / Math.max(1, userCount - 1)) ** 2);

async function seedUser(handle: DbHandle, index: number): Promise<void> {
  const count = contactsOf(index);
  await seedDemo(handle.db, {
    email: emailOf(index),
    name: `Load ${index}`,
    contacts: count,
    touches: count * TOUCHES_PER_CONTACT,
    seed: index + 1,
    reset: true,
  });
}

async function seedAll(handle: DbHandle): Promise<void> {
  if (values.reuse) {
    const found = await handle.db
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.email, Array.from({ length: userCount }, (_, index) => emailOf(index))));
    if (found.length === userCount) {
      console.log(`Reusing the ${userCount} users of an earlier run (--reuse): seeding only the ${IMPORTERS} importers afresh.`);
      for (let index = 0; index < IMPORTERS; index += 1) await seedUser(handle, index);
      return;
    }
  }
  const total = Array.from({ length: userCount }, (_, index) => contactsOf(index)).reduce((sum, count) => sum + count, 0);
  console.log(`Seeding ${userCount} users, ${MIN_CONTACTS}–${maxContacts} contacts each (${total.toLocaleString("en-GB")} in all)…`);
  const started = performance.now();
  for (let index = 0; index < userCount; index += 1) await seedUser(handle, index);
  console.log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

type SignedIn = { users: LoadUser[]; tokens: TokenPool[]; sessionTokens: string[] };

async function signIn(handle: DbHandle): Promise<SignedIn> {
  const { db } = handle;
  const signedIn: SignedIn = { users: [], tokens: [], sessionTokens: [] };
  for (let index = 0; index < userCount; index += 1) {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, emailOf(index)));
    if (!row) throw new Error(`${emailOf(index)} was not seeded`);
    const userId = row.id;
    const sessionToken = randomBytes(32).toString("base64url");
    await db.insert(sessions).values({ sessionToken, userId, expires: new Date(Date.now() + 86_400_000) });
    const sample = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(eq(contacts.userId, userId))
      .orderBy(asc(contacts.id))
      .limit(CONTACT_SAMPLE);
    const tokens = tokenPool(db, { userId, perToken: REQUESTS_PER_TOKEN, name: "bench:load" });
    signedIn.tokens.push(tokens);
    signedIn.sessionTokens.push(sessionToken);
    signedIn.users.push({
      index,
      userId,
      cookie: `authjs.session-token=${sessionToken}`,
      tokens,
      contactIds: sample.map((contact) => contact.id),
      deepPages: await deepPageCursors(db, userId, { pageSize: CONTACTS_PAGE_SIZE, limit: DEEP_PAGES }),
    });
  }
  return signedIn;
}

async function signOut(handle: DbHandle, signedIn: SignedIn): Promise<void> {
  for (const tokens of signedIn.tokens) await tokens.revokeAll();
  await handle.db.delete(sessions).where(inArray(sessions.sessionToken, signedIn.sessionTokens));
}

async function startServers(databaseUrl: string, count: number): Promise<NextServer[]> {
  const servers: NextServer[] = [];
  for (let offset = 0; offset < count; offset += 1) {
    const port = firstPort + offset;
    console.log(`Starting next start on http://localhost:${port}…`);
    servers.push(
      await startBenchServer({ port, database: { DATABASE_URL: databaseUrl } }),
    );
  }
  return servers;
}

async function runPhase(handle: DbHandle, databaseUrl: string, params: { servers: number; actionId: string }): Promise<PhaseResult> {
  const label = params.servers === 1 ? "one server" : "two servers";
  const phase = `p${params.servers}-${Date.now().toString(36)}`;
  const signedIn = await signIn(handle);
  const servers = await startServers(databaseUrl, params.servers);
  let turn = 0;
  const origin = () => servers[turn++ % servers.length]?.origin ?? "";
  const touches: SentTouch[] = [];
  try {
    // Unloaded: each kind alone, one at a time, after a warm-up of every
    // server; the touches it logs are checked with the rest.
    const unloaded = createRecorder();
    const warm: LoadContext = { origin, recorder: createRecorder(), touches, phase, thinkMs: 0 };
    const quiet: LoadContext = { ...warm, recorder: unloaded };
    const [probe] = signedIn.users;
    if (!probe) throw new Error("no users");
    for (const kind of REQUEST_KINDS) {
      if (kind.includes("retry")) continue;
      for (let run = 0; run < 3 * params.servers; run += 1) await act(warm, probe, kind, 1);
      for (let run = 0; run < UNLOADED_RUNS; run += 1) await act(quiet, probe, kind, run + 1);
    }
    const warmFailures = warm.recorder.failures();
    if (warmFailures.length > 0) throw new Error(`the warm-up failed: ${warmFailures.map((failure) => failure.why).join("; ")}`);

    console.log(`${label}: ${userCount} users for ${durationSeconds} s, think time ${thinkMs} ms…`);
    const load = createRecorder();
    const ctx: LoadContext = { origin, recorder: load, touches, phase, thinkMs };
    const file = linkedinFile(importRows);
    const importers = signedIn.users.slice(0, IMPORTERS);
    const before = await Promise.all(importers.map((user) => countContacts(handle.db, user.userId)));
    const processes = { serverGroups: servers.flatMap((server) => server.pid ?? []), database: new URL(databaseUrl).pathname.slice(1) };
    const processesBefore = sampleCpu(processes);
    const cpuBefore = cpuTimes();
    const toolBefore = process.cpuUsage();
    const started = performance.now();
    const deadline = started + durationSeconds * 1000;
    const imports = await Promise.all(
      signedIn.users.map(async (user) => {
        if (user.index >= IMPORTERS) return browse(ctx, user, deadline);
        await sleep(IMPORT_AFTER_MS);
        const outcome = await importThroughBrowserRequests({
          origin,
          recorder: load,
          user,
          file,
          fileName: "Connections.csv",
          actionId: params.actionId,
        });
        await browse(ctx, user, deadline);
        return outcome;
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = cpuTimes();
    const tool = process.cpuUsage(toolBefore);
    const processCpu = cpuBetween(processesBefore, sampleCpu(processes), seconds);
    await Promise.all(servers.map((server) => server.stop()));
    servers.length = 0;

    const userIds = signedIn.users.map((user) => user.userId);
    // The imports added 20,000 contacts: plan the checks on statistics that know them.
    await handle.db.execute(sql`analyze contacts, interactions, interaction_contacts`);
    const importRuns = await Promise.all(
      importers.map(async (user, position) => {
        const outcome = imports[position];
        const added = (await countContacts(handle.db, user.userId)) - (before[position] ?? 0);
        return { user: user.index, created: outcome?.created, added, seconds: outcome?.seconds ?? Number.NaN };
      }),
    );
    return {
      label,
      servers: params.servers,
      seconds,
      load,
      unloaded,
      machineBusy: (cpuAfter.busy - cpuBefore.busy) / Math.max(1, cpuAfter.total - cpuBefore.total),
      toolCpuSeconds: (tool.user + tool.system) / 1e6,
      processCpu,
      touches: await checkTouches(handle.db, { userIds, phase, sent: touches }),
      schedules: await checkSchedules(handle.db, { userIds }),
      imports: importRuns,
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await signOut(handle, signedIn);
  }
}

async function main() {
  const databaseUrl = env().DATABASE_URL;
  if (!databaseUrl) {
    throw new Error("Set DATABASE_URL to a PostgreSQL database: the servers and this process must share it, which one PGlite directory cannot do.");
  }
  if (userCount <= IMPORTERS) throw new Error(`--users must be more than ${IMPORTERS}: two of them import`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));
  ensureBuild({
    routes: [
      "/(app)/dashboard/page",
      "/(app)/contacts/page",
      "/(app)/import/[id]/page",
      "/(app)/bench-floor/page",
      "/api/imports/route",
      "/api/imports/[id]/route",
      "/api/v1/touches/route",
      "/api/v1/me/route",
    ],
    force: values.build,
  });
  const actionId = serverActionId({ file: "app/(app)/import/actions.ts", exportedName: "commitImportAction" });
  const handle = await openDb({ databaseUrl });
  try {
    await migrateDb(handle, databaseUrl);
    const [version] = await rawDriver(handle).query("select version() as version", []);
    console.log(`Engine: ${handle.engine} — ${String((version as { version?: unknown } | undefined)?.version)}`);
    console.log(`Machine: ${os.availableParallelism()} cores, load average ${loadAverage()}`);
    await seedAll(handle);
    const phases: PhaseResult[] = [];
    for (const servers of [1, 2]) {
      if (servers > 1) {
        console.log(`\nSeeding the ${IMPORTERS} importers afresh, so their file creates everyone again…`);
        for (let index = 0; index < IMPORTERS; index += 1) await seedUser(handle, index);
      }
      // What autovacuum would have done by now (a server may run with it
      // off): each phase starts on fresh statistics and no dead rows.
      await handle.db.execute(sql`vacuum analyze`);
      const result = await runPhase(handle, databaseUrl, { servers, actionId });
      printPhase(result);
      phases.push(result);
    }
    printGoals(phases, { importRows, listKinds: LIST_KINDS });
    console.log(`\nLoad average at the end: ${loadAverage()}`);
  } finally {
    await handle.close();
  }
}

await main();
