"use client";

import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SKILL_LEVELS } from "@/lib/domain/enums";
import { type SkillTrendSeries, skillLevelLabel } from "@/lib/domain/skills";

// The first two colours are the dashboard chart's; the rest stay readable on
// light and dark backgrounds.
const COLOURS = [
  "var(--color-chart-given)",
  "var(--color-chart-received)",
  "oklch(0.58 0.16 265)",
  "oklch(0.6 0.19 25)",
  "oklch(0.6 0.13 140)",
  "oklch(0.58 0.17 320)",
];

const DAY_MS = 86_400_000;
// Days are drawn at noon UTC so no time zone moves them to the day before.
const dayTime = (day: string) => Date.parse(`${day}T12:00:00.000Z`);
const monthLabel = (time: number) => format(time, "MMM yyyy", { in: tz("UTC") });
const dayLabel = (time: number) => format(time, "d MMM yyyy", { in: tz("UTC") });

type Row = { time: number } & Record<string, number>;

// One row per assessed day; each skill holds its level on the days it was
// assessed, and the step line carries it until the next assessment.
function chartRows(series: SkillTrendSeries[]): Row[] {
  const rows = new Map<number, Row>();
  for (const skill of series) {
    for (const point of skill.points) {
      const time = dayTime(point.on);
      const row = rows.get(time) ?? ({ time } as Row);
      row[skill.skillId] = point.level;
      rows.set(time, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.time - b.time);
}

// The picture of the levels over time, for sighted readers (kept out of the
// tab order and the accessibility tree); SkillTrendChart pairs it with a table
// of the same numbers.
export function SkillTrendLines({ series }: { series: SkillTrendSeries[] }) {
  const rows = chartRows(series);
  const first = rows[0]?.time ?? 0;
  const last = rows.at(-1)?.time ?? 0;
  // A single day would give the axis no width: pad it by a fortnight each side.
  const domain = first === last ? [first - 14 * DAY_MS, last + 14 * DAY_MS] : [first, last];
  return (
    <div aria-hidden="true" className="h-56 w-full text-xs">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: -24 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={domain}
            tickFormatter={monthLabel}
            tickLine={false}
            axisLine={false}
            minTickGap={32}
            stroke="var(--color-muted-foreground)"
          />
          <YAxis
            domain={[1, 5]}
            ticks={[...SKILL_LEVELS]}
            allowDecimals={false}
            tickLine={false}
            axisLine={false}
            stroke="var(--color-muted-foreground)"
          />
          <Tooltip
            labelFormatter={(time) => dayLabel(Number(time))}
            formatter={(level) => skillLevelLabel(Number(level))}
            contentStyle={{
              background: "var(--color-popover)",
              border: "1px solid var(--color-border)",
              borderRadius: "0.5rem",
              color: "var(--color-popover-foreground)",
            }}
          />
          {series.length > 1 ? <Legend iconType="circle" iconSize={8} /> : null}
          {series.map((skill, index) => (
            <Line
              key={skill.skillId}
              dataKey={skill.skillId}
              name={skill.name}
              type="stepAfter"
              connectNulls
              stroke={COLOURS[index % COLOURS.length]}
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
