import Link from "next/link";
import type { NetworkHealth } from "@/lib/domain/dashboard";
import { BAND_LABELS, bandOf, HEALTH_BANDS, type HealthBand } from "@/lib/health/model";
import { cn } from "@/lib/utils";

const SEGMENT_CLASSES: Record<HealthBand, string> = {
  thriving: "bg-emerald-500 dark:bg-emerald-400",
  steady: "bg-sky-500 dark:bg-sky-400",
  fading: "bg-amber-500 dark:bg-amber-400",
  dormant: "bg-rose-500 dark:bg-rose-400",
};

// The overall score, and one bar split by band (the chart) with the counts
// written out beside it, each linking to that band in the contacts list.
export function NetworkHealthSummary({ health }: { health: NetworkHealth }) {
  const score = health.score ?? 0;
  return (
    <div className="grid gap-5">
      <p className="flex items-baseline gap-2">
        <span className="text-4xl font-semibold tabular-nums">{score}</span>
        <span className="text-muted-foreground text-sm">
          / 100 · {BAND_LABELS[bandOf(score)].toLowerCase()} across {health.contacts}{" "}
          {health.contacts === 1 ? "contact" : "contacts"}
        </span>
      </p>
      <div aria-hidden="true" className="bg-muted flex h-3 overflow-hidden rounded-full">
        {HEALTH_BANDS.map((band) =>
          health.bands[band] > 0 ? (
            <div
              key={band}
              className={cn("h-full", SEGMENT_CLASSES[band])}
              style={{ width: `${(100 * health.bands[band]) / Math.max(1, health.contacts)}%` }}
            />
          ) : null,
        )}
      </div>
      <ul className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        {HEALTH_BANDS.map((band) => (
          <li key={band}>
            <Link
              href={`/contacts?band=${band}&sort=health`}
              className="hover:bg-accent flex items-center gap-2 rounded-md p-1 underline-offset-4 hover:underline"
            >
              <span aria-hidden="true" className={cn("size-2.5 shrink-0 rounded-full", SEGMENT_CLASSES[band])} />
              <span>{BAND_LABELS[band]}</span>
              <span className="ml-auto font-medium tabular-nums">{health.bands[band]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
