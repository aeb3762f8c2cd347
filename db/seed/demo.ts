import { eq, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { bulkInsert, createWriteQueue, insertStatements } from "@/db/queries/bulk-insert";
import { refreshContactSchedule } from "@/db/queries/schedule";
import {
  circles,
  contactCircles,
  contactEmails,
  contactLinks,
  contactPhones,
  contacts,
  events,
  interactionContacts,
  interactions,
  successes,
  users,
} from "@/db/schema";
import { planCircles, planContactDetails, planContacts, planEvents } from "./people";
import { createRandom } from "./random";
import { planEventTouches, planSuccesses, planTouches, type TouchRows } from "./touches";
import { DAY, startOfUtcDay } from "./time";

export const DEMO_EMAIL = "demo@kith.local";

export type SeedOptions = {
  email: string;
  name?: string;
  contacts: number;
  /** Total touches, "met at" and congratulation touches included. */
  touches: number;
  /** Default: 8, or one per 250 contacts when that is more. */
  events?: number;
  /** Default: 25, or one per 20 contacts when that is more. */
  successes?: number;
  /** The PRNG seed: the same seed and sizes give the same data. */
  seed?: number;
  /** Touches end here. Default: the start of today (UTC), so reruns on one day match. */
  now?: Date;
  /** Replace the user when the email exists; without it an existing user is an error. */
  reset?: boolean;
  onProgress?: (step: SeedStep) => void;
};

// Rows written by a step (a table, or "contact schedule") so far, and the
// seconds it took. Touches and their contact links are written together, so
// both count the whole touch stage.
export type SeedStep = { step: string; rows: number; seconds: number };

export type SeedResult = { userId: string; counts: Record<string, number>; seconds: number };

export class SeedUserExistsError extends Error {
  constructor(email: string) {
    super(`A user with the email ${email} already exists. Pass --reset to delete it (and all its data) and seed again.`);
    this.name = "SeedUserExistsError";
  }
}

const TOUCH_BATCH = 5_000;
const PROGRESS_EVERY = 100_000;

export function defaultEventCount(contactCount: number): number {
  return Math.max(8, Math.round(contactCount / 250));
}

export function defaultSuccessCount(contactCount: number): number {
  return Math.max(25, Math.round(contactCount / 20));
}

type Tally = {
  counts: Record<string, number>;
  /** Runs `work`, then adds to each step its rows and the time `work` took. */
  time: (rows: Record<string, number>, work: () => Promise<unknown>) => Promise<void>;
  report: (step: string) => void;
};

function createTally(onProgress: SeedOptions["onProgress"]): Tally {
  const counts: Record<string, number> = {};
  const seconds: Record<string, number> = {};
  return {
    counts,
    time: async (rows, work) => {
      const started = performance.now();
      await work();
      for (const [step, added] of Object.entries(rows)) {
        counts[step] = (counts[step] ?? 0) + added;
        seconds[step] = (seconds[step] ?? 0) + (performance.now() - started) / 1000;
      }
    },
    report: (step) => onProgress?.({ step, rows: counts[step] ?? 0, seconds: seconds[step] ?? 0 }),
  };
}

async function insertTouches(tx: Db, tally: Tally, rows: TouchRows): Promise<void> {
  await tally.time({ interactions: rows.interactions.length }, () => bulkInsert(tx, interactions, rows.interactions));
  await tally.time({ interaction_contacts: rows.links.length }, () => bulkInsert(tx, interactionContacts, rows.links));
}

// Writes batches of touches while the next batch is being generated.
async function insertTouchStream(tx: Db, tally: Tally, batches: Iterable<TouchRows>): Promise<void> {
  const queue = createWriteQueue(tx);
  let nextReport = PROGRESS_EVERY;
  for (const batch of batches) {
    // Each batch is timed from the moment it is queued until the next one is:
    // the stage's total is wall time, generation included.
    await tally.time({ interactions: batch.interactions.length, interaction_contacts: batch.links.length }, () =>
      queue.push([
        ...insertStatements(interactions, batch.interactions),
        ...insertStatements(interactionContacts, batch.links),
      ]),
    );
    if ((tally.counts.interactions ?? 0) >= nextReport) {
      tally.report("interactions");
      nextReport += PROGRESS_EVERY;
    }
  }
  await tally.time({ interactions: 0, interaction_contacts: 0 }, () => queue.drain());
}

// Seeds one user's demo account in a single transaction: circles, events,
// contacts with their details and circles, "met at" touches, successes (some
// congratulated), everyday touches, then the contacts' schedule.
export async function seedDemo(db: Db, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const random = createRandom(options.seed ?? 1);
  const now = options.now?.getTime() ?? startOfUtcDay(Date.now());
  const email = options.email.trim().toLowerCase();
  const tally = createTally(options.onProgress);
  const insert = async <T extends PgTable>(tx: Db, table: T, step: string, rows: readonly T["$inferInsert"][]) => {
    await tally.time({ [step]: rows.length }, () => bulkInsert(tx, table, rows));
    tally.report(step);
  };

  const userId = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email));
    if (existing) {
      if (!options.reset) throw new SeedUserExistsError(email);
      await tally.time({ "deleted user": 1 }, () => tx.delete(users).where(eq(users.id, existing.id)));
      tally.report("deleted user");
    }

    const [user] = await tx
      .insert(users)
      .values({
        email,
        name: options.name ?? "Demo User",
        emailVerified: new Date(now),
        timeZone: "Europe/London",
        digestWeekday: 1,
        digestHour: 8,
        createdAt: new Date(now - 1095 * DAY),
      })
      .returning({ id: users.id });
    if (!user) throw new Error("seedDemo: the user was not inserted");

    const circleRows = planCircles(user.id);
    await insert(tx, circles, "circles", circleRows);
    const eventPlan = planEvents(random, {
      userId: user.id,
      count: options.events ?? defaultEventCount(options.contacts),
      now,
    });
    await insert(tx, events, "events", eventPlan.rows);
    const contactPlan = planContacts(random, { userId: user.id, count: options.contacts, events: eventPlan.plans, now });
    await insert(tx, contacts, "contacts", contactPlan.rows);
    const details = planContactDetails(random, {
      userId: user.id,
      contacts: contactPlan.plans,
      names: contactPlan.names,
      circles: circleRows,
    });
    await insert(tx, contactEmails, "contact_emails", details.emails);
    await insert(tx, contactPhones, "contact_phones", details.phones);
    await insert(tx, contactLinks, "contact_links", details.links);
    await insert(tx, contactCircles, "contact_circles", details.memberships);

    const eventTouches = planEventTouches({
      userId: user.id,
      events: eventPlan.plans,
      contacts: contactPlan.plans,
      limit: options.touches,
    });
    const successPlan = planSuccesses(random, {
      userId: user.id,
      contacts: contactPlan.plans,
      count: options.successes ?? defaultSuccessCount(options.contacts),
      congratulationLimit: options.touches - eventTouches.interactions.length,
      now,
    });
    // Congratulation touches first: the successes point at them.
    await insertTouches(tx, tally, eventTouches);
    await insertTouches(tx, tally, successPlan.touches);
    await insert(tx, successes, "successes", successPlan.successes);

    const everydayCount = options.touches - eventTouches.interactions.length - successPlan.touches.interactions.length;
    await insertTouchStream(
      tx,
      tally,
      planTouches(random, { userId: user.id, contacts: contactPlan.plans, count: everydayCount, now, batchSize: TOUCH_BATCH }),
    );
    tally.report("interactions");
    tally.report("interaction_contacts");

    // The planner must know this user's rows before the schedule and health
    // refresh reads them. On a database analyzed before (a bench seeded
    // again), the statistics hold only the users then present: this user's
    // id is in none of them, so its contacts are estimated at one row, and
    // the health UPDATE joined them by nested loops, re-running the
    // value-touch aggregate once per contact (20,000 contacts: cancelled
    // after 7 minutes; 50,000: over 19). ANALYZE inside the transaction
    // counts the rows it inserted, and not those it deleted.
    await tx.execute(sql`analyze ${users}, ${contacts}, ${interactions}, ${interactionContacts}`);
    await tally.time({ "contact schedule": options.contacts }, () => refreshContactSchedule(tx, { userId: user.id }));
    tally.report("contact schedule");
    return user.id;
  });
  return { userId, counts: tally.counts, seconds: (performance.now() - started) / 1000 };
}
