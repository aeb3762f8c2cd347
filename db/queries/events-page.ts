import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events } from "@/db/schema";
import type { EventListItem } from "@/lib/domain/events";
import { eventColumns, eventPeopleIds } from "./events";

/** Where a page of events ended: the last event's sort keys (created_at to the microsecond, in UTC). */
export type EventCursor = { occurredOn: string; createdAt: string; id: string };

export type EventPage = { events: EventListItem[]; nextCursor: EventCursor | null };

// created_at as text with its microseconds: a JavaScript Date keeps only
// milliseconds, and a cursor rounded to them would skip or repeat events
// created in the same millisecond.
const createdAtKey = sql<string>`to_char(${events.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

// The user's events in the Events page's order (newest first, then the latest
// added), a page after `cursor`: keyset paging, so a page deep in the list
// costs what the first does (the row comparison starts the scan of
// events_user_occurred_idx at the cursor's day).
export async function listEventsPage(
  db: Db,
  params: { userId: string; cursor?: EventCursor | null; limit: number },
): Promise<EventPage> {
  const { userId, cursor, limit } = params;
  const rows = await db
    .select({
      ...eventColumns,
      peopleCount: sql<number>`(select count(*) from ${eventPeopleIds(userId, events.id)} as people)`.mapWith(Number),
      createdAtKey,
    })
    .from(events)
    .where(
      and(
        eq(events.userId, userId),
        cursor
          ? sql`(${events.occurredOn}, ${events.createdAt}, ${events.id}) < (${cursor.occurredOn}::date, ${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(events.occurredOn), desc(events.createdAt), desc(events.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(({ createdAtKey: createdAt, ...event }) => ({ event, createdAt }));
  const last = page.at(-1);
  return {
    events: page.map(({ event }) => event),
    nextCursor:
      rows.length > limit && last ? { occurredOn: last.event.occurredOn, createdAt: last.createdAt, id: last.event.id } : null,
  };
}
