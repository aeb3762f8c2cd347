import Link from "next/link";
import { FlagIcon } from "lucide-react";

import { STONE_PERSON_PART_LABELS, STONE_STATUS_LABELS } from "@/lib/domain/enums";
import type { ContactGoal } from "@/lib/domain/stone-links";

// "Goals they matter for" on a contact's page: each active goal with the
// steps this person is linked to, why they matter, and a link to the goal.
// Nothing at all when they matter for none.
export function ContactGoals({ goals }: { goals: ContactGoal[] }) {
  if (goals.length === 0) return null;
  return (
    <section aria-labelledby="contact-goals-title" className="space-y-3">
      <h2 id="contact-goals-title" className="text-lg font-semibold">
        Goals they matter for
      </h2>
      <ul className="divide-y rounded-xl border bg-card">
        {goals.map((goal) => (
          <li key={goal.id} className="grid gap-2 p-4">
            <p className="flex flex-wrap items-center gap-2">
              <FlagIcon aria-hidden="true" className="size-4 text-muted-foreground" />
              <Link href={`/career/goals/${goal.id}`} className="font-medium break-words underline-offset-4 hover:underline">
                {goal.title}
              </Link>
              {goal.isNorthStar ? (
                <span className="rounded-full border px-2 py-0.5 text-xs font-medium">North star</span>
              ) : null}
            </p>
            <ul className="grid gap-1 pl-6 text-sm">
              {goal.stones.map((stone) => (
                <li key={stone.id} className="break-words">
                  <span className="font-medium">{stone.title}</span>
                  {stone.status === "planned" ? null : (
                    <span className="text-muted-foreground"> ({STONE_STATUS_LABELS[stone.status].toLowerCase()})</span>
                  )}
                  <span className="text-muted-foreground">
                    {" "}
                    · {STONE_PERSON_PART_LABELS[stone.part]}
                    {stone.note ? ` ${stone.note}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
