import { format, parseISO } from "date-fns";
import type { ValueWeek } from "@/lib/domain/dashboard";

const weekLabel = (week: string) => format(parseISO(week), "d MMM");
const X_LABELS = 5;
const BAR = 0.38;

// The smallest of 1, 2, 5, 10, 20, 50… that splits `max` into at most four
// steps, so the axis shows whole numbers a reader can add up.
function yTicks(max: number): number[] {
  const rough = Math.max(1, max) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  const wholeStep = Math.max(1, Math.round(step));
  const top = Math.max(wholeStep, Math.ceil(max / wholeStep) * wholeStep);
  return Array.from({ length: top / wholeStep + 1 }, (_, index) => index * wholeStep);
}

// Given and received side by side per week, drawn on the server: no chart
// library reaches the browser. The bars stretch with the card (one unit per
// week across, one per touch up), while the labels stay HTML at their size.
// The picture is for sighted readers (kept out of the tab order and the
// accessibility tree); the same numbers are in the table below it, and a
// pointer resting on a week shows them too.
export function ValueChart({ weeks }: { weeks: ValueWeek[] }) {
  const ticks = yTicks(Math.max(0, ...weeks.map((week) => Math.max(week.given, week.received))));
  const top = ticks.at(-1) ?? 1;
  const every = Math.max(1, Math.ceil(weeks.length / X_LABELS));
  const share = (index: number) => `${((index + 0.5) / Math.max(1, weeks.length)) * 100}%`;
  return (
    <div
      aria-hidden="true"
      className="grid h-56 w-full grid-cols-[auto_minmax(0,1fr)] grid-rows-[minmax(0,1fr)_auto_auto] gap-x-2 text-xs text-muted-foreground"
    >
      <div className="relative my-2 min-w-4">
        {ticks.map((tick) => (
          <span
            key={tick}
            className="absolute right-0 -translate-y-1/2 tabular-nums"
            style={{ top: `${(1 - tick / top) * 100}%` }}
          >
            {tick}
          </span>
        ))}
      </div>
      <div className="relative my-2">
        <svg
          viewBox={`0 0 ${Math.max(1, weeks.length)} ${top}`}
          preserveAspectRatio="none"
          className="absolute inset-0 size-full overflow-visible"
        >
          {ticks.map((tick) => (
            <line
              key={tick}
              x1={0}
              x2={weeks.length}
              y1={top - tick}
              y2={top - tick}
              className="stroke-border"
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {weeks.map((week, index) => (
            <g key={week.week}>
              <title>{`Week of ${weekLabel(week.week)}: ${week.given} given, ${week.received} received`}</title>
              <rect x={index} y={0} width={1} height={top} className="fill-transparent hover:fill-muted" />
              <rect
                x={index + 0.5 - BAR - 0.02}
                y={top - week.given}
                width={BAR}
                height={week.given}
                className="fill-chart-given"
              />
              <rect x={index + 0.52} y={top - week.received} width={BAR} height={week.received} className="fill-chart-received" />
            </g>
          ))}
        </svg>
      </div>
      <span />
      <div className="relative h-5">
        {weeks.map((week, index) =>
          (weeks.length - 1 - index) % every === 0 ? (
            <span key={week.week} className="absolute top-1 -translate-x-1/2 whitespace-nowrap" style={{ left: share(index) }}>
              {weekLabel(week.week)}
            </span>
          ) : null,
        )}
      </div>
      <ul className="col-span-2 mt-1 flex justify-center gap-4">
        <li className="flex items-center gap-1.5">
          <span className="size-2 rounded-full bg-chart-given" />
          Given
        </li>
        <li className="flex items-center gap-1.5">
          <span className="size-2 rounded-full bg-chart-received" />
          Received
        </li>
      </ul>
    </div>
  );
}
