import os from "node:os";
import { parseArgs } from "node:util";
import { eq, like, sql } from "drizzle-orm";
import { type Db, defaultOpenOptions, openDb, type OpenOptions } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { commitImport } from "@/db/queries/import-commit";
import { createImport, getImport } from "@/db/queries/imports";
import { processImport } from "@/lib/import/process";
import { rowsOf } from "@/db/queries/rows";
import { users } from "@/db/schema";
import { decodeFile } from "@/lib/import/decode";
import { detectSource } from "@/lib/import/detect";
import { parseImportFile } from "@/lib/import/parse";
import { linkedinFile, person } from "./lib/linkedin-file";
import { positiveOption as option } from "./lib/options";
import { whileServing } from "./lib/responsiveness";
import { summarize, timeMs } from "./lib/stats";
import { formatTable } from "./lib/table";

// npm run bench:import -- [--rows 10000] [--runs 3] [--only adversarial]
// Generates a LinkedIn Connections.csv and a vCard file of `--rows` people
// each, then for each: the preview (upload to ready: decode, parse, match
// against the user's contacts, write the plan) and the commit, into a fresh
// account; then the same file again into the now full account (every row
// matches: the matching's worst case). Prints medians over `--runs`, peak
// memory, and a floor measured in the same run: the parse alone (no
// database) and a bare multi-row insert of as many rows. PostgreSQL when
// DATABASE_URL is set (the goal's setting); otherwise an in-memory PGlite.
// Then files written to hurt (one person 15,000 times; cells of 10,000
// spaces): their preview time, and how long a request to a server in the
// same process waits while the preview runs.

const GOAL_PREVIEW_MS = 3_000;
const GOAL_COMMIT_MS = 5_000;
const GOAL_LATENCY_MS = 200;
const EMAIL_PATTERN = "bench-import-%@kith.local";

const { values } = parseArgs({
  options: { rows: { type: "string" }, runs: { type: "string" }, only: { type: "string" } },
});
if (values.only !== undefined && values.only !== "adversarial") throw new Error("--only takes adversarial");
const rowCount = option("rows", values.rows, 10_000);
const runs = option("runs", values.runs, 3);

// A small JPEG's worth of base64, as phones embed in cards.
const PHOTO = "/9j/4AAQSkZJRgABAQAAAQABAAD".repeat(60);

function vcardFile(rows: number): Uint8Array {
  const cards: string[] = [];
  for (let index = 0; index < rows; index += 1) {
    const p = person(index);
    const lines = [
      "BEGIN:VCARD",
      "VERSION:3.0",
      `N:${p.last};${p.first};;;`,
      `FN:${p.first} ${p.last}`,
      `ORG:${p.company.replaceAll(",", "\\,")};`,
      `TITLE:${p.role}`,
      `item1.EMAIL;type=INTERNET;type=WORK;type=pref:${p.email || `${p.slug}@example.org`}`,
      "item1.X-ABLabel:_$!<Work>!$_",
      `TEL;type=CELL;type=VOICE;type=pref:+44 7700 ${String(900000 + index).slice(-6)}`,
      `item2.URL;type=pref:https://www.linkedin.com/in/${p.slug}`,
      "item2.X-ABLabel:LinkedIn",
      `BDAY;X-APPLE-OMIT-YEAR=1604:1604-${String((index % 12) + 1).padStart(2, "0")}-${String((index % 28) + 1).padStart(2, "0")}`,
      `NOTE:Met at a meetup\\, talked about ${p.role.toLowerCase()} work.`,
      "CATEGORIES:Imported,Meetups",
      `X-SOCIAL-HANDLE:@${p.slug}`,
    ];
    if (index % 10 === 0) {
      // Folded at 75 characters, as exporters write it.
      const photo = `PHOTO;ENCODING=b;TYPE=JPEG:${PHOTO}`;
      lines.push(photo.slice(0, 75), ...(photo.slice(75).match(/.{1,74}/g) ?? []).map((part) => ` ${part}`));
    }
    lines.push("END:VCARD");
    cards.push(lines.join("\r\n"));
  }
  return new TextEncoder().encode(`${cards.join("\r\n")}\r\n`);
}

// One person, row after row: every row after the first folds into it.
const SAME_PERSON_ROWS = 15_000;
function samePersonFile(): Uint8Array {
  const lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"];
  for (let index = 0; index < SAME_PERSON_ROWS; index += 1) {
    lines.push(`Ada,Lovelace,https://www.linkedin.com/in/ada-${index},ada.${index}@example.com,Acme,Engineer,22 Dec 2025`);
  }
  return new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
}

