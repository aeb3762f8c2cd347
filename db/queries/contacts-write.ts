import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  contactEmails,
  contactLinks,
  contactPhones,
  contacts,
  interactionContacts,
  interactions,
} from "@/db/schema";
import type { ContactFormValues } from "@/lib/validations/contact";

// Writes to contacts and their details; the caller checks ownership where
// noted and runs multi-table writes in a transaction.

export type ContactWrite = Pick<
  ContactFormValues,
  | "name"
  | "company"
  | "role"
  | "location"
  | "notes"
  | "tier"
  | "cadenceDays"
  | "remindersEnabled"
  | "birthdayMonth"
  | "birthdayDay"
  | "birthdayYear"
>;
export type ContactDetailsWrite = Pick<ContactFormValues, "emails" | "phones" | "links">;

export async function insertContact(tx: Db, params: { userId: string; values: ContactWrite }): Promise<{ id: string }> {
  const [row] = await tx
    .insert(contacts)
    .values({ ...params.values, userId: params.userId })
    .returning({ id: contacts.id });
  if (!row) throw new Error("insertContact: no row returned");
  return row;
}

export async function updateContactFields(
  tx: Db,
  params: { userId: string; contactId: string; values: ContactWrite },
): Promise<{ id: string } | undefined> {
  const [row] = await tx
    .update(contacts)
    .set({ ...params.values, updatedAt: new Date() })
    .where(and(eq(contacts.id, params.contactId), eq(contacts.userId, params.userId)))
    .returning({ id: contacts.id });
  return row;
}

// Replaces a contact's emails, phones and links with the given ones. The
// caller has checked that the contact is the user's; run it in a transaction.
// Answers the emails another contact of the user holds (compared as
// contact_emails_user_email_key compares them), which are not saved: the
// caller rolls back and says who has them.
export async function replaceContactDetails(
  tx: Db,
  params: { userId: string; contactId: string; details: ContactDetailsWrite },
): Promise<{ takenEmails: string[] }> {
  const { userId, contactId, details } = params;
  const owner = { userId, contactId };
  await tx.delete(contactEmails).where(and(eq(contactEmails.contactId, contactId), eq(contactEmails.userId, userId)));
  await tx.delete(contactPhones).where(and(eq(contactPhones.contactId, contactId), eq(contactPhones.userId, userId)));
  await tx.delete(contactLinks).where(and(eq(contactLinks.contactId, contactId), eq(contactLinks.userId, userId)));
  let takenEmails: string[] = [];
  if (details.emails.length > 0) {
    const saved = await tx
      .insert(contactEmails)
      .values(details.emails.map((row, index) => ({ ...owner, ...row, isPrimary: index === 0 })))
      .onConflictDoNothing()
      .returning({ email: contactEmails.email });
    const savedEmails = new Set(saved.map((row) => row.email));
    takenEmails = details.emails.map((row) => row.email).filter((email) => !savedEmails.has(email));
  }
  if (details.phones.length > 0) {
    await tx.insert(contactPhones).values(details.phones.map((row) => ({ ...owner, ...row })));
  }
  if (details.links.length > 0) {
    await tx.insert(contactLinks).values(details.links.map((row) => ({ ...owner, ...row })));
  }
  return { takenEmails };
}

export async function setContactArchived(
  db: Db,
  params: { userId: string; contactId: string; archived: boolean },
): Promise<{ id: string; archivedAt: Date | null } | undefined> {
  const [row] = await db
    .update(contacts)
    .set({
      // Archiving twice keeps the first date.
      archivedAt: params.archived ? sql`coalesce(${contacts.archivedAt}, now())` : null,
      // Archived contacts have no health; unarchived, the next read scores them.
      healthScore: null,
      healthBand: null,
      healthAsOf: null,
      updatedAt: new Date(),
    })
    .where(and(eq(contacts.id, params.contactId), eq(contacts.userId, params.userId)))
    .returning({ id: contacts.id, archivedAt: contacts.archivedAt });
  return row;
}

export async function setContactSnooze(
  db: Db,
  params: { userId: string; contactId: string; until: string | null },
): Promise<{ id: string; snoozedUntil: string | null } | undefined> {
  const [row] = await db
    .update(contacts)
    .set({ snoozedUntil: params.until, updatedAt: new Date() })
    .where(and(eq(contacts.id, params.contactId), eq(contacts.userId, params.userId)))
    .returning({ id: contacts.id, snoozedUntil: contacts.snoozedUntil });
  return row;
}

// Deletes the contact (its emails, circles, successes and touch links go by
// cascade) and the touches that involved nobody else, which would otherwise
// linger in the value-given counts with no one attached. Run it in a transaction.
export async function deleteContact(
  tx: Db,
  params: { userId: string; contactId: string },
): Promise<{ id: string } | undefined> {
  const { userId, contactId } = params;
  // Read before the delete: the cascade removes the links this looks at.
  const soleTouches = await tx
    .select({ id: interactionContacts.interactionId })
    .from(interactionContacts)
    .where(
      and(
        eq(interactionContacts.contactId, contactId),
        eq(interactionContacts.userId, userId),
        sql`not exists (
          select 1 from ${interactionContacts} as others
          where others.interaction_id = ${interactionContacts.interactionId}
            and others.contact_id <> ${contactId}
        )`,
      ),
    );
  const [row] = await tx
    .delete(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.userId, userId)))
    .returning({ id: contacts.id });
  if (!row) return undefined;
  if (soleTouches.length > 0) {
    const ids = soleTouches.map((touch) => touch.id);
    await tx.delete(interactions).where(and(eq(interactions.userId, userId), inArray(interactions.id, ids)));
  }
  return row;
}
