import Link from "next/link";

import { type OverviewGoal, progressText } from "@/lib/domain/career-overview";
import { GOAL_STATUS_LABELS } from "@/lib/domain/enums";
import { goalProgress } from "@/lib/domain/career";

// Goals reached or let go, one line each: kept for the story, out of the way.
export function OverviewClosedGoals({ goals }: { goals: OverviewGoal[] }) {
  return (
    <section aria-labelledby="career-closed-goals" className="grid gap-3">
      <h2 id="career-closed-goals" className="text-lg font-semibold">
        Achieved and let go
      </h2>
      <ul className="divide-y rounded-xl border bg-card px-6 py-2 text-sm text-card-foreground">
        {goals.map((goal) => (
          <li key={goal.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
            <Link href={`/career/goals/${goal.id}`} className="font-medium break-words underline-offset-4 hover:underline">
              {goal.title}
            </Link>
            <span className="text-muted-foreground">
              {GOAL_STATUS_LABELS[goal.status]} · {progressText(goalProgress(goal.stones))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
