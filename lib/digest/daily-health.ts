import type { Db } from "@/db/client";
import { ensureFreshHealth, listUsersWithStaleHealth } from "@/db/queries/health";

const USERS_PER_ROUND = 50;

// Rescores every user whose day has begun (in their time zone) since their
// health was last rescored, so that the day's first dashboard or contacts
// view finds it done instead of doing it. Runs with the scheduler (the
// in-process ticker and the cron route); each user is claimed on their row
// (ensureFreshHealth), so any number of servers may run it at once, and a
// page view racing it simply finds the work done. Stops after `maxUsers`
// or `budgetMs` (a cron call has a time limit), leaving the rest to the
// next tick.
export async function refreshDailyHealth(
  db: Db,
  options: { now?: Date; maxUsers?: number; budgetMs?: number } = {},
): Promise<{ users: number }> {
  const now = options.now ?? new Date();
  const maxUsers = options.maxUsers ?? 1_000;
  const deadline = performance.now() + (options.budgetMs ?? 60_000);
  let done = 0;
  while (done < maxUsers && performance.now() < deadline) {
    const userIds = await listUsersWithStaleHealth(db, { now, limit: Math.min(USERS_PER_ROUND, maxUsers - done) });
    if (userIds.length === 0) break;
    for (const userId of userIds) await ensureFreshHealth(db, { userId, now });
    done += userIds.length;
  }
  return { users: done };
}
