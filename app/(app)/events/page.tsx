import { CalendarDays, PlusIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventList } from "@/components/events/event-list";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { listEvents } from "@/db/queries/events";
import { currentUserId } from "@/lib/auth";
import { pageNumber } from "@/lib/validations/paging";

export const metadata: Metadata = { title: "Events" };

const PAGE_SIZE = 20;

export default async function EventsPage({ searchParams }: PageProps<"/events">) {
  const userId = await currentUserId();
  if (!userId) notFound();
  const page = pageNumber((await searchParams).page);
  const { events, total } = await listEvents(await getDb(), { userId, page, pageSize: PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));

  const newEventButton = (
    <Button asChild>
      <Link href="/events/new">
        <PlusIcon aria-hidden="true" />
        New event
      </Link>
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Events"
        description="Meetups, conferences and volunteering days where you met people."
        actions={total > 0 ? newEventButton : undefined}
      />
      {total === 0 ? (
        <EmptyState
          icon={<CalendarDays aria-hidden className="size-6" />}
          title="No events yet"
          description="Back from a meetup or a conference? Record it once, then add everyone you met there in one go."
          action={newEventButton}
        />
      ) : events.length === 0 ? (
        <p className="text-muted-foreground">
          There is no page {page}.{" "}
          <Link href="/events" className="font-medium text-primary underline-offset-4 hover:underline">
            Back to the newest events
          </Link>
        </p>
      ) : (
        <>
          <EventList events={events} />
          {pageCount > 1 ? (
            <nav aria-label="Pages of events" className="mt-6 flex items-center justify-between gap-4">
              {page > 1 ? (
                <Button asChild variant="outline" size="sm">
                  <Link href={page === 2 ? "/events" : `/events?page=${page - 1}`}>Newer</Link>
                </Button>
              ) : (
                <span />
              )}
              <p className="text-sm text-muted-foreground" aria-current="page">
                Page {page} of {pageCount}
              </p>
              {page < pageCount ? (
                <Button asChild variant="outline" size="sm">
                  <Link href={`/events?page=${page + 1}`}>Older</Link>
                </Button>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
