import { formatDay } from "@/lib/domain/dates";
import { type SkillTrendSeries, skillLevelLabel } from "@/lib/domain/skills";
import { SkillTrendLines } from "./skill-trend-lines";

export type { SkillTrendSeries } from "@/lib/domain/skills";

// The same numbers as the chart: one row per assessed day, one column per
// skill ("—" where that skill was not assessed that day). Renders on the
// server; only the chart needs the browser.
export function SkillTrendTable({ series, caption }: { series: SkillTrendSeries[]; caption?: string }) {
  const days = [...new Set(series.flatMap((skill) => skill.points.map((point) => point.on)))].sort();
  const levels = series.map((skill) => new Map(skill.points.map((point) => [point.on, point.level])));
  const single = series.length === 1;
  return (
    <table className="w-full text-left text-sm tabular-nums">
      <caption className="sr-only">
        {caption ?? (single ? `Level of ${series[0]?.name} over time` : "Skill levels over time")}
      </caption>
      <thead>
        <tr className="border-b">
          <th scope="col" className="py-1 pr-2 font-medium">
            Date
          </th>
          {series.map((skill) => (
            <th key={skill.skillId} scope="col" className="py-1 pr-2 font-medium">
              {single ? "Level" : skill.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {days.map((day) => (
          <tr key={day} className="border-b last:border-0">
            <th scope="row" className="py-1 pr-2 font-normal whitespace-nowrap">
              {formatDay(day)}
            </th>
            {levels.map((byDay, index) => {
              const level = byDay.get(day);
              return (
                <td key={series[index]?.skillId} className="py-1 pr-2">
                  {level === undefined ? "—" : skillLevelLabel(level)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// Skill levels (1–5) over time: a step line per skill, and below it the
// numbers in a table for screen readers and anyone who prefers them. Works for
// one skill or several (the Career page's top skills).
export function SkillTrendChart({ series }: { series: SkillTrendSeries[] }) {
  const assessed = series.filter((skill) => skill.points.length > 0);
  if (assessed.length === 0) {
    return <p className="text-sm text-muted-foreground">No levels recorded yet.</p>;
  }
  return (
    <div className="grid gap-3">
      <SkillTrendLines series={assessed} />
      <details className="text-sm">
        <summary className="cursor-pointer text-muted-foreground">Show the numbers</summary>
        <div className="mt-2 max-h-64 overflow-auto">
          <SkillTrendTable series={assessed} />
        </div>
      </details>
    </div>
  );
}
