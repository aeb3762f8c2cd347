import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";

// Counts one hit in a fixed window, atomically: concurrent requests on any
// number of web servers each see a distinct count.
export async function hitRateLimit(
  db: Db,
  params: { key: string; windowSeconds: number; now: Date },
): Promise<{ hits: number; windowStart: Date }> {
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
