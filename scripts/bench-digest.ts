import os from "node:os";
import { parseArgs } from "node:util";
import { type SQL, sql } from "drizzle-orm";
import { type Db, type DbHandle, defaultOpenOptions, openDb, type OpenOptions } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { deriveDigestLinkKey } from "@/lib/digest/links";
import { type DigestPorts, runDigestPass } from "@/lib/digest/runner";
import { digestPorts } from "@/lib/digest/scheduler";
import { BATCH_LIMIT, resendMailer } from "@/lib/email/mailer";
import { startBatchServer } from "./lib/batch-server";
import { positiveOption as option } from "./lib/options";
import { timeMs } from "./lib/stats";
import { formatTable } from "./lib/table";
import { rowsOf } from "@/db/queries/rows";

// npm run bench:digest -- [--users 10000] [--contacts 200] [--reuse] [--now ISO]
// Seeds `--users` accounts bench-digest-<n>@kith.local with `--contacts`
// contacts each (about 40% touched, ~3 touches each, over two years; two
// successes per user) in a few set-based statements, then runs one
// scheduler pass (lib/digest/runner.ts) with the real compose, render and
// Resend SDK against a local server that answers POST /emails/batch, and
// prints where the time went. PostgreSQL when DATABASE_URL is set (the
// goal's setting); otherwise an in-memory PGlite with 500 users by default.
// The pass emails every due user in the database: it refuses a database
// with other users who get digests.

const EMAIL_PATTERN = "bench-digest-%@kith.local";
const GOAL_PASS_SECONDS = 60;
const PGLITE_DEFAULT_USERS = 500;

// Real zones from UTC−11 to UTC+14: at Wednesday 12:00 UTC each is already
// past Monday/Tuesday, so every bench user is due.
const TIME_ZONES = [
  "UTC",
  "Europe/London",
  "Europe/Berlin",
  "America/New_York",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "Asia/Kolkata",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Pacific/Pago_Pago",
  "Pacific/Kiritimati",
];
const FIRST_NAMES = "Ada,Ben,Chloe,Dev,Elif,Finn,Grace,Hugo,Ines,Jonas,Kaia,Liam,Maya,Noor,Omar,Priya,Quinn,Rosa,Sam,Tariq,Uma,Vera,Wei,Yara,Zoe";
const LAST_NAMES = "Abbott,Bauer,Chen,Diaz,Eriksen,Fischer,Garcia,Haddad,Ito,Jensen,Kowalski,Lopez,Moreau,Nakamura,Okafor,Patel,Rossi,Silva,Tanaka,Usman,Novak,Walsh,Young,Zimmer";
const COMPANIES = "Acme,Globex,Initech,Umbrella,Stark Labs,Wayne Co,Hooli,Pied Piper,Vandelay,Soylent";
const SUMMARIES = "Coffee catch-up,Quick call,Lunch,Sent an article,Intro over email,Met at a meetup,Birthday message,Video chat";
const CHANNELS = "meeting,call,video,message,email,social,event";
const VALUE_KINDS = "introduction,referral,advice,resource_shared,recommendation,help_offered,congratulation,thanks,volunteered_together,other";
const SUCCESS_KINDS = "new_job,promotion,launch,award,publication,personal_milestone,other";
const SUCCESS_TITLES = "Started a new role,Got promoted,Launched a product,Won an award,Published a paper,Ran a marathon";

const { values } = parseArgs({
  options: {
    users: { type: "string" },
    contacts: { type: "string" },
    reuse: { type: "boolean", default: false },
    now: { type: "string" },
  },
});

// The first Wednesday 12:00 UTC after the current time: every bench user's
// digest (Monday or Tuesday, any hour, in any zone) is due by then.
function defaultNow(): Date {
  const now = new Date();
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12));
  at.setUTCDate(at.getUTCDate() + ((3 - at.getUTCDay() + 7) % 7));
  if (at <= now) at.setUTCDate(at.getUTCDate() + 7);
  return at;
}

function parseNow(value: string | undefined): Date {
  if (value === undefined) return defaultNow();
  const now = new Date(value);
  if (Number.isNaN(now.getTime())) throw new Error(`--now must be an ISO date and time, got "${value}"`);
  return now;
}


async function countOf(db: Db, query: SQL): Promise<number> {
  const [row] = rowsOf<{ count: unknown }>(await db.execute(query));
  return Number(row?.count ?? 0);
}

const pick = (list: string) => sql`(string_to_array(${list}, ','))[1 + floor(random() * ${list.split(",").length})::int]`;

