import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { refreshDailyHealth } from "./daily-health";
import { runScheduledDigests } from "./scheduler";

const FIRST_TICK_MS = 30_000;

// The default way digests go out, and the day's health rescoring is done:
// every server process runs a pass every few minutes. Passes may overlap across processes (the ledger makes that
// safe); within one process a slow pass is never run twice at once.
export function startDigestTicker(): void {
  const minutes = env().KITH_DIGEST_INTERVAL_MINUTES;
  if (minutes === 0) return;
  let isRunning = false;
  const tick = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      const db = await getDb();
      const summary = await runScheduledDigests(db);
      if (summary.claimed > 0 || summary.sent > 0 || summary.failed > 0) {
        console.info(
          `[digest] sent ${summary.sent}, skipped ${summary.skipped}, failed ${summary.failed} (${summary.batches.length} batches)`,
        );
      }
      // Then the day's health rescoring, so each user's first view of the
      // day finds it done (daily-health.ts).
      const health = await refreshDailyHealth(db);
      if (health.users > 0) console.info(`[health] rescored ${health.users} users for their new day`);
    } catch (error) {
      console.error("[scheduler] the pass failed; the next tick tries again", error);
    } finally {
      isRunning = false;
    }
  };
  setTimeout(() => void tick(), FIRST_TICK_MS).unref();
  setInterval(() => void tick(), minutes * 60_000).unref();
}
