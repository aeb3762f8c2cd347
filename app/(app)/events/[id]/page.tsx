import { ArrowLeftIcon, PencilIcon, UsersIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteEventButton } from "@/components/events/delete-event-button";
import { EventPeople } from "@/components/events/event-people";
import { QuickAddForm } from "@/components/events/quick-add-form";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { listEventPeople } from "@/db/queries/events";
import { EVENT_KIND_LABELS } from "@/lib/domain/enums";
import { formatEventDateLong } from "@/lib/events/format";
import { loadEvent } from "@/lib/events/load-event";

export async function generateMetadata({ params }: PageProps<"/events/[id]">): Promise<Metadata> {
  const loaded = await loadEvent((await params).id);
  return { title: loaded?.event.name ?? "Event not found" };
}

export default async function EventPage({ params }: PageProps<"/events/[id]">) {
  const loaded = await loadEvent((await params).id);
  if (!loaded) notFound();
  const { userId, event } = loaded;
  const people = await listEventPeople(await getDb(), { userId, eventId: event.id });

  return (
    <>
      <Link
        href="/events"
        className="mb-4 inline-flex items-center gap-1 text-sm text-muted-foreground underline-offset-4 hover:underline"
      >
        <ArrowLeftIcon aria-hidden="true" className="size-4" />
        All events
      </Link>
      <PageHeader
        title={event.name}
        description={
          <>
            <time dateTime={event.occurredOn}>{formatEventDateLong(event.occurredOn)}</time> ·{" "}
            {EVENT_KIND_LABELS[event.kind]}
            {event.place ? ` · ${event.place}` : ""}
          </>
        }
        actions={
          <div className="flex flex-wrap items-start gap-2">
            <Button asChild variant="outline">
              <Link href={`/events/${event.id}/edit`}>
                <PencilIcon aria-hidden="true" />
                Edit
              </Link>
            </Button>
            <DeleteEventButton eventId={event.id} eventName={event.name} />
          </div>
        }
      />

      <div className="grid gap-10">
        {event.notes ? <p className="max-w-prose whitespace-pre-line text-sm">{event.notes}</p> : null}

        <section aria-labelledby="add-people-heading" className="grid gap-3">
          <div>
            <h2 id="add-people-heading" className="text-lg font-semibold">
              Add people you met
            </h2>
            <p className="text-sm text-muted-foreground">
              Each becomes a contact met at this event, with a first touch on{" "}
              {formatEventDateLong(event.occurredOn)}. Only the name is required.
            </p>
          </div>
          <QuickAddForm eventId={event.id} eventName={event.name} />
        </section>

        <section aria-labelledby="people-heading" className="grid gap-3">
          <h2 id="people-heading" className="text-lg font-semibold">
            People you met here{people.length > 0 ? ` (${people.length})` : ""}
          </h2>
          {people.length > 0 ? (
            <EventPeople people={people} />
          ) : (
            <EmptyState
              titleAs="h3"
              icon={<UsersIcon aria-hidden="true" />}
              title="Nobody added yet"
              description="Use the form above: type a few names, or paste a list from your notes or a spreadsheet."
            />
          )}
        </section>
      </div>
    </>
  );
}
