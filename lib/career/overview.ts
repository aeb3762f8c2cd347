import { format, parseISO, subMonths } from "date-fns";
import type { Db } from "@/db/client";
import { listGoalPaths, listLearningThisQuarter, listSkillTrends, listStonePeople } from "@/db/queries/career-overview";
import { ensureFreshHealth } from "@/db/queries/health";
import { learningQuarterSummary } from "@/db/queries/learning";
import { goalProgress, nextStone } from "@/lib/domain/career";
import type { ActiveGoalView, OverviewGoal } from "@/lib/domain/career-overview";
import { todayIn } from "@/lib/domain/dates";
import { quarterOf } from "@/lib/domain/learning";

export const CAREER_OVERVIEW = {
  /** Skills on the chart. */
  topSkills: 5,
  /** Learning items listed under the quarter's totals. */
  learningItems: 5,
} as const;

// Everything the Career page shows. The goals, the skills and the learning
// are read together; the people of each goal's next step follow, since the
// next step is nextStone's to decide. Health is made today's first, as on
// the dashboard, so each person's band is current.
export async function loadCareerOverview(db: Db, params: { userId: string; now: Date; timeZone: string | null }) {
  const { userId, now, timeZone } = params;
  const today = todayIn(timeZone, now);
  const quarter = quarterOf(today);
  await ensureFreshHealth(db, { userId, now });
  const [goals, skills, learning, learningItems] = await Promise.all([
    listGoalPaths(db, { userId }),
    listSkillTrends(db, { userId, since: format(subMonths(parseISO(today), 12), "yyyy-MM-dd"), limit: CAREER_OVERVIEW.topSkills }),
    learningQuarterSummary(db, { userId, timeZone, now }),
    listLearningThisQuarter(db, { userId, ...quarter, limit: CAREER_OVERVIEW.learningItems }),
  ]);

  const active = goals.filter((goal) => goal.status === "active");
  const nextSteps = active.map((goal) => nextStone(goal.stones));
  const people = await listStonePeople(db, {
    userId,
    stoneIds: nextSteps.flatMap((stone) => (stone ? [stone.id] : [])),
    now,
  });
  const activeGoals: ActiveGoalView[] = active.map((goal, index) => {
    const next = nextSteps[index];
    return {
      ...goal,
      progress: goalProgress(goal.stones),
      next: next ? { ...next, people: people.filter((person) => person.stoneId === next.id) } : undefined,
    };
  });
  const closedGoals: OverviewGoal[] = goals.filter((goal) => goal.status !== "active");

  return { today, activeGoals, closedGoals, skills, learning: { ...learning, recent: learningItems } };
}

export type CareerOverview = Awaited<ReturnType<typeof loadCareerOverview>>;
