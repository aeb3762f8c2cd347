import { and, eq, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { contacts, interactionContacts, interactions, successes } from "@/db/schema";
import type { Channel, SuccessKind, ValueDirection, ValueKind } from "@/lib/domain/enums";
import type { ContactTimeline, TimelineItem } from "@/lib/domain/timeline";
import { listTouchContacts, type TouchContact } from "./touches";

// A contact's touches (through interaction_contacts, on its (contact_id,
// occurred_at) index) and successes, merged newest first in one UNION ALL
// query, then one query for everyone involved in the page's touches.
export async function getContactTimeline(
  db: Db,
  params: { userId: string; contactId: string; page: number; pageSize: number },
): Promise<ContactTimeline> {
  const { userId, contactId, pageSize } = params;
  const page = Math.max(1, Math.floor(params.page) || 1);

  const touches = db
    .select({
      type: sql<"touch" | "success">`'touch'`.as("type"),
      id: interactions.id,
      at: sql<Date>`${interactions.occurredAt}`.mapWith(interactions.occurredAt).as("at"),
      createdAt: interactions.createdAt,
      channel: sql<Channel | null>`${interactions.channel}`.as("channel"),
      summary: interactions.summary,
      valueKind: interactions.valueKind,
      valueDirection: interactions.valueDirection,
      kind: sql<SuccessKind | null>`null::success_kind`.as("kind"),
      title: sql<string | null>`null::text`.as("title"),
      occurredOn: sql<string | null>`null::text`.as("occurred_on"),
      url: sql<string | null>`null::text`.as("url"),
      isCongratulated: sql<boolean | null>`null::boolean`.as("is_congratulated"),
      contactName: sql<string | null>`null::text`.as("contact_name"),
    })
    .from(interactionContacts)
    .innerJoin(interactions, eq(interactions.id, interactionContacts.interactionId))
    .where(
      and(
        eq(interactionContacts.contactId, contactId),
        eq(interactionContacts.userId, userId),
        eq(interactions.userId, userId),
      ),
    );

  // A success's day sits at 12:00 UTC like a touch's (lib/domain/touch-dates.ts).
  const contactSuccesses = db
    .select({
      type: sql<"touch" | "success">`'success'`.as("type"),
      id: successes.id,
      at: sql<Date>`(${successes.occurredOn} + time '12:00') at time zone 'UTC'`.as("at"),
      createdAt: successes.createdAt,
      channel: sql<Channel | null>`null::interaction_channel`.as("channel"),
      summary: sql<string | null>`null::text`.as("summary"),
      valueKind: sql<ValueKind | null>`null::value_kind`.as("value_kind"),
      valueDirection: sql<ValueDirection | null>`null::value_direction`.as("value_direction"),
      kind: sql<SuccessKind | null>`${successes.kind}`.as("kind"),
      title: sql<string | null>`${successes.title}`.as("title"),
      occurredOn: sql<string | null>`${successes.occurredOn}::text`.as("occurred_on"),
      url: successes.url,
      isCongratulated: sql<boolean | null>`${successes.congratulatedByInteractionId} is not null`.as(
        "is_congratulated",
      ),
      contactName: sql<string | null>`${contacts.name}`.as("contact_name"),
    })
    .from(successes)
    .innerJoin(contacts, and(eq(contacts.id, successes.contactId), eq(contacts.userId, userId)))
    .where(and(eq(successes.contactId, contactId), eq(successes.userId, userId)));

  // Same day: a touch (e.g. the congratulation) above the success, then the
  // most recently recorded first.
  const rows = await unionAll(touches, contactSuccesses)
    .orderBy(sql`"at" desc`, sql`"type" desc`, sql`"created_at" desc`, sql`"id" desc`)
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);

  const pageRows = rows.slice(0, pageSize);
  const touchIds = pageRows.filter((row) => row.type === "touch").map((row) => row.id);
  const involved = await listTouchContacts(db, { userId, touchIds });
  const byTouch = new Map<string, TouchContact[]>();
  for (const contact of involved) byTouch.set(contact.touchId, [...(byTouch.get(contact.touchId) ?? []), contact]);

  const items = pageRows.map((row): TimelineItem => {
    if (row.type === "touch") {
      return {
        type: "touch",
        id: row.id,
        at: row.at,
        channel: row.channel as Channel,
        summary: row.summary,
        valueKind: row.valueKind,
        valueDirection: row.valueDirection,
        contacts: (byTouch.get(row.id) ?? []).map(({ id, name }) => ({ id, name })),
      };
    }
    return {
      type: "success",
      id: row.id,
      at: row.at,
      kind: row.kind as SuccessKind,
      title: row.title ?? "",
      occurredOn: row.occurredOn ?? "",
      url: row.url,
      isCongratulated: Boolean(row.isCongratulated),
      contact: { id: contactId, name: row.contactName ?? "" },
    };
  });
  return { items, page, hasNewer: page > 1, hasOlder: rows.length > pageSize };
}