// Cells Google splits on " ::: ", each 10,000 characters of mostly spaces.
const WHITESPACE_ROWS = 50;
function whitespaceFile(): Uint8Array {
  const spaces = " ".repeat(9_990);
  const lines = ["First Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value,Organization Name,Organization Title"];
  for (let index = 0; index < WHITESPACE_ROWS; index += 1) {
    const cell = (word: string) => `${word}${spaces}${word}`;
    lines.push(["Grace", `Hopper${index}`, cell("Friends"), cell("Work"), cell(`g${index}@example.com`), cell("Navy"), cell("Rear Admiral")].join(","));
  }
  return new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
}

async function adversarial(db: Db) {
  const files = [
    { label: `LinkedIn CSV, one person ${SAME_PERSON_ROWS.toLocaleString("en-GB")} times`, name: "Connections.csv", bytes: samePersonFile() },
    { label: `Google CSV, ${WHITESPACE_ROWS} rows of 10,000-space cells`, name: "contacts.csv", bytes: whitespaceFile() },
  ];
  const table: string[][] = [];
  for (const file of files) {
    const userId = await newUser(db, "adversarial");
    let importId = "";
    const { result, latency } = await whileServing(() =>
      timeMs(async () => {
        importId = await previewOnce(db, userId, file.name, file.bytes);
      }),
    );
    const job = await getImport(db, { userId, importId });
    const c = job?.counts ?? { create: 0, merge: 0, skip: 0, reject: 0 };
    const commitMs = await timeMs(() => commitImport(db, { userId, importId, circleIds: [] }));
    table.push([
      file.label,
      `${(file.bytes.length / 1024 / 1024).toFixed(1)} MB`,
      `${job?.status}: ${c.create} new, ${c.merge} merged, ${c.reject} rejected`,
      (result / 1000).toFixed(2),
      (commitMs / 1000).toFixed(2),
      `${latency.requests}`,
      latency.p50.toFixed(0),
      latency.max.toFixed(0),
      latency.max < GOAL_LATENCY_MS ? "PASS" : "MISS",
    ]);
    await db.delete(users).where(eq(users.id, userId));
  }
  console.log(
    `\nAdversarial files: preview and commit, and during the preview a request every 50 ms to a server in this process (goal: max < ${GOAL_LATENCY_MS} ms):\n`,
  );
  console.log(
    formatTable(
      ["file", "size", "plan", "preview s", "commit s", "requests", "p50 ms", "max ms", "goal"],
      table,
      ["left", "right", "left", "right", "right", "right", "right", "right", "left"],
    ),
  );
}

