import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { circles, contactCircles, contactEmails, contactLinks, contactPhones, contacts } from "@/db/schema";
import { textArray, uuidArray } from "./arrays";

// What matching an import needs from the user's contacts (lib/import/
// candidates.ts slices the keys and assembles the candidates). Every query
// names the user.

export async function contactIdsByEmail(db: Db, params: { userId: string; emails: string[] }) {
  return db
    .select({ id: contactEmails.contactId })
    .from(contactEmails)
    .where(and(eq(contactEmails.userId, params.userId), sql`lower(${contactEmails.email}) = any(${textArray(params.emails)})`));
}

export async function contactIdsByName(db: Db, params: { userId: string; names: string[] }) {
  return db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.userId, params.userId), sql`lower(${contacts.name}) = any(${textArray(params.names)})`));
}

/** Every LinkedIn link the user has: profile URLs are compared once normalised. */
export async function linkedinLinks(db: Db, params: { userId: string }) {
  return db
    .select({ id: contactLinks.contactId, url: contactLinks.url })
    .from(contactLinks)
    .where(and(eq(contactLinks.userId, params.userId), sql`${contactLinks.url} ilike '%linkedin.com/%'`));
}

/** Every phone number the user has: numbers are compared by their digits. */
export async function allPhones(db: Db, params: { userId: string }) {
  return db
    .select({ id: contactPhones.contactId, phone: contactPhones.phone })
    .from(contactPhones)
    .where(eq(contactPhones.userId, params.userId));
}

/** The contacts with these ids, with their emails, phones, links and lower-cased circle names. */
export async function contactsForMatching(db: Db, params: { userId: string; ids: string[] }) {
  const { userId } = params;
  const ids = uuidArray(params.ids);
  const [rows, emails, phones, links, circleNames] = await Promise.all([
    db
      .select()
      .from(contacts)
      .where(and(eq(contacts.userId, userId), sql`${contacts.id} = any(${ids})`)),
    db
      .select({ id: contactEmails.contactId, value: contactEmails.email })
      .from(contactEmails)
      .where(and(eq(contactEmails.userId, userId), sql`${contactEmails.contactId} = any(${ids})`)),
    db
      .select({ id: contactPhones.contactId, value: contactPhones.phone })
      .from(contactPhones)
      .where(and(eq(contactPhones.userId, userId), sql`${contactPhones.contactId} = any(${ids})`)),
    db
      .select({ id: contactLinks.contactId, value: contactLinks.url })
      .from(contactLinks)
      .where(and(eq(contactLinks.userId, userId), sql`${contactLinks.contactId} = any(${ids})`)),
    db
      .select({ id: contactCircles.contactId, value: sql<string>`lower(${circles.name})` })
      .from(contactCircles)
      .innerJoin(circles, eq(circles.id, contactCircles.circleId))
      .where(and(eq(contactCircles.userId, userId), sql`${contactCircles.contactId} = any(${ids})`)),
  ]);
  return { rows, emails, phones, links, circles: circleNames };
}
