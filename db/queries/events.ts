import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contactCircles, contactEmails, contacts, events, interactionContacts, interactions } from "@/db/schema";
import type { EventDetails, EventListItem, EventPerson } from "@/lib/domain/events";
import type { EventValues } from "@/lib/validations/event";

export const eventColumns = {
  id: events.id,
  name: events.name,
  occurredOn: events.occurredOn,
  place: events.place,
  kind: events.kind,
  notes: events.notes,
};

// The user's contacts met at an event: those whose "how we met" is the event,
// and those linked by one of the event's touches.
export function eventPeopleIds(userId: string, eventId: unknown) {
  return sql`(
    select ${contacts.id} from ${contacts}
    where ${contacts.userId} = ${userId} and ${contacts.metAtEventId} = ${eventId}
    union
    select ${interactionContacts.contactId} from ${interactionContacts}
    join ${interactions} on ${interactions.id} = ${interactionContacts.interactionId}
    where ${interactions.userId} = ${userId} and ${interactions.eventId} = ${eventId}
  )`;
}

function primaryEmail(userId: string) {
  return sql`(
    select ${contactEmails.email} from ${contactEmails}
    where ${contactEmails.contactId} = ${contacts.id} and ${contactEmails.userId} = ${userId}
    order by ${contactEmails.isPrimary} desc, ${contactEmails.email} asc
    limit 1
  )`;
}

export async function listEvents(
  db: Db,
  params: { userId: string; page: number; pageSize: number },
): Promise<{ events: EventListItem[]; total: number }> {
  const { userId, pageSize } = params;
  const page = Number.isSafeInteger(params.page) && params.page > 0 ? params.page : 1;
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({
        ...eventColumns,
        peopleCount: sql<number>`(select count(*) from ${eventPeopleIds(userId, events.id)} as people)`.mapWith(Number),
      })
      .from(events)
      .where(eq(events.userId, userId))
      .orderBy(desc(events.occurredOn), desc(events.createdAt), desc(events.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(events).where(eq(events.userId, userId)),
  ]);
  return { events: rows, total: totalRow?.total ?? 0 };
}

export async function getEvent(db: Db, params: { userId: string; eventId: string }): Promise<EventDetails | undefined> {
  const [row] = await db
    .select(eventColumns)
    .from(events)
    .where(and(eq(events.userId, params.userId), eq(events.id, params.eventId)));
  return row;
}

export async function listEventPeople(
  db: Db,
  params: { userId: string; eventId: string },
): Promise<EventPerson[]> {
  const rows = await db
    .select({
      id: contacts.id,
      name: contacts.name,
      company: contacts.company,
      role: contacts.role,
      // Nested: drizzle drops table names from a single-table select's own
      // columns, which would make the correlated contacts.id ambiguous.
      email: sql<string | null>`${primaryEmail(params.userId)}`,
      archivedAt: contacts.archivedAt,
    })
    .from(contacts)
    .where(
      and(eq(contacts.userId, params.userId), sql`${contacts.id} in ${eventPeopleIds(params.userId, params.eventId)}`),
    )
    .orderBy(asc(contacts.name), asc(contacts.id));
  return rows.map(({ archivedAt, ...person }) => ({ ...person, isArchived: archivedAt !== null }));
}

export async function insertEvent(db: Db, params: { userId: string; values: EventValues }): Promise<{ id: string }> {
  const [row] = await db
    .insert(events)
    .values({ ...params.values, userId: params.userId })
    .returning({ id: events.id });
  if (!row) throw new Error("insertEvent: no row returned");
  return row;
}

export async function updateEvent(
  db: Db,
  params: { userId: string; eventId: string; values: EventValues },
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .update(events)
    .set(params.values)
    .where(and(eq(events.userId, params.userId), eq(events.id, params.eventId)))
    .returning({ id: events.id });
  return row;
}

// Contacts met there keep existing; their "met at" and the touches' event
// link are cleared by the foreign keys (on delete set null).
export async function deleteEvent(db: Db, params: { userId: string; eventId: string }): Promise<boolean> {
  const rows = await db
    .delete(events)
    .where(and(eq(events.userId, params.userId), eq(events.id, params.eventId)))
    .returning({ id: events.id });
  return rows.length > 0;
}

// ── Quick add: the contact-side reads and writes the event page's form needs.

export type EmailMatch = { email: string; contactId: string; name: string; isArchived: boolean };

