import type {
  GoalStatus,
  LearningKind,
  LearningStatus,
  StoneKind,
  StonePersonPart,
  StoneStatus,
} from "@/lib/domain/enums";
import type { SkillTrendSeries } from "@/lib/domain/skills";
import type { HealthBand } from "@/lib/health/model";

// What the Career page shows, as db/queries/career-overview.ts reads it and
// lib/career/overview.ts puts it together.

export type OverviewStone = {
  id: string;
  title: string;
  kind: StoneKind;
  status: StoneStatus;
  targetOn: string | null;
  position: number;
  /** Journal wins linked as evidence. */
  evidence: number;
};

export type OverviewGoal = {
  id: string;
  title: string;
  why: string | null;
  horizonOn: string | null;
  status: GoalStatus;
  isNorthStar: boolean;
  /** In path order. */
  stones: OverviewStone[];
};

export type NextStepPerson = {
  stoneId: string;
  contactId: string;
  name: string;
  part: StonePersonPart;
  note: string | null;
  lastTouchedAt: Date | null;
  nextDueAt: Date | null;
  snoozedUntil: string | null;
  health: { band: HealthBand; score: number } | null;
  isArchived: boolean;
  /** Due now, as the contacts list's overdue filter and the dashboard's Reconnect now count it. */
  isDue: boolean;
};

export type OverviewSkill = SkillTrendSeries & {
  /** Wins tagged with it in the last 12 months. */
  recentWins: number;
  /** The latest win tagged with it. */
  lastUsedOn: string | null;
};

export type ActiveGoalView = OverviewGoal & {
  progress: { done: number; total: number };
  next: (OverviewStone & { people: NextStepPerson[] }) | undefined;
};

/** One of the quarter's learning items, as the Career page lists them. */
export type QuarterLearningItem = {
  id: string;
  title: string;
  kind: LearningKind;
  status: LearningStatus;
  hours: number | null;
  finishedOn: string | null;
};

// "1 of 3 steps done", as goalProgress counts them.
export function progressText(progress: { done: number; total: number }): string {
  return `${progress.done} of ${progress.total} ${progress.total === 1 ? "step" : "steps"} done`;
}
