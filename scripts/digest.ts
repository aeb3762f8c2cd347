import { parseArgs } from "node:util";
import { defaultOpenOptions, openDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { DataDirInUseError } from "@/db/pglite-lock";
import { previewDueDigests, runScheduledDigests } from "@/lib/digest/scheduler";

// npm run digest -- [--dry-run] [--user EMAIL] [--now ISO]
// One scheduler pass, as the in-process ticker and /api/cron/digest run it.
// --dry-run prints who is due and what each would get, changing nothing.
// With the embedded database, stop `npm run dev` first (it owns the data
// directory) or call /api/cron/digest on the running server instead.

const { values } = parseArgs({
  options: {
    "dry-run": { type: "boolean", default: false },
    user: { type: "string" },
    now: { type: "string" },
  },
});

function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const now = new Date(value);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now must be an ISO date and time, got "${value}"`);
  return now;
}

class UsageError extends Error {}

async function main() {
  const now = parseNow(values.now);
  const openOptions = defaultOpenOptions();
  const handle = await openDb(openOptions);
  try {
    await migrateDb(handle, "databaseUrl" in openOptions ? openOptions.databaseUrl : undefined);
    if (values["dry-run"]) {
      const due = await previewDueDigests(handle.db, { now, email: values.user });
      console.log(`${due.length} due at ${now.toISOString()}${values.user ? ` (only ${values.user})` : ""}.`);
      for (const preview of due) {
        console.log(`\n${preview.email} · ${preview.period}`);
        if (!preview.subject) {
          console.log("  nothing to say: no email");
          continue;
        }
        console.log(`  subject: ${preview.subject}`);
        if (preview.reconnect.length > 0) console.log(`  reconnect: ${preview.reconnect.join(", ")}`);
        if (preview.congratulate.length > 0) console.log(`  congratulate: ${preview.congratulate.join("; ")}`);
      }
      return;
    }
    const summary = await runScheduledDigests(handle.db, { now, email: values.user, log: (line) => console.log(line) });
    console.log(
      `Claimed ${summary.claimed}: sent ${summary.sent} in ${summary.batches.length} batches, ` +
        `skipped ${summary.skipped} with nothing to say, failed ${summary.failed}.`,
    );
  } finally {
    await handle.close();
  }
}

try {
  await main();
} catch (error) {
  const isExpected = error instanceof UsageError || error instanceof DataDirInUseError;
  console.error(isExpected ? error.message : error);
  process.exitCode = 1;
}
