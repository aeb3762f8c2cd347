import Link from "next/link";

import { itemsAndHours, learningQuarterLabel, type LearningQuarterSummary } from "@/lib/domain/learning";
import { cn } from "@/lib/utils";

type LearningQuarterProps = {
  // From learningQuarterSummary (db/queries/learning.ts).
  summary: LearningQuarterSummary;
  // Shown on other pages (the Career page): a link to the whole log.
  hasLogLink?: boolean;
  className?: string;
};

// "This quarter: 1 item, 6 hours" — learning finished in the quarter, or in
// progress in it. A server component: it renders what it is given.
export function LearningQuarter({ summary, hasLogLink = false, className }: LearningQuarterProps) {
  return (
    <div className={cn("grid gap-1", className)}>
      <p className="text-lg font-semibold tabular-nums">This quarter: {itemsAndHours(summary)}</p>
      <p className="text-sm text-muted-foreground">
        {learningQuarterLabel(summary)}: items finished in it, or in progress.
        {hasLogLink ? (
          <>
            {" "}
            <Link href="/career/learning" className="font-medium text-primary underline-offset-4 hover:underline">
              Learning log
            </Link>
          </>
        ) : null}
      </p>
    </div>
  );
}
