import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, interactionContacts, interactions } from "@/db/schema";

// The contacts of one of the user's touches; undefined when the touch is not
// the user's (or does not exist).
export async function getTouchContactIds(
  db: Db,
  params: { userId: string; touchId: string },
): Promise<string[] | undefined> {
  const rows = await db
    .select({ contactId: interactionContacts.contactId })
    .from(interactions)
    .leftJoin(
      interactionContacts,
      and(eq(interactionContacts.interactionId, interactions.id), eq(interactionContacts.userId, params.userId)),
    )
    .where(and(eq(interactions.id, params.touchId), eq(interactions.userId, params.userId)));
  if (rows.length === 0) return undefined;
  return rows.flatMap((row) => (row.contactId ? [row.contactId] : []));
}

// How many of these ids are the user's contacts.
export async function countOwnedContacts(db: Db, params: { userId: string; contactIds: string[] }): Promise<number> {
  if (params.contactIds.length === 0) return 0;
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.userId, params.userId), inArray(contacts.id, params.contactIds)));
  return rows.length;
}

export type TouchContact = { touchId: string; id: string; name: string };

// Everyone involved in the given touches, in one query (a timeline page's worth).
export async function listTouchContacts(
  db: Db,
  params: { userId: string; touchIds: string[] },
): Promise<TouchContact[]> {
  if (params.touchIds.length === 0) return [];
  return db
    .select({ touchId: interactionContacts.interactionId, id: contacts.id, name: contacts.name })
    .from(interactionContacts)
    .innerJoin(contacts, and(eq(contacts.id, interactionContacts.contactId), eq(contacts.userId, params.userId)))
    .where(and(eq(interactionContacts.userId, params.userId), inArray(interactionContacts.interactionId, params.touchIds)))
    .orderBy(asc(contacts.name), asc(contacts.id));
}
