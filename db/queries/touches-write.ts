import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { interactionContacts, interactions } from "@/db/schema";
import type { Channel, ValueDirection, ValueKind } from "@/lib/domain/enums";
import { refreshContactSchedule } from "./schedule";
import { unlinkCongratulations } from "./successes";
import { countOwnedContacts, getTouchContactIds } from "./touches";

export type NewTouch = {
  occurredAt: Date;
  channel: Channel;
  summary?: string | null;
  valueKind?: ValueKind | null;
  valueDirection?: ValueDirection | null;
  eventId?: string | null;
  contactIds: string[];
};

export type TouchChanges = Omit<NewTouch, "eventId">;

function touchContactRows(
  userId: string,
  interactionId: string,
  contactIds: string[],
  touch: Pick<NewTouch, "occurredAt" | "valueDirection">,
) {
  const { occurredAt } = touch;
  const valueDirection = touch.valueDirection ?? null;
  return contactIds.map((contactId) => ({ userId, interactionId, contactId, occurredAt, valueDirection }));
}

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
  if ((await countOwnedContacts(tx, { userId, contactIds })) !== contactIds.length) return undefined;

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
  await tx.insert(interactionContacts).values(touchContactRows(userId, row.id, contactIds, touch));
  await refreshContactSchedule(tx, { userId, contactIds });
  return row;
}

export type TouchWriteOutcome = "done" | "touch-not-found" | "contact-not-found";

// Replaces a touch's fields and contacts (its event stays), keeps a success
// linked only while the touch still congratulates that contact, and moves
// the dates of everyone it involved before or after. Run it inside a
// transaction; nothing is written unless it returns "done".
export async function updateTouch(
  tx: Db,
  params: { userId: string; touchId: string; touch: TouchChanges },
): Promise<TouchWriteOutcome> {
  const { userId, touchId, touch } = params;
  const before = await getTouchContactIds(tx, { userId, touchId });
  if (!before) return "touch-not-found";
  const contactIds = [...new Set(touch.contactIds)];
  if (contactIds.length === 0) return "contact-not-found";
  if ((await countOwnedContacts(tx, { userId, contactIds })) !== contactIds.length) return "contact-not-found";

  await tx
    .update(interactions)
    .set({
      occurredAt: touch.occurredAt,
      channel: touch.channel,
      summary: touch.summary ?? null,
      valueKind: touch.valueKind ?? null,
      valueDirection: touch.valueDirection ?? null,
      updatedAt: new Date(),
    })
    .where(and(eq(interactions.id, touchId), eq(interactions.userId, userId)));
  await tx
    .delete(interactionContacts)
    .where(and(eq(interactionContacts.interactionId, touchId), eq(interactionContacts.userId, userId)));
  await tx.insert(interactionContacts).values(touchContactRows(userId, touchId, contactIds, touch));
  const isCongratulation = touch.valueKind === "congratulation" && touch.valueDirection === "given";
  await unlinkCongratulations(tx, { userId, touchId, keepContactIds: isCongratulation ? contactIds : [] });
  await refreshContactSchedule(tx, { userId, contactIds: [...new Set([...before, ...contactIds])] });
  return "done";
}

// Deletes a touch; the foreign key un-congratulates a success it congratulated
// (on delete set null), and its contacts' dates move back. Run it inside a
// transaction.
export async function deleteTouch(
  tx: Db,
  params: { userId: string; touchId: string },
): Promise<Exclude<TouchWriteOutcome, "contact-not-found">> {
  const { userId, touchId } = params;
  const contactIds = await getTouchContactIds(tx, { userId, touchId });
  if (!contactIds) return "touch-not-found";
  const deleted = await tx
    .delete(interactions)
    .where(and(eq(interactions.id, touchId), eq(interactions.userId, userId)))
    .returning({ id: interactions.id });
  if (deleted.length === 0) return "touch-not-found";
  await refreshContactSchedule(tx, { userId, contactIds });
  return "done";
}
