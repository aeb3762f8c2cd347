import type { Db } from "@/db/client";
import {
  getCirclesTouched,
  getNetworkHealth,
  getValueStreak,
  hasAnyTouch,
  listRecentEvents,
  listReconnectNow,
  listValueByWeek,
} from "@/db/queries/dashboard";
import { ensureFreshHealth } from "@/db/queries/health";
import { getJournalSummary } from "@/db/queries/journal-summary";
import { countWaitingSuccesses, listWaitingSuccesses } from "@/db/queries/successes";

export const DASHBOARD = {
  reconnectLimit: 5,
  congratulateLimit: 5,
  valueWeeks: 26,
  circleDays: 90,
  recentEvents: 3,
  peoplePerEvent: 4,
  journalHelpers: 5,
} as const;

// Everything the dashboard shows, as independent queries sent together (a
// pooled PostgreSQL connection runs them side by side), once the stored
// health scores are today's.
export async function loadDashboard(db: Db, params: { userId: string; now: Date; timeZone: string | null }) {
  const { userId, now, timeZone } = params;
  await ensureFreshHealth(db, { userId, now });
  const [health, reconnect, waiting, waitingCount, valueWeeks, streak, circles, recentEvents, hasTouches, journal] =
    await Promise.all([
    getNetworkHealth(db, { userId }),
    listReconnectNow(db, { userId, now, limit: DASHBOARD.reconnectLimit }),
    listWaitingSuccesses(db, { userId, limit: DASHBOARD.congratulateLimit }),
    countWaitingSuccesses(db, { userId }),
    listValueByWeek(db, { userId, now, timeZone, weeks: DASHBOARD.valueWeeks }),
    getValueStreak(db, { userId, now, timeZone }),
    getCirclesTouched(db, { userId, now, days: DASHBOARD.circleDays }),
    listRecentEvents(db, { userId, limit: DASHBOARD.recentEvents, peoplePerEvent: DASHBOARD.peoplePerEvent }),
    hasAnyTouch(db, { userId }),
    getJournalSummary(db, { userId, now, timeZone, helperLimit: DASHBOARD.journalHelpers }),
  ]);
  return {
    health,
    reconnect,
    waiting: { items: waiting.items, total: waitingCount },
    valueWeeks,
    streak,
    circles,
    recentEvents,
    hasTouches,
    journal,
  };
}

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;
