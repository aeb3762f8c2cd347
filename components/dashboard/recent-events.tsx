import Link from "next/link";
import type { RecentEvent } from "@/lib/domain/dashboard";
import { formatDay } from "@/lib/domain/dates";

export function RecentEvents({ events }: { events: RecentEvent[] }) {
  return (
    <ul className="grid gap-3">
      {events.map((event) => (
        <li key={event.id} className="grid gap-0.5">
          <p className="flex flex-wrap items-baseline justify-between gap-x-2">
            <Link href={`/events/${event.id}`} className="font-medium underline-offset-4 hover:underline">
              {event.name}
            </Link>
            <time dateTime={event.occurredOn} className="text-muted-foreground text-sm">
              {formatDay(event.occurredOn)}
            </time>
          </p>
          <p className="text-muted-foreground text-sm">
            {event.peopleCount === 0
              ? "Nobody added yet"
              : `${event.peopleCount} ${event.peopleCount === 1 ? "person" : "people"}`}
            {event.people.length > 0 ? `: ${event.people.map((person) => person.name).join(", ")}` : null}
            {event.peopleCount > event.people.length && event.people.length > 0 ? "…" : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
