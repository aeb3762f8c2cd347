import { format, parseISO, subMonths } from "date-fns";

// One skill's self-assessed levels in date order, as the trend charts draw
// them (the skills page, a skill's page, the Career page's top skills).
export type SkillTrendPoint = { on: string; level: number };
export type SkillTrendSeries = { skillId: string; name: string; points: SkillTrendPoint[] };

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
