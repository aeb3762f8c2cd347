import type { Db } from "@/db/client";
import { pruneIdempotencyKeys } from "@/db/queries/idempotency";
import { pruneRateLimits, RATE_LIMIT_MAX_WINDOW_SECONDS } from "@/db/queries/rate-limits";
import { pruneExpiredVerificationTokens } from "@/db/queries/verification-tokens";

const BATCH = 5_000;
const MAX_BATCHES = 20;

// A device's offline queue replays within days; a key kept this long covers
// a phone left offline for weeks, and the table stays small.
export const IDEMPOTENCY_KEY_DAYS = 30;

export type PruneSummary = { rateLimits: number; verificationTokens: number; idempotencyKeys: number };

// Run by every scheduler pass (lib/digest/scheduler.ts). Short deletes of a
// bounded size, so no pass holds locks for long, and up to 100,000 rows of
// each kind per pass; what is left waits for the next pass. Any number of
// servers may prune at once: deleting what is already gone deletes nothing.
export async function pruneStaleRecords(db: Db, options: { now?: Date; batchSize?: number } = {}): Promise<PruneSummary> {
  const now = options.now ?? new Date();
  const limit = options.batchSize ?? BATCH;
  const openedBefore = new Date(now.getTime() - RATE_LIMIT_MAX_WINDOW_SECONDS * 1000);
  const createdBefore = new Date(now.getTime() - IDEMPOTENCY_KEY_DAYS * 86_400_000);
  return {
    rateLimits: await inBatches(() => pruneRateLimits(db, { openedBefore, limit }), limit),
    verificationTokens: await inBatches(() => pruneExpiredVerificationTokens(db, { now, limit }), limit),
    idempotencyKeys: await inBatches(() => pruneIdempotencyKeys(db, { createdBefore, limit }), limit),
  };
}

async function inBatches(prune: () => Promise<number>, limit: number): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const deleted = await prune();
    total += deleted;
    if (deleted < limit) break;
  }
  return total;
}
