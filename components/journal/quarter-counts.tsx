import Link from "next/link";

import { type JournalFilters, type QuarterCount, quarterEnd, quarterLabel, journalHref } from "@/lib/domain/journal-list";

type QuarterCountsProps = {
  quarters: QuarterCount[];
  /** The page's filters: a quarter's link keeps them and narrows the dates to it. */
  filters: JournalFilters;
};

// Wins per quarter as a row of bars, oldest on the left; each quarter links
// to its own wins.
export function QuarterCounts({ quarters, filters }: QuarterCountsProps) {
  if (quarters.length === 0) return null;
  const most = Math.max(...quarters.map((quarter) => quarter.count));
  return (
    <section aria-labelledby="quarters-title" className="mb-6 rounded-xl border bg-card p-4">
      <h2 id="quarters-title" className="mb-3 text-sm font-medium text-muted-foreground">
        Wins per quarter
      </h2>
      <ol className="flex items-end gap-2 overflow-x-auto pb-1">
        {quarters.map(({ quarter, count }) => (
          <li key={quarter} className="min-w-14 flex-1">
            <Link
              href={journalHref({ ...filters, from: quarter, to: quarterEnd(quarter) })}
              className="group grid justify-items-center gap-1 rounded-md p-1 text-xs hover:bg-accent"
            >
              <span className="font-semibold tabular-nums">
                {count}
                <span className="sr-only">{count === 1 ? " win" : " wins"} in</span>
              </span>
              <span aria-hidden="true" className="flex h-16 w-full items-end justify-center">
                <span
                  className="w-6 rounded-t bg-primary/70 group-hover:bg-primary"
                  style={{ height: `${Math.max(6, Math.round((count / most) * 100))}%` }}
                />
              </span>
              <span className="whitespace-nowrap text-muted-foreground">{quarterLabel(quarter)}</span>
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
