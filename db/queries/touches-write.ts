import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, interactionContacts, interactions } from "@/db/schema";
import type { Channel, ValueDirection, ValueKind } from "@/lib/domain/enums";
import { refreshContactSchedule } from "./schedule";

export type NewTouch = {
  occurredAt: Date;
  channel: Channel;
  summary?: string | null;
  valueKind?: ValueKind | null;
  valueDirection?: ValueDirection | null;
  eventId?: string | null;
  contactIds: string[];
};

// Inserts one touch with its contacts and moves their next due dates. Run it
// inside a transaction. Returns undefined when any contact is not the user's
// (nothing is written then).
export async function insertTouch(
  tx: Db,
  params: { userId: string; touch: NewTouch },
): Promise<{ id: string } | undefined> {
  const { userId, touch } = params;
  const contactIds = [...new Set(touch.contactIds)];
  if (contactIds.length === 0) return undefined;
  const owned = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), inArray(contacts.id, contactIds)));
  if (owned.length !== contactIds.length) return undefined;

  const [row] = await tx
    .insert(interactions)
    .values({
      userId,
      occurredAt: touch.occurredAt,
      channel: touch.channel,
      summary: touch.summary ?? null,
      valueKind: touch.valueKind ?? null,
      valueDirection: touch.valueDirection ?? null,
      eventId: touch.eventId ?? null,
    })
    .returning({ id: interactions.id });
  if (!row) throw new Error("insertTouch: no row returned");
  await tx.insert(interactionContacts).values(
    contactIds.map((contactId) => ({ userId, interactionId: row.id, contactId, occurredAt: touch.occurredAt })),
  );
  await refreshContactSchedule(tx, { userId, contactIds });
  return row;
}
