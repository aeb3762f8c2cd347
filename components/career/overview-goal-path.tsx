import { CheckIcon, CircleIcon, MoveRightIcon, StarIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { useId } from "react";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { type ActiveGoalView, type OverviewStone, progressText } from "@/lib/domain/career-overview";
import { formatDay } from "@/lib/domain/dates";
import { STONE_KIND_LABELS } from "@/lib/domain/enums";
import { cn } from "@/lib/utils";

type StonePlace = "done" | "next" | "later" | "dropped";

const PLACES: Record<StonePlace, { label: string; Icon: typeof CheckIcon; className: string }> = {
  done: {
    label: "Done",
    Icon: CheckIcon,
    className: "border-emerald-600 bg-emerald-600 text-white dark:border-emerald-500 dark:bg-emerald-500",
  },
  next: {
    label: "Next",
    Icon: MoveRightIcon,
    className: "border-primary bg-primary text-primary-foreground",
  },
  later: {
    label: "Later",
    Icon: CircleIcon,
    className: "border-border bg-background text-muted-foreground",
  },
  dropped: {
    label: "Dropped",
    Icon: XIcon,
    className: "border-border bg-muted text-muted-foreground",
  },
};

function placeOf(stone: OverviewStone, nextId: string | undefined): StonePlace {
  if (stone.status === "done" || stone.status === "dropped") return stone.status;
  return stone.id === nextId ? "next" : "later";
}

function evidenceText(count: number): string {
  return count === 1 ? "1 win as evidence" : `${count.toLocaleString("en")} wins as evidence`;
}

function PathStone({ stone, place, isLast }: { stone: OverviewStone; place: StonePlace; isLast: boolean }) {
  const { label, Icon, className } = PLACES[place];
  return (
    <li className="relative flex gap-3 pb-4 last:pb-0">
      {isLast ? null : <span aria-hidden="true" className="absolute top-7 bottom-0 left-3 w-px bg-border" />}
      <span
        aria-hidden="true"
        className={cn("relative flex size-6 shrink-0 items-center justify-center rounded-full border", className)}
      >
        <Icon className="size-3.5" />
      </span>
      <div className="grid min-w-0 gap-0.5">
        <p className={cn("font-medium break-words", place === "dropped" && "text-muted-foreground line-through")}>
          <span className="sr-only">{label}: </span>
          {stone.title}
          {place === "next" ? (
            <span
              aria-hidden="true"
              className="ml-2 rounded-full bg-primary/10 px-2 py-0.5 text-xs font-medium text-primary"
            >
              Next
            </span>
          ) : null}
        </p>
        <p className="text-xs text-muted-foreground">
          {STONE_KIND_LABELS[stone.kind]}
          {stone.targetOn ? ` · by ${formatDay(stone.targetOn)}` : null}
          {stone.evidence > 0 ? ` · ${evidenceText(stone.evidence)}` : null}
        </p>
      </div>
    </li>
  );
}

// One active goal as a path: its steps in order, done ✓, the next one, those
// after it, and dropped ones struck through (they left the plan but stay in
// its story). A region named by the goal's title.
export function OverviewGoalPath({ goal }: { goal: ActiveGoalView }) {
  const headingId = useId();
  const evidence = goal.stones.reduce((sum, stone) => sum + stone.evidence, 0);
  const share = goal.progress.total === 0 ? 0 : goal.progress.done / goal.progress.total;
  return (
    <Card asChild>
      <section aria-labelledby={headingId}>
        <CardHeader>
          <div className="flex flex-wrap items-center gap-2">
            <CardTitle asChild className="text-lg">
              <h2 id={headingId} className="break-words">
                <Link href={`/career/goals/${goal.id}`} className="underline-offset-4 hover:underline">
                  {goal.title}
                </Link>
              </h2>
            </CardTitle>
            {goal.isNorthStar ? (
              <span className="inline-flex items-center gap-1 rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
                <StarIcon aria-hidden="true" className="size-3" />
                North star
              </span>
            ) : null}
          </div>
          {goal.why || goal.horizonOn ? (
            <CardDescription>
              {goal.why}
              {goal.why && goal.horizonOn ? " · " : null}
              {goal.horizonOn ? `Horizon ${formatDay(goal.horizonOn)}` : null}
            </CardDescription>
          ) : null}
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="grid gap-1.5">
            <p className="text-sm font-medium tabular-nums">
              {progressText(goal.progress)}
              {evidence > 0 ? (
                <span className="font-normal text-muted-foreground"> · {evidenceText(evidence)}</span>
              ) : null}
            </p>
            <div aria-hidden="true" className="h-1.5 overflow-hidden rounded-full bg-muted">
              <div
                className="h-full rounded-full bg-emerald-600 dark:bg-emerald-500"
                style={{ width: `${share * 100}%` }}
              />
            </div>
          </div>
          {goal.stones.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              No stepping stones yet.{" "}
              <Link
                href={`/career/goals/${goal.id}`}
                className="font-medium text-primary underline-offset-4 hover:underline"
              >
                Plan the first step
              </Link>
            </p>
          ) : (
            <ol aria-label={`Steps toward ${goal.title}`}>
              {goal.stones.map((stone, index) => (
                <PathStone
                  key={stone.id}
                  stone={stone}
                  place={placeOf(stone, goal.next?.id)}
                  isLast={index === goal.stones.length - 1}
                />
              ))}
            </ol>
          )}
        </CardContent>
      </section>
    </Card>
  );
}
