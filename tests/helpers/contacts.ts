import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { refreshContactSchedule } from "@/db/queries/schedule";
import {
  contactCircles,
  contactEmails,
  contactLinks,
  contactPhones,
  contacts,
  interactionContacts,
  interactions,
} from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { archiveContact, deleteContact, snoozeContact, unarchiveContact } from "@/lib/contacts/contact-status";
import { createContact, updateContact } from "@/lib/contacts/save-contact";
import {
  contactIdSchema,
  createContactSchema,
  snoozeContactSchema,
  updateContactSchema,
} from "@/lib/validations/contact";

// Shared by the contacts integration tests (contacts-*.test.ts). `db` gives
// the test file's database; it is called on every use, so these can be made
// at the top of a file whose beforeAll opens the database.
export function contactTestHelpers(db: () => Db) {
  // The production actions are these compositions with the session's user id.
  function actionsAs(userId: string | null) {
    const authed = defineAuthedAction({ getUserId: async () => userId, getDb: async () => db() });
    return {
      create: authed(createContactSchema, createContact),
      update: authed(updateContactSchema, updateContact),
      archive: authed(contactIdSchema, archiveContact),
      unarchive: authed(contactIdSchema, unarchiveContact),
      remove: authed(contactIdSchema, deleteContact),
      snooze: authed(snoozeContactSchema, snoozeContact),
    };
  }

  async function touch(userId: string, contactIds: string[], occurredAt: Date) {
    await db().transaction(async (tx) => {
      const [row] = await tx.insert(interactions).values({ userId, occurredAt, channel: "call" }).returning();
      if (!row) throw new Error("no interaction");
      await tx
        .insert(interactionContacts)
        .values(contactIds.map((contactId) => ({ userId, interactionId: row.id, contactId, occurredAt })));
      await refreshContactSchedule(tx, { userId, contactIds });
    });
  }

  async function rowOf(contactId: string) {
    const [row] = await db().select().from(contacts).where(eq(contacts.id, contactId));
    return row;
  }

  async function everythingOf(contactId: string) {
    return {
      contact: await rowOf(contactId),
      emails: await db().select().from(contactEmails).where(eq(contactEmails.contactId, contactId)),
      phones: await db().select().from(contactPhones).where(eq(contactPhones.contactId, contactId)),
      links: await db().select().from(contactLinks).where(eq(contactLinks.contactId, contactId)),
      circles: await db().select().from(contactCircles).where(eq(contactCircles.contactId, contactId)),
    };
  }

  return { actionsAs, touch, rowOf, everythingOf };
}
