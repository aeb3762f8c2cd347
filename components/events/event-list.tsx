import { MapPinIcon, UsersIcon } from "lucide-react";
import Link from "next/link";
import type { EventListItem } from "@/lib/domain/events";
import { EVENT_KIND_LABELS } from "@/lib/domain/enums";
import { formatDay } from "@/lib/domain/dates";
import { peopleCountLabel } from "@/lib/events/format";

export function EventList({ events }: { events: EventListItem[] }) {
  return (
    <ul className="grid gap-3">
      {events.map((event) => (
        <li key={event.id} className="relative rounded-lg border bg-card p-4 transition-colors hover:bg-accent/50">
          <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
            <div className="min-w-0">
              <h2 className="font-medium">
                {/* The link covers the card, so the whole row is one target. */}
                <Link href={`/events/${event.id}`} className="after:absolute after:inset-0 after:rounded-lg">
                  {event.name}
                </Link>
              </h2>
              <p className="text-sm text-muted-foreground">
                <time dateTime={event.occurredOn}>{formatDay(event.occurredOn)}</time> ·{" "}
                {EVENT_KIND_LABELS[event.kind]}
              </p>
              {event.place ? (
                <p className="mt-1 flex items-center gap-1 text-sm text-muted-foreground">
                  <MapPinIcon aria-hidden="true" className="size-3.5 shrink-0" />
                  <span className="truncate">{event.place}</span>
                </p>
              ) : null}
            </div>
            <p className="flex shrink-0 items-center gap-1.5 text-sm text-muted-foreground">
              <UsersIcon aria-hidden="true" className="size-4" />
              {peopleCountLabel(event.peopleCount)} met
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