// The user's contacts owning any of these emails, compared without case (on
// contact_emails_user_email_key, which lets one contact hold each email).
export async function findContactsByEmails(
  db: Db,
  params: { userId: string; emails: string[] },
): Promise<Map<string, EmailMatch>> {
  const wanted = [...new Set(params.emails.map((email) => email.trim().toLowerCase()).filter((e) => e !== ""))];
  const matches = new Map<string, EmailMatch>();
  if (wanted.length === 0) return matches;
  const rows = await db
    .select({
      email: sql<string>`lower(${contactEmails.email})`,
      contactId: contacts.id,
      name: contacts.name,
      archivedAt: contacts.archivedAt,
    })
    .from(contactEmails)
    .innerJoin(contacts, and(eq(contacts.id, contactEmails.contactId), eq(contacts.userId, params.userId)))
    .where(and(eq(contactEmails.userId, params.userId), inArray(sql`lower(${contactEmails.email})`, wanted)));
  for (const row of rows) {
    matches.set(row.email, {
      email: row.email,
      contactId: row.contactId,
      name: row.name,
      isArchived: row.archivedAt !== null,
    });
  }
  return matches;
}

export type QuickAddContact = {
  id: string;
  name: string;
  company: string | null;
  role: string | null;
  notes: string | null;
  email: string | null;
};

// Inserts the people and their emails; answers the ids of those whose email
// a contact of the user already held when the insert ran (another quick add
// committed it since the lookup): they are removed again, for the caller to
// link to that contact, since an email belongs to one person
// (contact_emails_user_email_key). Run it in a transaction.
export async function insertQuickAddContacts(
  db: Db,
  params: { userId: string; eventId: string; people: QuickAddContact[] },
): Promise<string[]> {
  const { userId, eventId, people } = params;
  if (people.length === 0) return [];
  await db.insert(contacts).values(
    people.map((p) => ({ id: p.id, userId, name: p.name, company: p.company, role: p.role, notes: p.notes, metAtEventId: eventId })),
  );
  // In one order for everyone: two quick adds sharing two new emails then
  // wait for each other in turn rather than deadlock.
  const emails = people
    .flatMap((p) => (p.email ? [{ userId, contactId: p.id, email: p.email, isPrimary: true }] : []))
    .sort((a, b) => (a.email.toLowerCase() < b.email.toLowerCase() ? -1 : 1));
  if (emails.length === 0) return [];
  const inserted = await db
    .insert(contactEmails)
    .values(emails)
    .onConflictDoNothing()
    .returning({ contactId: contactEmails.contactId });
  const saved = new Set(inserted.map((row) => row.contactId));
  const taken = emails.map((row) => row.contactId).filter((id) => !saved.has(id));
  if (taken.length > 0) await db.delete(contacts).where(and(eq(contacts.userId, userId), inArray(contacts.id, taken)));
  return taken;
}

// A text's length as JavaScript counts it (UTF-16 code units), as the forms,
// the import planner and a restore measure it: a character past U+FFFF
// (an emoji) counts twice.
const jsLength = (text: SQL) =>
  sql`(2 * char_length(${text}) - char_length(regexp_replace(${text}, ${"[\\U00010000-\\U0010FFFF]"}, '', 'g')))`;

// What a quick-add row says about a contact that already exists: nothing it
// holds is overwritten. Company and role fill blanks only, a note is added
// after the existing notes while they stay within `notesMax` characters (a
// note with no room is not added), "met at" is set only when unknown.
export async function mergeIntoExistingContact(
  db: Db,
  params: {
    userId: string;
    contactId: string;
    eventId: string;
    company: string | null;
    role: string | null;
    note: string | null;
    notesMax: number;
  },
): Promise<void> {
  const { note, notesMax } = params;
  const notes = sql`${contacts.notes}`;
  await db
    .update(contacts)
    .set({
      company: sql`coalesce(${contacts.company}, ${params.company})`,
      role: sql`coalesce(${contacts.role}, ${params.role})`,
      notes: note
        ? sql`case when coalesce(${notes}, '') = '' then ${note}
            when ${jsLength(notes)} + ${2 + note.length}::int <= ${notesMax}::int then ${notes} || ${"\n\n"} || ${note}
            else ${notes} end`
        : contacts.notes,
      metAtEventId: sql`coalesce(${contacts.metAtEventId}, ${params.eventId}::uuid)`,
      updatedAt: new Date(),
    })
    .where(and(eq(contacts.userId, params.userId), eq(contacts.id, params.contactId)));
}

export async function addContactsToCircles(
  db: Db,
  params: { userId: string; links: { contactId: string; circleId: string }[] },
): Promise<void> {
  if (params.links.length === 0) return;
  await db
    .insert(contactCircles)
    .values(params.links.map((link) => ({ userId: params.userId, ...link })))
    .onConflictDoNothing();
}

export async function setNextDueAt(
  db: Db,
  params: { userId: string; contactIds: string[]; nextDueAt: Date },
): Promise<void> {
  if (params.contactIds.length === 0) return;
  await db
    .update(contacts)
    .set({ nextDueAt: params.nextDueAt })
    .where(and(eq(contacts.userId, params.userId), inArray(contacts.id, params.contactIds)));
}
