import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type Contact,
  circles,
  contactCircles,
  contactEmails,
  contactLinks,
  contactPhones,
  contacts,
  events,
  interactionContacts,
  type Interaction,
  interactions,
  successes,
  users,
} from "@/db/schema";
import { uuidArray } from "./arrays";

// What an export reads: everything of one user, the big tables a keyset page
// at a time (by id, which never changes, so a row edited during the export
// is neither skipped nor written twice), each page's details fetched for
// that page only.

export const EXPORT_PAGE_SIZE = 1000;

export async function getExportAccount(db: Db, params: { userId: string }) {
  const [row] = await db
    .select({
      email: users.email,
      createdAt: users.createdAt,
      name: users.name,
      timeZone: users.timeZone,
      digestWeekday: users.digestWeekday,
      digestHour: users.digestHour,
      digestEnabled: users.digestEnabled,
      journalPromptEnabled: users.journalPromptEnabled,
      defaultCadenceDays: users.defaultCadenceDays,
    })
    .from(users)
    .where(eq(users.id, params.userId));
  return row;
}

export type ExportAccountRow = NonNullable<Awaited<ReturnType<typeof getExportAccount>>>;

export async function listExportCircles(db: Db, params: { userId: string }) {
  return db
    .select({ id: circles.id, name: circles.name, createdAt: circles.createdAt })
    .from(circles)
    .where(eq(circles.userId, params.userId))
    .orderBy(asc(sql`lower(${circles.name})`), asc(circles.id));
}

export type ExportCircleRow = Awaited<ReturnType<typeof listExportCircles>>[number];

// Events are made by hand, a few a month: one read.
export async function listExportEvents(db: Db, params: { userId: string }) {
  return db
    .select({
      id: events.id,
      name: events.name,
      occurredOn: events.occurredOn,
      place: events.place,
      kind: events.kind,
      notes: events.notes,
      createdAt: events.createdAt,
    })
    .from(events)
    .where(eq(events.userId, params.userId))
    .orderBy(asc(events.occurredOn), asc(events.id));
}

export type ExportEventRow = Awaited<ReturnType<typeof listExportEvents>>[number];

type Page = { userId: string; afterId?: string; limit?: number };

const contactColumns = {
  id: contacts.id,
  name: contacts.name,
  company: contacts.company,
  role: contacts.role,
  location: contacts.location,
  notes: contacts.notes,
  birthdayMonth: contacts.birthdayMonth,
  birthdayDay: contacts.birthdayDay,
  birthdayYear: contacts.birthdayYear,
  tier: contacts.tier,
  cadenceDays: contacts.cadenceDays,
  remindersEnabled: contacts.remindersEnabled,
  firstDueShare: contacts.firstDueShare,
  metAtEventId: contacts.metAtEventId,
  connectedOn: contacts.connectedOn,
  snoozedUntil: contacts.snoozedUntil,
  reconnectRequestedAt: contacts.reconnectRequestedAt,
  archivedAt: contacts.archivedAt,
  lastTouchedAt: contacts.lastTouchedAt,
  nextDueAt: contacts.nextDueAt,
  extra: contacts.extra,
  createdAt: contacts.createdAt,
  updatedAt: contacts.updatedAt,
};

export type ExportContactRow = Pick<Contact, keyof typeof contactColumns> & {
  emails: { email: string; label: string | null; isPrimary: boolean }[];
  phones: { phone: string; label: string | null }[];
  links: { url: string; label: string | null }[];
  circles: { id: string; name: string }[];
};

function groupBy<T extends { contactId: string }>(rows: T[]): Map<string, Omit<T, "contactId">[]> {
  const groups = new Map<string, Omit<T, "contactId">[]>();
  for (const { contactId, ...rest } of rows) {
    const group = groups.get(contactId);
    if (group) group.push(rest);
    else groups.set(contactId, [rest]);
  }
  return groups;
}

