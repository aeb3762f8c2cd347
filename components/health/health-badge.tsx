import { BAND_LABELS, type HealthBand } from "@/lib/health/model";
import { cn } from "@/lib/utils";

// Dark text on a pale tint in light mode and pale text on a deep tint in
// dark mode keep every pair well above 4.5:1; the band's name is always
// written out, so the colour only repeats what the text says.
const BAND_CLASSES: Record<HealthBand, string> = {
  thriving:
    "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  steady: "border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-200",
  fading: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200",
  dormant: "border-rose-300 bg-rose-50 text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-200",
};

type HealthBadgeProps = { band: HealthBand; score: number; className?: string };

// Reads "Fading · 38"; a screen reader hears "Health: Fading, 38 of 100".
export function HealthBadge({ band, score, className }: HealthBadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap tabular-nums",
        BAND_CLASSES[band],
        className,
      )}
    >
      <span className="sr-only">Health: </span>
      {BAND_LABELS[band]}
      <span aria-hidden="true">·</span>
      <span className="sr-only">,</span>
      {score}
      <span className="sr-only"> of 100</span>
    </span>
  );
}
