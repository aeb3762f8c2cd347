import { FlagIcon } from "lucide-react";
import Link from "next/link";

import { HealthBadge } from "@/components/health/health-badge";
import { dueStatus, lastTouchLabel } from "@/lib/contacts/schedule-labels";
import type { ActiveGoalView, NextStepPerson } from "@/lib/domain/career-overview";
import { formatDay } from "@/lib/domain/dates";
import { STONE_KIND_LABELS } from "@/lib/domain/enums";
import { whyTheyMatter } from "@/lib/domain/goal-network";
import { cn } from "@/lib/utils";
import { OverviewPersonActions } from "./overview-person-actions";

type Clock = { now: Date; timeZone: string };

const linkClass = "font-medium text-primary underline-offset-4 hover:underline";

function PersonRow({ person, now, timeZone }: { person: NextStepPerson } & Clock) {
  const due = dueStatus(person, now, timeZone);
  return (
    <li className="grid gap-2 py-3 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Link href={`/contacts/${person.contactId}`} className="font-medium underline-offset-4 hover:underline">
          {person.name}
        </Link>
        {person.health ? <HealthBadge band={person.health.band} score={person.health.score} /> : null}
        {person.isArchived ? (
          <span className="text-sm text-muted-foreground">Archived</span>
        ) : (
          <span
            className={cn(
              "text-sm",
              person.isDue ? "font-medium text-rose-700 dark:text-rose-300" : "text-muted-foreground",
            )}
          >
            {due.label}
          </span>
        )}
      </div>
      <p className="text-sm text-muted-foreground">
        {`${person.name.split(" ")[0]} ${whyTheyMatter(person.part, person.note)}`}
        {" · "}
        Last touch {lastTouchLabel(person.lastTouchedAt, now, timeZone)}
      </p>
      <OverviewPersonActions person={{ id: person.contactId, name: person.name }} canReconnect={!person.isArchived} />
    </li>
  );
}

function GoalNextStep({ goal, now, timeZone }: { goal: ActiveGoalView } & Clock) {
  const goalLink = (
    <Link href={`/career/goals/${goal.id}`} className={linkClass}>
      {goal.title}
    </Link>
  );
  const { next } = goal;
  if (!next) {
    return (
      <li className="py-4 first:pt-0 last:pb-0">
        <p className="text-sm text-muted-foreground">
          {goal.stones.length === 0 ? "No steps planned yet toward " : "Every planned step is behind you toward "}
          {goalLink}.
        </p>
      </li>
    );
  }
  return (
    <li className="grid gap-3 py-4 first:pt-0 last:pb-0">
      <div className="grid gap-1">
        <h3 className="font-semibold break-words">{next.title}</h3>
        <p className="text-sm text-muted-foreground">
          Toward {goalLink} · {STONE_KIND_LABELS[next.kind]}
          {next.targetOn ? ` · by ${formatDay(next.targetOn)}` : null}
        </p>
      </div>
      {next.people.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No one linked to this step yet.{" "}
          <Link href={`/career/goals/${goal.id}`} className={linkClass}>
            Add the people who matter
          </Link>
        </p>
      ) : (
        <ul aria-label={`People to talk to about ${next.title}`} className="divide-y rounded-lg border px-4 py-3">
          {next.people.map((person) => (
            <PersonRow key={person.contactId} person={person} now={now} timeZone={timeZone} />
          ))}
        </ul>
      )}
    </li>
  );
}

// Each active goal's next stepping stone and the people to talk to about it,
// with a touch or a place on Reconnect one click away.
export function OverviewNextSteps({ goals, now, timeZone }: { goals: ActiveGoalView[] } & Clock) {
  return (
    <section aria-labelledby="career-next-step" className="grid gap-4">
      <div className="grid gap-1">
        <h2 id="career-next-step" className="flex items-center gap-2 text-xl font-semibold">
          <FlagIcon aria-hidden="true" className="size-5 text-primary" />
          The next step
        </h2>
        <p className="text-sm text-muted-foreground">
          The first step still ahead on each goal, and who could help you take it.
        </p>
      </div>
      <ol className="divide-y rounded-xl border bg-card p-6 text-card-foreground shadow-xs">
        {goals.map((goal) => (
          <GoalNextStep key={goal.id} goal={goal} now={now} timeZone={timeZone} />
        ))}
      </ol>
    </section>
  );
}
