import Link from "next/link";
import type { EventPerson } from "@/lib/domain/events";

export function EventPeople({ people }: { people: EventPerson[] }) {
  return (
    <ul className="divide-y rounded-lg border">
      {people.map((person) => {
        const work = [person.role, person.company].filter(Boolean).join(" at ");
        return (
          <li key={person.id} className="flex flex-col gap-0.5 px-4 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
            <div className="min-w-0">
              <Link href={`/contacts/${person.id}`} className="font-medium underline-offset-4 hover:underline">
                {person.name}
              </Link>
              {person.isArchived ? (
                <span className="ml-2 rounded-full border px-2 py-0.5 text-xs text-muted-foreground">Archived</span>
              ) : null}
              {work ? <p className="truncate text-sm text-muted-foreground">{work}</p> : null}
            </div>
            {person.email ? <p className="truncate text-sm text-muted-foreground">{person.email}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
