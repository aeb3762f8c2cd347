import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ensureFreshHealth, healthSource } from "@/db/queries/health";
import { contacts, users } from "@/db/schema";
import { DAY_MS } from "@/lib/health/model";
import { type Summary, summarize, timeMs } from "./stats";

export type DayStartResults = {
  /** ensureFreshHealth on the first read of a day: claim, rescore, write what changed. */
  rescore: Summary;
  /** The bare SELECT of every contact's score at the same moment: what computing costs without writing. */
  select: Summary;
  /** Rows each day's rescoring had to write, in run order. */
  written: number[];
};

// The day's first view, timed as it happens: each run is the next day (the
// runs end today), so the user's health is really stale and recency has
// really decayed for a day. Before the first run every contact is scored as
// of the day before it, untimed. The floor, the same SELECT that computes
// every score, is timed in the same run, just before.
export async function measureDayStart(db: Db, params: { userId: string; runs: number }): Promise<DayStartResults> {
  const { userId, runs } = params;
  const today = Date.now();
  const day = (run: number) => new Date(today - (runs - run) * DAY_MS);
  await db
    .update(users)
    .set({ healthRefreshedAt: new Date(day(0).getTime() - DAY_MS) })
    .where(eq(users.id, userId));
  await ensureFreshHealth(db, { userId, now: day(0) });

  const samples = { rescore: [] as number[], select: [] as number[] };
  const written: number[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const now = day(run);
    const source = healthSource({ userId, now });
    const [changed] = await db
      .select({ count: sql<number>`count(*)`.mapWith(Number) })
      .from(sql`(${source}) as h`)
      .innerJoin(contacts, sql`${contacts.id} = h.contact_id`)
      .where(sql`(${contacts.healthScore}, ${contacts.healthBand}) is distinct from (h.score, h.band)`);
    written.push(changed?.count ?? 0);
    // As the rescoring runs it: in a transaction, without JIT compilation.
    samples.select.push(
      await timeMs(() =>
        db.transaction(async (tx) => {
          await tx.execute(sql`set local jit = off`);
          await tx.execute(sql`select sum(h.score) from (${source}) as h`);
        }),
      ),
    );
    samples.rescore.push(await timeMs(() => ensureFreshHealth(db, { userId, now })));
  }
  return { rescore: summarize(samples.rescore), select: summarize(samples.select), written };
}
