import { GraduationCapIcon } from "lucide-react";

import { LearningQuarter } from "@/components/career/learning-quarter";
import type { QuarterLearningItem } from "@/lib/domain/career-overview";
import { formatDay } from "@/lib/domain/dates";
import { LEARNING_KIND_LABELS, LEARNING_STATUS_LABELS } from "@/lib/domain/enums";
import { formatHours, type LearningQuarterSummary } from "@/lib/domain/learning";

function itemDetails(item: QuarterLearningItem): string {
  return [
    LEARNING_KIND_LABELS[item.kind],
    item.status === "done" && item.finishedOn ? `finished ${formatDay(item.finishedOn)}` : LEARNING_STATUS_LABELS[item.status],
    item.hours !== null ? formatHours(item.hours) : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

// The quarter's learning: how many items and hours, and the latest of them.
export function OverviewLearning({ summary, items }: { summary: LearningQuarterSummary; items: QuarterLearningItem[] }) {
  return (
    <section
      aria-labelledby="career-learning"
      className="grid content-start gap-4 rounded-xl border bg-card p-6 text-card-foreground shadow-xs"
    >
      <h2 id="career-learning" className="flex items-center gap-2 text-xl font-semibold">
        <GraduationCapIcon aria-hidden="true" className="size-5 text-primary" />
        Learning this quarter
      </h2>
      <LearningQuarter summary={summary} hasLogLink />
      {items.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          Nothing logged for this quarter yet: courses, books, talks and mentoring all count.
        </p>
      ) : (
        <ul className="divide-y text-sm">
          {items.map((item) => (
            <li key={item.id} className="grid gap-0.5 py-2 first:pt-0 last:pb-0">
              <span className="font-medium break-words">{item.title}</span>
              <span className="text-muted-foreground">{itemDetails(item)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
