import { lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deleteBatch } from "@/db/queries/delete-batch";
import { rateLimits } from "@/db/schema";

// The longest window a counter may use: pruning deletes windows opened
// longer ago than this, whatever their key.
export const RATE_LIMIT_MAX_WINDOW_SECONDS = 24 * 60 * 60;

// Counts one hit in a fixed window, atomically: concurrent requests on any
// number of web servers each see a distinct count.
export async function hitRateLimit(
  db: Db,
  params: { key: string; windowSeconds: number; now: Date },
): Promise<{ hits: number; windowStart: Date }> {
  if (params.windowSeconds > RATE_LIMIT_MAX_WINDOW_SECONDS) {
    throw new Error(`rate limit window of ${params.windowSeconds}s is longer than pruning keeps`);
  }
  const windowOpenedBefore = new Date(params.now.getTime() - params.windowSeconds * 1000);
  const expired = sql`${rateLimits.windowStart} <= ${windowOpenedBefore.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key: params.key, windowStart: params.now, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${rateLimits.hits} + 1 end`,
        windowStart: sql`case when ${expired} then excluded.window_start else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ hits: rateLimits.hits, windowStart: rateLimits.windowStart });
  if (!row) throw new Error("rate limit upsert returned no row");
  return row;
}

// Deletes up to `limit` counters whose window opened before `openedBefore`
// (a counter reset by a concurrent hit in between survives); returns how many.
export function pruneRateLimits(db: Db, params: { openedBefore: Date; limit: number }): Promise<number> {
  const matches = lte(rateLimits.windowStart, params.openedBefore);
  return deleteBatch(db, rateLimits, { matches, key: [rateLimits.key], limit: params.limit });
}