async function step(name: string, run: () => Promise<unknown>) {
  const ms = await timeMs(run);
  console.log(`  ${name}: ${(ms / 1000).toFixed(1)} s`);
}

// Set-based: each table is filled by one statement. Contacts and touches are
// generated into temporary tables first, so each contact is written once with
// last_touched_at and next_due_at already computed as db/queries/schedule.ts
// computes them (stored health stays null; the digest scores its few live).
async function seed(db: Db, params: { users: number; contacts: number; now: Date }) {
  const now = sql`${params.now.toISOString()}::timestamptz`;
  await step("delete previous bench users", () => db.execute(sql`delete from users where email like ${EMAIL_PATTERN}`));
  await db.transaction(async (tx) => {
    await step(`users (${params.users.toLocaleString("en-GB")})`, () =>
      tx.execute(sql`
        insert into users (email, name, email_verified, time_zone, digest_weekday, digest_hour, digest_enabled, created_at, updated_at)
        select 'bench-digest-' || n || '@kith.local', ${pick(FIRST_NAMES)} || ' ' || ${pick(LAST_NAMES)},
          ${now} - interval '2 years',
          (string_to_array(${TIME_ZONES.join(",")}, ','))[1 + n % ${TIME_ZONES.length}],
          1 + n % 2, n % 24, true, ${now} - interval '2 years', ${now} - interval '2 years'
        from generate_series(1, ${params.users}) n`),
    );
    await step("generate contacts (temporary table)", () =>
      tx.execute(sql`
      create temporary table bench_contacts on commit drop as
      select gen_random_uuid() as id, u.id as user_id, n as ordinal,
        ${pick(FIRST_NAMES)} || ' ' || ${pick(LAST_NAMES)} as name,
        case when random() < 0.6 then ${pick(COMPANIES)} end as company,
        (case n % 10 when 0 then 'inner' when 5 then 'distant' else 'regular' end)::contact_tier as tier,
        ${now} - random() * interval '730 days' as created_at
      from users u cross join generate_series(1, ${params.contacts}) n
      where u.email like ${EMAIL_PATTERN}`),
    );
    // ~40% of contacts touched, 1–5 times each (3 on average), after they were added.
    await step("generate touches (temporary table)", () =>
      tx.execute(sql`
      create temporary table bench_touches on commit drop as
      select gen_random_uuid() as id, c.user_id, c.id as contact_id,
        c.created_at + random() * (${now} - c.created_at) as occurred_at,
        random() < 0.2 as has_value
      from (select id, user_id, created_at, 1 + floor(random() * 5)::int as touches
            from bench_contacts where random() < 0.4 offset 0) c
      cross join lateral generate_series(1, c.touches)`),
    );
    await step("contacts", () =>
      tx.execute(sql`
        insert into contacts (id, user_id, name, company, tier, created_at, updated_at, last_touched_at, next_due_at)
        select c.id, c.user_id, c.name, c.company, c.tier, c.created_at, c.created_at, t.last_touched_at,
          coalesce(t.last_touched_at, c.created_at)
            + make_interval(days => coalesce(case c.tier when 'inner' then 14 when 'distant' then 90 end, u.default_cadence_days))
        from bench_contacts c
        join users u on u.id = c.user_id
        left join (select contact_id, max(occurred_at) as last_touched_at from bench_touches group by contact_id) t
          on t.contact_id = c.id`),
    );
    await step("interactions", () =>
      tx.execute(sql`
        insert into interactions (id, user_id, occurred_at, channel, summary, value_kind, value_direction, created_at, updated_at)
        select id, user_id, occurred_at, ${pick(CHANNELS)}::interaction_channel,
          case when random() < 0.7 then ${pick(SUMMARIES)} end,
          case when has_value then ${pick(VALUE_KINDS)}::value_kind end,
          case when has_value then (case when random() < 0.5 then 'given' else 'received' end)::value_direction end,
          occurred_at, occurred_at
        from bench_touches`),
    );
    await step("interaction_contacts", () =>
      tx.execute(sql`
        insert into interaction_contacts (user_id, interaction_id, contact_id, occurred_at, value_direction)
        select t.user_id, t.id, t.contact_id, t.occurred_at, i.value_direction
        from bench_touches t join interactions i on i.id = t.id`),
    );
    await step("successes (2 per user)", () =>
      tx.execute(sql`
        insert into successes (user_id, contact_id, kind, title, occurred_on, created_at)
        select user_id, id, ${pick(SUCCESS_KINDS)}::success_kind, ${pick(SUCCESS_TITLES)}, (s.at at time zone 'UTC')::date, s.at
        from (select user_id, id, ${now} - random() * interval '60 days' as at
              from bench_contacts where ordinal in (1, greatest(2, ${params.contacts} / 2))) s`),
    );
  });
}

