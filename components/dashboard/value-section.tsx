import { format, parseISO } from "date-fns";
import { FlameIcon } from "lucide-react";
import type { ValueStreak, ValueWeek } from "@/lib/domain/dashboard";
import { ValueChart } from "./value-chart";

const sum = (weeks: ValueWeek[], key: "given" | "received") => weeks.reduce((total, week) => total + week[key], 0);

export function ValueStreakSummary({ streak, thisWeek }: { streak: ValueStreak; thisWeek: ValueWeek | undefined }) {
  const weeks = streak.weeks === 1 ? "1 week" : `${streak.weeks} weeks`;
  return (
    <div className="grid gap-3">
      <p className="flex items-center gap-3">
        <FlameIcon aria-hidden="true" className={streak.weeks > 0 ? "size-8 text-amber-500" : "text-muted-foreground size-8"} />
        <span>
          <span className="block text-3xl font-semibold tabular-nums">{weeks}</span>
          <span className="text-muted-foreground text-sm">in a row with value given</span>
        </span>
      </p>
      <p className="text-muted-foreground text-sm">
        {streak.weeks === 0
          ? "Make an introduction, share advice or offer help this week to start a streak."
          : streak.includesThisWeek
            ? "This week counts already. Keep it going next week."
            : "Nothing given yet this week: add value before Sunday to keep the streak."}
      </p>
      {thisWeek ? (
        <p className="text-sm">
          This week: <span className="font-medium tabular-nums">{thisWeek.given}</span> given,{" "}
          <span className="font-medium tabular-nums">{thisWeek.received}</span> received.
        </p>
      ) : null}
    </div>
  );
}

export function ValueOverTime({ weeks }: { weeks: ValueWeek[] }) {
  const given = sum(weeks, "given");
  const received = sum(weeks, "received");
  return (
    <div className="grid gap-4">
      <p className="text-sm">
        Over {weeks.length} weeks you gave value <span className="font-medium tabular-nums">{given}</span>{" "}
        {given === 1 ? "time" : "times"} and received it <span className="font-medium tabular-nums">{received}</span>{" "}
        {received === 1 ? "time" : "times"}.
      </p>
      <ValueChart weeks={weeks} />
      <details className="text-sm">
        <summary className="text-muted-foreground cursor-pointer">Show the numbers</summary>
        <div className="mt-2 max-h-64 overflow-auto">
          <table className="w-full text-left tabular-nums">
            <caption className="sr-only">Value-added touches per week</caption>
            <thead>
              <tr className="border-b">
                <th scope="col" className="py-1 font-medium">Week of</th>
                <th scope="col" className="py-1 text-right font-medium">Given</th>
                <th scope="col" className="py-1 text-right font-medium">Received</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week.week} className="border-b last:border-0">
                  <th scope="row" className="py-1 font-normal">{format(parseISO(week.week), "d MMM yyyy")}</th>
                  <td className="py-1 text-right">{week.given}</td>
                  <td className="py-1 text-right">{week.received}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