// One page of the user's contacts in id order, each with its emails, phones,
// links and circles (four more reads for the whole page).
export async function listExportContacts(db: Db, params: Page): Promise<ExportContactRow[]> {
  const { userId, afterId, limit = EXPORT_PAGE_SIZE } = params;
  const rows = await db
    .select(contactColumns)
    .from(contacts)
    .where(and(eq(contacts.userId, userId), afterId ? gt(contacts.id, afterId) : undefined))
    .orderBy(asc(contacts.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const ids = uuidArray(rows.map((row) => row.id));
  const [emails, phones, links, memberships] = await Promise.all([
    db
      .select({
        contactId: contactEmails.contactId,
        email: contactEmails.email,
        label: contactEmails.label,
        isPrimary: contactEmails.isPrimary,
      })
      .from(contactEmails)
      .where(and(eq(contactEmails.userId, userId), sql`${contactEmails.contactId} = any(${ids})`))
      .orderBy(sql`${contactEmails.isPrimary} desc`, asc(contactEmails.email), asc(contactEmails.label), asc(contactEmails.id)),
    db
      .select({ contactId: contactPhones.contactId, phone: contactPhones.phone, label: contactPhones.label })
      .from(contactPhones)
      .where(and(eq(contactPhones.userId, userId), sql`${contactPhones.contactId} = any(${ids})`))
      .orderBy(asc(contactPhones.phone), asc(contactPhones.label), asc(contactPhones.id)),
    db
      .select({ contactId: contactLinks.contactId, url: contactLinks.url, label: contactLinks.label })
      .from(contactLinks)
      .where(and(eq(contactLinks.userId, userId), sql`${contactLinks.contactId} = any(${ids})`))
      .orderBy(asc(contactLinks.url), asc(contactLinks.label), asc(contactLinks.id)),
    db
      .select({ contactId: contactCircles.contactId, id: circles.id, name: circles.name })
      .from(contactCircles)
      .innerJoin(circles, and(eq(circles.id, contactCircles.circleId), eq(circles.userId, userId)))
      .where(and(eq(contactCircles.userId, userId), sql`${contactCircles.contactId} = any(${ids})`))
      .orderBy(asc(sql`lower(${circles.name})`), asc(circles.id)),
  ]);
  const [emailsOf, phonesOf, linksOf, circlesOf] = [groupBy(emails), groupBy(phones), groupBy(links), groupBy(memberships)];
  return rows.map((row) => ({
    ...row,
    emails: emailsOf.get(row.id) ?? [],
    phones: phonesOf.get(row.id) ?? [],
    links: linksOf.get(row.id) ?? [],
    circles: circlesOf.get(row.id) ?? [],
  }));
}

export type ExportTouchRow = Pick<
  Interaction,
  "id" | "occurredAt" | "channel" | "summary" | "valueKind" | "valueDirection" | "eventId" | "createdAt" | "updatedAt"
> & { contactIds: string[] };

// One page of the user's touches in id order, with the contacts of each.
export async function listExportTouches(db: Db, params: Page): Promise<ExportTouchRow[]> {
  const { userId, afterId, limit = EXPORT_PAGE_SIZE } = params;
  const rows = await db
    .select({
      id: interactions.id,
      occurredAt: interactions.occurredAt,
      channel: interactions.channel,
      summary: interactions.summary,
      valueKind: interactions.valueKind,
      valueDirection: interactions.valueDirection,
      eventId: interactions.eventId,
      createdAt: interactions.createdAt,
      updatedAt: interactions.updatedAt,
    })
    .from(interactions)
    .where(and(eq(interactions.userId, userId), afterId ? gt(interactions.id, afterId) : undefined))
    .orderBy(asc(interactions.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const links = await db
    .select({ touchId: interactionContacts.interactionId, contactId: interactionContacts.contactId })
    .from(interactionContacts)
    .where(
      and(
        eq(interactionContacts.userId, userId),
        sql`${interactionContacts.interactionId} = any(${uuidArray(rows.map((row) => row.id))})`,
      ),
    )
    .orderBy(asc(interactionContacts.interactionId), asc(interactionContacts.contactId));
  const contactsOf = new Map<string, string[]>();
  for (const { touchId, contactId } of links) contactsOf.set(touchId, [...(contactsOf.get(touchId) ?? []), contactId]);
  return rows.map((row) => ({ ...row, contactIds: contactsOf.get(row.id) ?? [] }));
}

export async function listExportSuccesses(db: Db, params: Page) {
  const { userId, afterId, limit = EXPORT_PAGE_SIZE } = params;
  return db
    .select({
      id: successes.id,
      contactId: successes.contactId,
      kind: successes.kind,
      title: successes.title,
      occurredOn: successes.occurredOn,
      url: successes.url,
      congratulatedByInteractionId: successes.congratulatedByInteractionId,
      createdAt: successes.createdAt,
    })
    .from(successes)
    .where(and(eq(successes.userId, userId), afterId ? gt(successes.id, afterId) : undefined))
    .orderBy(asc(successes.id))
    .limit(limit);
}

export type ExportSuccessRow = Awaited<ReturnType<typeof listExportSuccesses>>[number];

// Every page of a keyset-paged list, one page in memory at a time.
export async function* pagesOf<T extends { id: string }>(
  list: (db: Db, params: Page) => Promise<T[]>,
  db: Db,
  params: { userId: string; pageSize?: number },
): AsyncGenerator<T[]> {
  const limit = params.pageSize ?? EXPORT_PAGE_SIZE;
  let afterId: string | undefined;
  for (;;) {
    const page = await list(db, { userId: params.userId, afterId, limit });
    if (page.length > 0) yield page;
    if (page.length < limit) return;
    afterId = page[page.length - 1]?.id;
  }
}
