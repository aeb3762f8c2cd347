import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { defaultOpenOptions, openDb } from "./client";
import { migrateDb } from "./migrate";
import { DataDirInUseError } from "./pglite-lock";
import { DEMO_EMAIL, seedDemo, SeedUserExistsError, type SeedStep } from "./seed/demo";
import { seedCareer } from "./seed/career";
import { seedJournal } from "./seed/journal";

// npm run db:seed -- [--contacts N] [--touches N] [--events N] [--successes N]
//                    [--wins N] [--seed N] [--email X] [--reset]
// An existing user with the email is left alone unless --reset is given: the
// seed deletes everything that user owns, so it never does so by surprise.

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a whole number, got "${value}"`);
  return parsed;
}

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`;
const printStep = (step: SeedStep) =>
  console.log(
    `[${elapsed()}] ${step.step.padEnd(22)} ${step.rows.toLocaleString("en-GB").padStart(10)} rows ${step.seconds.toFixed(2).padStart(8)} s`,
  );

async function main() {
  const { values } = parseArgs({
    options: {
      contacts: { type: "string" },
      touches: { type: "string" },
      events: { type: "string" },
      successes: { type: "string" },
      wins: { type: "string" },
      seed: { type: "string" },
      email: { type: "string" },
      reset: { type: "boolean", default: false },
    },
  });
  const email = values.email ?? DEMO_EMAIL;
  const seedOptions = {
    email,
    contacts: wholeNumber("contacts", values.contacts) ?? 60,
    touches: wholeNumber("touches", values.touches) ?? 400,
    events: wholeNumber("events", values.events),
    successes: wholeNumber("successes", values.successes),
    seed: wholeNumber("seed", values.seed),
    reset: values.reset,
    onProgress: printStep,
  };

  const wins = wholeNumber("wins", values.wins);
  const openOptions = defaultOpenOptions();
  const handle = await openDb(openOptions);
  try {
    await migrateDb(handle, "databaseUrl" in openOptions ? openOptions.databaseUrl : undefined);
    console.log(`Seeding ${email} on ${handle.engine}…`);
    const result = await seedDemo(handle.db, seedOptions);
    const journal = await seedJournal(handle.db, { userId: result.userId, wins: wins ?? 120 });
    console.log(`[${elapsed()}] journal: ${journal.roles} roles, ${journal.wins} wins, ${journal.people} people in them.`);
    const career = await seedCareer(handle.db, { userId: result.userId, goals: 5, stonesPerGoal: 6, skills: 60, learningItems: 40 });
    console.log(`[${elapsed()}] career: ${career.goals} goals, ${career.stones} stepping stones, ${career.skills} skills, ${career.learningItems} learning items.`);
    // Fresh statistics, so the first queries on the new rows get good plans.
    await handle.db.execute(sql`analyze`);
    console.log(`[${elapsed()}] analyze done. Seeded ${email} (user ${result.userId}).`);
  } finally {
    await handle.close();
  }
}

try {
  await main();
} catch (error) {
  // Expected failures get their message alone; anything else keeps its stack.
  const isExpected = error instanceof SeedUserExistsError || error instanceof DataDirInUseError;
  console.error(isExpected ? error.message : error);
  process.exitCode = 1;
}
