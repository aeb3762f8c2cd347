import { levelTrend, type SkillFreshness, skillLevelLabel } from "@/lib/domain/skills";

const TREND_GLYPHS = { up: "↑", down: "↓", same: "=" } as const;

// "3 · Practitioner ↑": the latest level and how it moved since the
// assessment before it (said in words to screen readers).
export function SkillLevelSummary({ level, previousLevel }: { level: number | null; previousLevel: number | null }) {
  if (level === null) return <span className="text-muted-foreground">Not assessed</span>;
  const trend = levelTrend(level, previousLevel);
  return (
    <span className="inline-flex items-baseline gap-1.5 whitespace-nowrap">
      <span>{skillLevelLabel(level)}</span>
      {trend ? (
        <>
          <span
            aria-hidden="true"
            className={trend === "up" ? "text-primary" : trend === "down" ? "text-destructive" : "text-muted-foreground"}
          >
            {TREND_GLYPHS[trend]}
          </span>
          <span className="sr-only">
            {trend === "same" ? `, the same as before` : `, ${trend} from ${previousLevel}`}
          </span>
        </>
      ) : null}
    </span>
  );
}

// Flags a skill no win has used for more than 12 months.
export function StaleBadge({ freshness }: { freshness: SkillFreshness }) {
  if (freshness !== "stale") return null;
  return (
    <span className="inline-flex items-center rounded-full border border-amber-500/50 bg-amber-500/10 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-amber-800 dark:text-amber-300">
      Going stale
    </span>
  );
}