// The highest resident memory seen while `run` ran, sampled every 10 ms.
async function withPeakRss<T>(run: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    const result = await run();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

async function newUser(db: Db, run: string) {
  const [user] = await db
    .insert(users)
    .values({ email: `bench-import-${run}-${Date.now()}@kith.local`, timeZone: "Europe/London" })
    .returning({ id: users.id });
  if (!user) throw new Error("no user");
  return user.id;
}

type Sample = { previewMs: number; commitMs: number; peakMb: number; counts: string };

// Upload to ready, as the route and its after() do it.
async function previewOnce(db: Db, userId: string, fileName: string, bytes: Uint8Array): Promise<string> {
  const content = decodeFile(bytes);
  const created = await createImport(db, { userId, source: detectSource(fileName, content), fileName, fileSize: bytes.length, content });
  await processImport(db, { importId: created.id });
  return created.id;
}

async function importOnce(db: Db, userId: string, fileName: string, bytes: Uint8Array): Promise<Sample> {
  let importId = "";
  const preview = await withPeakRss(() =>
    timeMs(async () => {
      importId = await previewOnce(db, userId, fileName, bytes);
    }),
  );
  const job = await getImport(db, { userId, importId });
  if (job?.status !== "ready") throw new Error(`the import ended ${job?.status}: ${job?.errors.join("; ")}`);
  const commit = await withPeakRss(() =>
    timeMs(async () => {
      const result = await commitImport(db, { userId, importId, circleIds: [] });
      if (!result.ok) throw new Error(`commit failed: ${result.reason}`);
    }),
  );
  const c = job.counts ?? { create: 0, merge: 0, skip: 0, reject: 0 };
  return {
    previewMs: preview.result,
    commitMs: commit.result,
    peakMb: Math.max(preview.peakMb, commit.peakMb),
    counts: `${c.create} new, ${c.merge} merged, ${c.skip} skipped, ${c.reject} rejected`,
  };
}

async function main() {
  const defaults = defaultOpenOptions();
  const isPostgres = "databaseUrl" in defaults;
  const options: OpenOptions = isPostgres ? defaults : { dataDir: undefined };
  const handle = await openDb(options);
  const { db } = handle;
  try {
    await migrateDb(handle, isPostgres ? defaults.databaseUrl : undefined);
    await db.delete(users).where(like(users.email, EMAIL_PATTERN));
    const [version] = rowsOf<{ version: string }>(await db.execute(sql`select version() as version`));
    console.log(`Engine: ${handle.engine} — ${version?.version ?? ""}`);
    console.log(`Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}`);

    const files =
      values.only === "adversarial"
        ? []
        : [
            { label: "LinkedIn CSV", name: "Connections.csv", bytes: linkedinFile(rowCount) },
            { label: "vCard", name: "contacts.vcf", bytes: vcardFile(rowCount) },
          ];
    const table: string[][] = [];
    const goals: string[][] = [];
    for (const file of files) {
      console.log(`\n${file.label}: ${rowCount.toLocaleString("en-GB")} rows, ${(file.bytes.length / 1024 / 1024).toFixed(1)} MB`);
      const fresh: Sample[] = [];
      const again: Sample[] = [];
      const parseMs: number[] = [];
      const insertMs: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        parseMs.push(
          await timeMs(async () => {
            const text = decodeFile(file.bytes);
            parseImportFile(detectSource(file.name, text), text, null);
          }),
        );
        insertMs.push(
          await timeMs(() =>
            db.transaction(async (tx) => {
              await tx.execute(sql`create temporary table bench_floor (id uuid, body jsonb) on commit drop`);
              await tx.execute(
                sql`insert into bench_floor select gen_random_uuid(), jsonb_build_object('n', n) from generate_series(1, ${rowCount}) n`,
              );
            }),
          ),
        );
        const userId = await newUser(db, `${run}`);
        fresh.push(await importOnce(db, userId, file.name, file.bytes));
        again.push(await importOnce(db, userId, file.name, file.bytes));
        console.log(`  run ${run + 1}: new ${fresh.at(-1)?.counts}; again ${again.at(-1)?.counts}`);
        await db.delete(users).where(eq(users.id, userId));
      }
      const median = (samples: number[]) => summarize(samples).p50;
      const floor = median(parseMs) + median(insertMs);
      for (const [scenario, samples] of [
        ["into an empty account", fresh],
        ["again, every row matching", again],
      ] as const) {
        const preview = median(samples.map((s) => s.previewMs));
        const commit = median(samples.map((s) => s.commitMs));
        table.push([
          file.label,
          scenario,
          (preview / 1000).toFixed(2),
          (commit / 1000).toFixed(2),
          `${Math.max(...samples.map((s) => s.peakMb)).toFixed(0)}`,
          (preview / floor).toFixed(1),
        ]);
        goals.push(
          [`${file.label} ${scenario}: preview ≤ 3 s`, `${(preview / 1000).toFixed(2)} s`, preview <= GOAL_PREVIEW_MS ? "PASS" : "MISS"],
          [`${file.label} ${scenario}: commit ≤ 5 s`, `${(commit / 1000).toFixed(2)} s`, commit <= GOAL_COMMIT_MS ? "PASS" : "MISS"],
        );
      }
      table.push([
        file.label,
        "floor: parse alone + bare insert of as many rows",
        `${(median(parseMs) / 1000).toFixed(2)} + ${(median(insertMs) / 1000).toFixed(2)}`,
        "-",
        "-",
        "1.0",
      ]);
    }
    await adversarial(db);
    if (files.length === 0) return;
    console.log(`\nMedians of ${runs} runs (seconds; peak RSS of the process in MB):\n`);
    console.log(
      formatTable(
        ["file", "scenario", "preview s", "commit s", "peak RSS MB", "preview ÷ floor"],
        table,
        ["left", "left", "right", "right", "right", "right"],
      ),
    );
    console.log("\nGoals:\n");
    console.log(formatTable(["goal", "measured", "result"], goals, ["left", "right", "left"]));
    if (!isPostgres) console.log("\n(PGlite: the goals are for PostgreSQL; set DATABASE_URL.)");
  } finally {
    await handle.close();
  }
}

await main();
