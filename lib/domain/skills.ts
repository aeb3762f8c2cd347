import { format, parseISO, subMonths } from "date-fns";
import {
  type LearningKind,
  type LearningStatus,
  SKILL_LEVEL_LABELS,
  type SkillLevel,
  type WinKind,
} from "@/lib/domain/enums";

// One skill's self-assessed levels in date order, as the trend charts draw
// them (the skills page, a skill's page, the Career page's top skills).
export type SkillTrendPoint = { on: string; level: number };
export type SkillTrendSeries = { skillId: string; name: string; points: SkillTrendPoint[] };

// A skill as the skills page lists it (db/queries/career-skills.ts reads it).
export type SkillRow = {
  id: string;
  name: string;
  // The latest assessment, and the one before it (the trend).
  level: number | null;
  assessedOn: string | null;
  previousLevel: number | null;
  // The latest win tagged with it.
  lastUsedOn: string | null;
  winCount: number;
  // Over the learning items that build it.
  learningHours: number;
  learningCount: number;
  teacherCount: number;
  stoneCount: number;
};

export type SkillLevelEntry = { id: string; level: number; assessedOn: string };
export type SkillTeacherEntry = { contactId: string; name: string };
export type SkillWinEntry = { id: string; title: string; kind: WinKind; occurredOn: string };
export type SkillLearningEntry = {
  id: string;
  title: string;
  kind: LearningKind;
  status: LearningStatus;
  hours: number | null;
  startedOn: string | null;
  finishedOn: string | null;
};

export type SkillDetail = SkillRow & {
  levels: SkillLevelEntry[];
  teachers: SkillTeacherEntry[];
  recentWins: SkillWinEntry[];
  learning: SkillLearningEntry[];
};

export type SkillFreshness = "fresh" | "stale" | "unused";

// A skill goes stale when no win has used it for more than 12 months; a skill
// no win carries yet is "unused", not stale, since there is nothing to fade.
// Exactly 12 months ago (same day of the month) is still fresh.
export function skillFreshness(lastUsedOn: string | null, today: string): SkillFreshness {
  if (lastUsedOn === null) return "unused";
  const yearAgo = format(subMonths(parseISO(today), 12), "yyyy-MM-dd");
  return lastUsedOn < yearAgo ? "stale" : "fresh";
}

export type LevelTrend = "up" | "down" | "same";

// The direction since the assessment before the latest; none with fewer than two.
export function levelTrend(current: number | null, previous: number | null): LevelTrend | null {
  if (current === null || previous === null) return null;
  if (current > previous) return "up";
  if (current < previous) return "down";
  return "same";
}

// "3 · Practitioner": the number and its name, as every level is shown.
export function skillLevelLabel(level: number): string {
  const name = SKILL_LEVEL_LABELS[level as SkillLevel];
  return name ? `${level} · ${name}` : String(level);
}

// Learning hours as a figure: whole hours plain, parts to one decimal.
export function formatHours(hours: number): string {
  return hours.toLocaleString("en", { maximumFractionDigits: 1 });
}

const counted = (count: number, one: string, many: string) => `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

// "3 wins, 1 learning item and 2 stepping stones": what a skill tags, for the
// delete confirmation; empty when it tags nothing.
export function skillTagCounts(tags: { winCount: number; learningCount: number; stoneCount: number }): string {
  const parts = [
    tags.winCount > 0 ? counted(tags.winCount, "win", "wins") : null,
    tags.learningCount > 0 ? counted(tags.learningCount, "learning item", "learning items") : null,
    tags.stoneCount > 0 ? counted(tags.stoneCount, "stepping stone", "stepping stones") : null,
  ].filter((part) => part !== null);
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

// A skill level as its select's text; "" is the select's "Choose a level".
export const LEVEL_CHOICES = ["1", "2", "3", "4", "5", ""] as const;

// The select's value for a level: its text, or "" (Choose a level) for none.
export function levelChoice(level: number | null): (typeof LEVEL_CHOICES)[number] {
  return LEVEL_CHOICES.find((choice) => choice !== "" && Number(choice) === level) ?? "";
}