async function prepare(handle: DbHandle, params: { users: number; contacts: number; now: Date }) {
  const { db } = handle;
  const others = await countOf(
    db,
    sql`select count(*) from users where digest_enabled and email not like ${EMAIL_PATTERN}`,
  );
  if (others > 0) {
    throw new Error(
      `This database has ${others} other users with digests on: the pass would email them too. Use a database of its own (see README).`,
    );
  }
  const existing = await countOf(db, sql`select count(*) from users where email like ${EMAIL_PATTERN}`);
  if (values.reuse && existing > 0) {
    // So the pass has the same work to do as the first time, on tables as
    // fresh as after seeding: without the vacuum, the dead rows of earlier
    // passes and stale statistics made compose three times slower.
    await db.execute(sql`
      delete from digest_deliveries where user_id in (select id from users where email like ${EMAIL_PATTERN})`);
    await db.execute(sql`vacuum analyze`);
    console.log(`Reusing ${existing.toLocaleString("en-GB")} bench users (--reuse): their digest deliveries deleted, not seeding.`);
    return existing;
  }
  console.log(
    `Seeding ${params.users.toLocaleString("en-GB")} users × ${params.contacts.toLocaleString("en-GB")} contacts…`,
  );
  const seedMs = await timeMs(() => seed(db, params));
  const vacuumMs = await timeMs(() => db.execute(sql`vacuum analyze`));
  const [counts] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select (select count(*) from contacts c join users u on u.id = c.user_id where u.email like ${EMAIL_PATTERN}) as contacts,
             (select count(*) from interactions i join users u on u.id = i.user_id where u.email like ${EMAIL_PATTERN}) as touches,
             (select count(*) from successes s join users u on u.id = s.user_id where u.email like ${EMAIL_PATTERN}) as successes`),
  );
  const fmt = (value: unknown) => Number(value).toLocaleString("en-GB");
  console.log(
    `Seeded in ${(seedMs / 1000).toFixed(1)} s (+ VACUUM ANALYZE ${(vacuumMs / 1000).toFixed(1)} s): ` +
      `${fmt(counts?.contacts)} contacts, ${fmt(counts?.touches)} touches, ${fmt(counts?.successes)} successes.`,
  );
  return params.users;
}

// Wall-clock time during which at least one of some calls was running.
function wallClock() {
  let wall = 0;
  let active = 0;
  let since = 0;
  return {
    start() {
      if (active === 0) since = performance.now();
      active += 1;
    },
    stop() {
      active -= 1;
      if (active === 0) wall += performance.now() - since;
    },
    wall: () => wall,
  };
}

// Time spent in one kind of port call: summed over calls, and wall-clock
// time during which at least one was running. `any` runs across all phases:
// the runner composes the next batch while it renders and sends this one,
// so phases overlap.
function phaseClock(any: ReturnType<typeof wallClock>) {
  const own = wallClock();
  let summed = 0;
  let calls = 0;
  return {
    async time<T>(run: () => Promise<T>): Promise<T> {
      const started = performance.now();
      own.start();
      any.start();
      calls += 1;
      try {
        return await run();
      } finally {
        summed += performance.now() - started;
        own.stop();
        any.stop();
      }
    },
    result: () => ({ summed, wall: own.wall(), calls }),
  };
}

function timedPorts(ports: DigestPorts) {
  const any = wallClock();
  const clocks = { any, compose: phaseClock(any), render: phaseClock(any), http: phaseClock(any) };
  const timed: DigestPorts = {
    compose: (claims) => clocks.compose.time(() => ports.compose(claims)),
    render: (stored) => clocks.render.time(() => ports.render(stored)),
    mailer: { ...ports.mailer, sendBatch: (mails, options) => clocks.http.time(() => ports.mailer.sendBatch(mails, options)) },
  };
  return { timed, clocks };
}

async function main() {
  const defaults = defaultOpenOptions();
  const isPostgres = "databaseUrl" in defaults;
  // Never the app's own embedded database: an in-memory one when there is no server.
  const options: OpenOptions = isPostgres ? defaults : { dataDir: undefined };
  const userCount = option("users", values.users, isPostgres ? 10_000 : PGLITE_DEFAULT_USERS);
  const contactCount = option("contacts", values.contacts, 200);
  const now = parseNow(values.now);

  const handle = await openDb(options);
  const server = await startBatchServer();
  try {
    await migrateDb(handle, isPostgres ? defaults.databaseUrl : undefined);
    const [version] = rowsOf<{ version: string }>(await handle.db.execute(sql`select version() as version`));
    console.log(`Engine: ${handle.engine} — ${version?.version ?? "?"}`);
    console.log(`Machine: ${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    if (!isPostgres) console.log(`No DATABASE_URL: in-memory PGlite, ${userCount} users by default; the goal is for PostgreSQL.`);
    const users = await prepare(handle, { users: userCount, contacts: contactCount, now });

    const mailer = resendMailer({ apiKey: "re_bench", baseUrl: server.url, from: "Kith <digest@kith.example>" });
    const ports = digestPorts(handle.db, {
      now,
      mailer,
      links: { appUrl: "https://kith.example", key: deriveDigestLinkKey("bench") },
    });
    const { timed, clocks } = timedPorts(ports);
    console.log(`\nOne scheduler pass at ${now.toISOString()} against ${server.url}…`);
    const started = performance.now();
    const summary = await runDigestPass(handle.db, timed, { now });
    const totalMs = performance.now() - started;
    const received = server.counts();

    const batches = summary.batches;
    const isFullButLast = batches.length > 0 && batches.slice(0, -1).every((size) => size === BATCH_LIMIT);
    const seconds = (ms: number) => (ms / 1000).toFixed(2);
    const share = (ms: number) => `${((100 * ms) / totalMs).toFixed(1)}%`;
    const phases = {
      compose: clocks.compose.result(),
      render: clocks.render.result(),
      http: clocks.http.result(),
    };
    const otherMs = totalMs - clocks.any.wall();
    const overlapMs = phases.compose.wall + phases.render.wall + phases.http.wall - clocks.any.wall();

    console.log("\nThe pass:\n");
    console.log(
      formatTable(
        ["measure", "value"],
        [
          ["users", users.toLocaleString("en-GB")],
          ["claimed", summary.claimed.toLocaleString("en-GB")],
          ["sent", summary.sent.toLocaleString("en-GB")],
          ["skipped", summary.skipped.toLocaleString("en-GB")],
          ["failed", summary.failed.toLocaleString("en-GB")],
          [
            "batches",
            `${batches.length} (${isFullButLast ? `all ${BATCH_LIMIT} but the last` : "not all full"}; last ${batches.at(-1) ?? 0})`,
          ],
          ["server received", `${received.requests} requests, ${received.emails.toLocaleString("en-GB")} emails, ${received.idempotencyKeys} keys`],
          ["total", `${seconds(totalMs)} s`],
          ["users / second", (summary.claimed / (totalMs / 1000)).toFixed(1)],
        ],
        ["left", "left"],
      ),
    );

    console.log(
      "\nWhere the time went (wall: while at least one call ran; summed: over overlapping calls; " +
        "compose is called once per chunk of up to 100 users):\n",
    );
    const row = (name: string, phase: { summed: number; wall: number; calls: number }) => [
      name,
      phase.calls.toLocaleString("en-GB"),
      seconds(phase.wall),
      share(phase.wall),
      seconds(phase.summed),
      phase.calls ? `${(phase.summed / phase.calls).toFixed(1)}` : "-",
    ];
    console.log(
      formatTable(
        ["phase", "calls", "wall s", "% of pass", "summed s", "ms / call"],
        [
          row("SQL (compose)", phases.compose),
          row("render (React Email)", phases.render),
          row("HTTP (sendBatch)", phases.http),
          ["ledger + other (no phase running)", "-", seconds(otherMs), share(otherMs), "-", "-"],
          ["overlap (phases running together)", "-", `-${seconds(overlapMs)}`, `-${share(overlapMs)}`, "-", "-"],
        ],
      ),
    );

    const verdict = (isMet: boolean) => (isMet ? "PASS" : "MISS");
    console.log("\nGoal:\n");
    console.log(
      formatTable(
        ["goal", "measured", "result"],
        [
          [`pass ≤ ${GOAL_PASS_SECONDS} s`, `${seconds(totalMs)} s`, verdict(totalMs <= GOAL_PASS_SECONDS * 1000)],
          [
            `every batch ${BATCH_LIMIT} but the last`,
            batches.join(",").length > 60 ? `${batches.length} batches, last ${batches.at(-1) ?? 0}` : batches.join(", "),
            verdict(isFullButLast),
          ],
        ],
        ["left", "right", "left"],
      ),
    );
    if (!isPostgres) console.log("\n(PGlite with a small default: the goal is for 10,000 users on PostgreSQL.)");
  } finally {
    await server.close();
    await handle.close();
  }
}

await main();
