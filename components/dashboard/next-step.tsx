import { FlagIcon, StarIcon } from "lucide-react";
import Link from "next/link";
import { LogTouchButton } from "@/components/touches/log-touch-button";
import { formatDay } from "@/lib/domain/dates";
import { STONE_KIND_LABELS, STONE_STATUS_LABELS } from "@/lib/domain/enums";
import { type NextStep as NextStepData, whyTheyMatter } from "@/lib/domain/goal-network";

function progressLabel({ done, total }: NextStepData["progress"]): string {
  return total === 0 ? "No steps planned yet" : `${done} of ${total} ${total === 1 ? "step" : "steps"} done`;
}

// The dashboard's "Next step": the first open stepping stone of the north star
// (else of the most recently updated active goal), when it is due, and who to
// talk to about it.
export function NextStep({ step }: { step: NextStepData }) {
  const goalHref = `/career/goals/${step.goal.id}`;
  const { stone } = step;
  return (
    <div className="grid gap-4">
      <p className="text-muted-foreground flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        {step.goal.isNorthStar ? (
          <span className="inline-flex items-center gap-1 font-medium text-amber-700 dark:text-amber-300">
            <StarIcon aria-hidden="true" className="size-4" />
            North star
          </span>
        ) : null}
        <Link href={goalHref} className="text-foreground font-medium underline-offset-4 hover:underline">
          {step.goal.title}
        </Link>
        <span>{`· ${progressLabel(step.progress)}`}</span>
      </p>
      {stone ? (
        <div className="grid gap-4 md:grid-cols-2">
          <div className="grid content-start gap-1">
            <h3 className="flex items-start gap-2 text-lg font-semibold break-words">
              <FlagIcon aria-hidden="true" className="text-primary mt-1 size-4 shrink-0" />
              {stone.title}
            </h3>
            <p className="text-muted-foreground text-sm">
              {`${STONE_KIND_LABELS[stone.kind]} · ${STONE_STATUS_LABELS[stone.status]}`}
            </p>
            <p className="text-sm">{stone.targetOn ? `Target: ${formatDay(stone.targetOn)}` : "No target date yet"}</p>
          </div>
          <div className="grid content-start gap-2">
            <h4 className="text-sm font-medium">People to talk to about it</h4>
            {stone.people.length > 0 ? (
              <>
                <ul className="grid gap-1.5">
                  {stone.people.map((person) => (
                    <li key={person.contactId} className="text-sm break-words">
                      <Link href={`/contacts/${person.contactId}`} className="font-medium underline-offset-4 hover:underline">
                        {person.name}
                      </Link>
                      <span className="text-muted-foreground">{` ${whyTheyMatter(person.part, person.note)}`}</span>
                    </li>
                  ))}
                </ul>
                <div>
                  <LogTouchButton
                    contacts={stone.people.map((person) => ({ id: person.contactId, name: person.name }))}
                    label={stone.people.length === 1 ? `Log a touch with ${stone.people[0]?.name}` : "Log a touch with them"}
                    size="sm"
                    variant="secondary"
                  />
                </div>
              </>
            ) : (
              <p className="text-muted-foreground text-sm">
                Nobody linked yet.{" "}
                <Link href={goalHref} className="text-primary font-medium underline-offset-4 hover:underline">
                  Add who can help
                </Link>
              </p>
            )}
          </div>
        </div>
      ) : (
        <p className="text-sm">
          Every step of this goal is done or dropped.{" "}
          <Link href={goalHref} className="text-primary font-medium underline-offset-4 hover:underline">
            Plan the next one
          </Link>
        </p>
      )}
    </div>
  );
}
