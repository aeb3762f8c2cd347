import { tz } from "@date-fns/tz";
import { format } from "date-fns";
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
const X_LABELS = 4;
const LOWEST = Math.min(...SKILL_LEVELS);
const HIGHEST = Math.max(...SKILL_LEVELS);
// Days are drawn at noon UTC so no time zone moves them to the day before.
const dayTime = (day: string) => Date.parse(`${day}T12:00:00.000Z`);
const monthLabel = (time: number) => format(time, "MMM yyyy", { in: tz("UTC") });
const dayLabel = (time: number) => format(time, "d MMM yyyy", { in: tz("UTC") });

// The first of each month inside the axis, thinned to at most `most` labels.
function monthTicks(from: number, to: number, most: number): number[] {
  const start = new Date(from);
  const firsts: number[] = [];
  for (let month = start.getUTCMonth() + 1; ; month += 1) {
    const time = Date.UTC(start.getUTCFullYear(), month, 1);
    if (time > to) break;
    firsts.push(time);
  }
  if (firsts.length === 0) return [from];
  const every = Math.ceil(firsts.length / most);
  return firsts.filter((_, index) => index % every === 0);
}

// The picture of the levels over time, drawn on the server so no chart
// library reaches the browser: a step line per skill (a level holds until the
// next assessment) with a dot on each assessed day. Lines and dots keep their
// width however the card stretches the drawing; the labels are HTML. It is
// for sighted readers (kept out of the tab order and the accessibility tree);
// SkillTrendChart pairs it with a table of the same numbers, and a pointer
// resting on a dot shows its day and level.
export function SkillTrendLines({ series }: { series: SkillTrendSeries[] }) {
  const times = series.flatMap((skill) => skill.points.map((point) => dayTime(point.on)));
  const first = times.length > 0 ? Math.min(...times) : 0;
  const last = times.length > 0 ? Math.max(...times) : 0;
  // A single day would give the axis no width: pad it by a fortnight each side.
  const [from, to] = first === last ? [first - 14 * DAY_MS, last + 14 * DAY_MS] : [first, last];
  const x = (time: number) => ((time - from) / (to - from)) * 100;
  const y = (level: number) => ((HIGHEST - level) / (HIGHEST - LOWEST)) * 100;
  const percent = (value: number) => `${value}%`;
  return (
    <div
      aria-hidden="true"
      className="grid h-56 w-full grid-cols-[auto_minmax(0,1fr)] grid-rows-[minmax(0,1fr)_auto_auto] gap-x-2 text-xs text-muted-foreground"
    >
      <div className="relative my-2 min-w-4">
        {SKILL_LEVELS.map((level) => (
          <span key={level} className="absolute right-0 -translate-y-1/2 tabular-nums" style={{ top: percent(y(level)) }}>
            {level}
          </span>
        ))}
      </div>
      <div className="relative my-2 mr-2">
        <svg viewBox="0 0 100 100" preserveAspectRatio="none" className="absolute inset-0 size-full overflow-visible">
          {SKILL_LEVELS.map((level) => (
            <line
              key={level}
              x1={0}
              x2={100}
              y1={y(level)}
              y2={y(level)}
              className="stroke-border"
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {series.map((skill, index) => {
            const points = skill.points.map((point) => ({ on: point.on, level: point.level, x: x(dayTime(point.on)) }));
            const steps = points.map((point, at) =>
              at === 0 ? `M${point.x} ${y(point.level)}` : `H${point.x}V${y(point.level)}`,
            );
            const colour = COLOURS[index % COLOURS.length];
            return (
              <g key={skill.skillId} style={{ stroke: colour }} fill="none">
                <path d={steps.join(" ")} strokeWidth={2} vectorEffect="non-scaling-stroke" />
                {/* Each dot is a line of no length with round ends: it stays round when the drawing stretches. */}
                {points.map((point) => (
                  <path
                    key={point.on}
                    d={`M${point.x} ${y(point.level)}h0`}
                    strokeWidth={7}
                    strokeLinecap="round"
                    vectorEffect="non-scaling-stroke"
                  >
                    <title>{`${skill.name}: ${skillLevelLabel(point.level)} on ${dayLabel(dayTime(point.on))}`}</title>
                  </path>
                ))}
              </g>
            );
          })}
        </svg>
      </div>
      <span />
      <div className="relative mr-2 h-5">
        {monthTicks(from, to, X_LABELS).map((time) => (
          <span key={time} className="absolute top-1 -translate-x-1/2 whitespace-nowrap" style={{ left: percent(x(time)) }}>
            {monthLabel(time)}
          </span>
        ))}
      </div>
      {series.length > 1 ? (
        <ul className="col-span-2 mt-1 flex flex-wrap justify-center gap-x-4 gap-y-1">
          {series.map((skill, index) => (
            <li key={skill.skillId} className="flex items-center gap-1.5">
              <span className="size-2 rounded-full" style={{ background: COLOURS[index % COLOURS.length] }} />
              {skill.name}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
