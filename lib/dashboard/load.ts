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
import { getNextStep, listGoalChoices } from "@/db/queries/goal-network";
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
// health scores are today's. goalId keeps "Reconnect now" to the people who
// matter for that goal (another user's goal: nobody).
export async function loadDashboard(
  db: Db,
  params: { userId: string; now: Date; timeZone: string | null; goalId?: string },
) {
  const { userId, now, timeZone, goalId } = params;
  await ensureFreshHealth(db, { userId, now });
  const [
    health,
    reconnect,
    waiting,
    waitingCount,
    valueWeeks,
    streak,
    circles,
    recentEvents,
    hasTouches,
    journal,
    goals,
    nextStep,
  ] = await Promise.all([
    getNetworkHealth(db, { userId }),
    listReconnectNow(db, { userId, now, limit: DASHBOARD.reconnectLimit, goalId }),
    listWaitingSuccesses(db, { userId, limit: DASHBOARD.congratulateLimit }),
    countWaitingSuccesses(db, { userId }),
    listValueByWeek(db, { userId, now, timeZone, weeks: DASHBOARD.valueWeeks }),
    getValueStreak(db, { userId, now, timeZone }),
    getCirclesTouched(db, { userId, now, days: DASHBOARD.circleDays }),
    listRecentEvents(db, { userId, limit: DASHBOARD.recentEvents, peoplePerEvent: DASHBOARD.peoplePerEvent }),
    hasAnyTouch(db, { userId }),
    getJournalSummary(db, { userId, now, timeZone, helperLimit: DASHBOARD.journalHelpers }),
    listGoalChoices(db, { userId, selectedId: goalId }),
    getNextStep(db, { userId }),
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
    goals,
    /** The goal "Reconnect now" is filtered by, when it is one of the user's. */
    goal: goals.find((choice) => choice.id === goalId),
    nextStep,
  };
}

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;
