import { and, asc, eq, exists, inArray, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  circles,
  contactCircles,
  contactEmails,
  contactLinks,
  contactPhones,
  contacts,
  events,
  goals,
  stonePeople,
  steppingStones,
  users,
} from "@/db/schema";
import type { CircleRef, ContactListRow, LikelyDuplicate } from "@/lib/domain/contacts";
import type { ContactSort, ContactTier } from "@/lib/domain/enums";
import type { HealthBand } from "@/lib/health/model";
import { contactMatches } from "./contact-search";
import { type ContactSortKey, rangesAfter, rangesBefore, SORT_KEY_COLUMNS, sortKeyOf } from "./contacts-keyset";
import { effectiveCadenceDays } from "./cadence";

export type ListContactsParams = {
  userId: string;
  sort: ContactSort;
  q?: string;
  circleId?: string;
  /** Only the people who matter for this goal of the user's. */
  goalId?: string;
  overdue?: boolean;
  archived?: boolean;
  band?: HealthBand;
  now?: Date;
};

const isUuid = (value: string) => z.uuid().safeParse(value).success;

// The user's calendar day: a snooze "until 12 March" lasts through 12 March
// where the user lives.
function userToday(userId: string | SQL, now: Date): SQL {
  return sql`(${now.toISOString()}::timestamptz at time zone coalesce(
    (select ${users.timeZone} from ${users} where ${users.id} = ${userId}), 'UTC'
  ))::date`;
}

// userId may be a column (u.user_id) when a query covers many users.
export function isOverdue(userId: string | SQL, now: Date): SQL {
  return and(
    isNull(contacts.archivedAt),
    lt(contacts.nextDueAt, now),
    or(isNull(contacts.snoozedUntil), sql`${contacts.snoozedUntil} < ${userToday(userId, now)}`),
  ) as SQL;
}

// The contact matters for one of the user's goals: they are among the people
// of one of its stepping stones. Another user's goal matches nobody. Read off
// stepping_stones_goal_position_key and stone_people's primary key.
export function mattersForGoal(userId: string, goalId: string): SQL {
  return sql`exists (
    select 1 from ${stonePeople} sp
    join ${steppingStones} ss on ss.id = sp.stone_id and ss.user_id = ${userId}
    join ${goals} g on g.id = ss.goal_id and g.user_id = ${userId}
    where sp.contact_id = ${contacts.id} and sp.user_id = ${userId} and ss.goal_id = ${goalId}
  )`;
}

// Each order is exactly a (user_id, column, …, id) index, so a page is read
// off the index; the id makes pages never overlap or skip rows that tie.
// Names sort case-insensitively ("ada" before "Zed") whatever the collation.
// Health puts the relationships that need attention first, from the stored
// score (db/queries/health.ts; callers make it fresh with ensureFreshHealth).
const ORDER: Record<ContactSort, SQL[]> = {
  name: [sql`lower(${contacts.name}) asc`, sql`${contacts.id} asc`],
  last_touch: [sql`${contacts.lastTouchedAt} desc nulls last`, sql`${contacts.id} asc`],
  next_due: [sql`${contacts.nextDueAt} asc`, sql`${contacts.id} asc`],
  health: [sql`${contacts.healthScore} asc nulls last`, sql`lower(${contacts.name}) asc`, sql`${contacts.id} asc`],
};

// Each order walked backwards (the same index read from the other end), for
// the page before a cursor.
const REVERSED: Record<ContactSort, SQL[]> = {
  name: [sql`lower(${contacts.name}) desc`, sql`${contacts.id} desc`],
  last_touch: [sql`${contacts.lastTouchedAt} asc nulls first`, sql`${contacts.id} desc`],
  next_due: [sql`${contacts.nextDueAt} desc`, sql`${contacts.id} desc`],
  health: [sql`${contacts.healthScore} desc nulls first`, sql`lower(${contacts.name}) desc`, sql`${contacts.id} desc`],
};

const LIST_COLUMNS = {
  id: contacts.id,
  name: contacts.name,
  company: contacts.company,
  role: contacts.role,
  lastTouchedAt: contacts.lastTouchedAt,
  nextDueAt: contacts.nextDueAt,
  snoozedUntil: contacts.snoozedUntil,
  archivedAt: contacts.archivedAt,
  // Archived contacts have no health: a score stored before archiving is not shown.
  score: sql<number | null>`case when ${contacts.archivedAt} is null then ${contacts.healthScore} end`.mapWith(Number),
  band: sql<HealthBand | null>`case when ${contacts.archivedAt} is null then ${contacts.healthBand} end`,
};

// What a row must match to be listed; undefined when nothing can match (an
// id that is not one).
function listConditions(db: Db, params: ListContactsParams): SQL | undefined {
  const { userId } = params;
  const now = params.now ?? new Date();
  const q = params.q?.trim() ?? "";
  if (params.circleId !== undefined && !isUuid(params.circleId)) return undefined;
  if (params.goalId !== undefined && !isUuid(params.goalId)) return undefined;
  return and(
    eq(contacts.userId, userId),
    params.archived ? isNotNull(contacts.archivedAt) : isNull(contacts.archivedAt),
    q ? contactMatches(userId, q) : undefined,
    params.overdue ? isOverdue(userId, now) : undefined,
    params.circleId
      ? exists(
          db
            .select({ one: sql`1` })
            .from(contactCircles)
            .where(
              and(
                eq(contactCircles.contactId, contacts.id),
                eq(contactCircles.circleId, params.circleId),
                eq(contactCircles.userId, userId),
              ),
            ),
        )
      : undefined,
    params.goalId ? mattersForGoal(userId, params.goalId) : undefined,
    params.band === undefined ? undefined : and(isNull(contacts.archivedAt), eq(contacts.healthBand, params.band)),
  );
}

async function withCircles<T extends { id: string }>(db: Db, userId: string, rows: T[]): Promise<(T & { circles: CircleRef[] })[]> {
  const circlesByContact = await circlesOf(db, { userId, contactIds: rows.map((row) => row.id) });
  return rows.map((row) => ({ ...row, circles: circlesByContact.get(row.id) ?? [] }));
}

// A page of the list, read by keyset: no offset, so a page deep in 50,000
// contacts costs what the first does (db/queries/contacts-keyset.ts). `next`
// continues after the last row when more follow; `prev` goes back from the
// first row, null on the first page.
export type ContactListPage = { rows: ContactListRow[]; next: ContactSortKey | null; prev: ContactSortKey | null };

type PageParams = ListContactsParams & { pageSize: number };

// Reads the ranges in turn until the page and one row more (which says that
// more follow, without counting every match) are found, in `order`.
async function readRanges(db: Db, params: PageParams, ranges: (SQL | undefined)[], order: SQL[]) {
  const where = listConditions(db, params);
  if (!where) return [];
  const readRange = (range: SQL | undefined, limit: number) =>
    db
      .select({ row: LIST_COLUMNS, key: SORT_KEY_COLUMNS })
      .from(contacts)
      .where(and(where, range))
      .orderBy(...order)
      .limit(limit);
  const found: Awaited<ReturnType<typeof readRange>> = [];
  for (const range of ranges) {
    if (found.length > params.pageSize) break;
    found.push(...(await readRange(range, params.pageSize + 1 - found.length)));
  }
  return found;
}

type Found = Awaited<ReturnType<typeof readRanges>>;

async function pageOf(db: Db, params: PageParams, page: Found, hasNext: boolean, hasPrev: boolean): Promise<ContactListPage> {
  const keyOf = (entry: Found[number] | undefined) => (entry ? sortKeyOf(params.sort, entry.row.id, entry.key) : null);
  return {
    rows: await withCircles(db, params.userId, page.map((entry) => entry.row)),
    next: hasNext ? keyOf(page.at(-1)) : null,
    prev: hasPrev ? keyOf(page[0]) : null,
  };
}

const checkSort = (sort: ContactSort, key: ContactSortKey | null | undefined) => {
  if (key && key.sort !== sort) throw new Error("A sort key continues only the order it was made in.");
};

// The rows after `after`, or the first page without one.
export async function listContactsAfter(db: Db, params: PageParams & { after?: ContactSortKey | null }): Promise<ContactListPage> {
  checkSort(params.sort, params.after);
  const found = await readRanges(db, params, params.after ? rangesAfter(params.after) : [undefined], ORDER[params.sort]);
  return pageOf(db, params, found.slice(0, params.pageSize), found.length > params.pageSize, Boolean(params.after));
}

// The rows just before `before`: read nearest first and turned back into the
// list's order. Where fewer than a page and one lie before it (contacts were
// deleted, or it is the second page), the answer is the first page, full.
export async function listContactsBefore(db: Db, params: PageParams & { before: ContactSortKey }): Promise<ContactListPage> {
  checkSort(params.sort, params.before);
  const found = await readRanges(db, params, rangesBefore(params.before), REVERSED[params.sort]);
  if (found.length <= params.pageSize) return listContactsAfter(db, { ...params, after: null });
  return pageOf(db, params, found.slice(0, params.pageSize).reverse(), true, true);
}

// The circles of several contacts in one query, by contact id.
async function circlesOf(db: Db, params: { userId: string; contactIds: string[] }): Promise<Map<string, CircleRef[]>> {
  const byContact = new Map<string, CircleRef[]>();
  if (params.contactIds.length === 0) return byContact;
  const found = await db
    .select({ contactId: contactCircles.contactId, id: circles.id, name: circles.name })
    .from(contactCircles)
    .innerJoin(circles, and(eq(circles.id, contactCircles.circleId), eq(circles.userId, params.userId)))
    .where(and(eq(contactCircles.userId, params.userId), inArray(contactCircles.contactId, params.contactIds)))
    .orderBy(asc(sql`lower(${circles.name})`), asc(circles.id));
  for (const { contactId, id, name } of found) {
    const list = byContact.get(contactId) ?? [];
    list.push({ id, name });
    byContact.set(contactId, list);
  }
  return byContact;
}

export type ContactDetail = {
  id: string;
  name: string;
  company: string | null;
  role: string | null;
  location: string | null;
  notes: string | null;
  birthdayMonth: number | null;
  birthdayDay: number | null;
  birthdayYear: number | null;
  tier: ContactTier;
  cadenceDays: number | null;
  remindersEnabled: boolean;
  /** The contact's own cadence, else its tier's, else the user's default. */
  effectiveCadenceDays: number;
  metAtEvent: { id: string; name: string; occurredOn: string } | null;
  connectedOn: string | null;
  snoozedUntil: string | null;
  archivedAt: Date | null;
  lastTouchedAt: Date | null;
  nextDueAt: Date | null;
  createdAt: Date;
  emails: { email: string; label: string | null }[];
  phones: { phone: string; label: string | null }[];
  links: { url: string; label: string | null }[];
  circles: CircleRef[];
};

export async function getContact(
  db: Db,
  params: { userId: string; contactId: string },
): Promise<ContactDetail | undefined> {
  const { userId, contactId } = params;
  if (!isUuid(contactId)) return undefined;
  const [row] = await db
    .select({
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
      effectiveCadenceDays: sql<number>`(${effectiveCadenceDays})::int`.mapWith(Number),
      eventId: events.id,
      eventName: events.name,
      eventOccurredOn: events.occurredOn,
      connectedOn: contacts.connectedOn,
      snoozedUntil: contacts.snoozedUntil,
      archivedAt: contacts.archivedAt,
      lastTouchedAt: contacts.lastTouchedAt,
      nextDueAt: contacts.nextDueAt,
      createdAt: contacts.createdAt,
    })
    .from(contacts)
    .innerJoin(users, eq(users.id, contacts.userId))
    .leftJoin(events, and(eq(events.id, contacts.metAtEventId), eq(events.userId, userId)))
    .where(and(eq(contacts.id, contactId), eq(contacts.userId, userId)));
  if (!row) return undefined;

  const owned = (table: typeof contactEmails | typeof contactPhones | typeof contactLinks) =>
    and(eq(table.contactId, contactId), eq(table.userId, userId));
  const emails = await db
    .select({ email: contactEmails.email, label: contactEmails.label })
    .from(contactEmails)
    .where(owned(contactEmails))
    .orderBy(sql`${contactEmails.isPrimary} desc`, asc(contactEmails.email));
  const phones = await db
    .select({ phone: contactPhones.phone, label: contactPhones.label })
    .from(contactPhones)
    .where(owned(contactPhones))
    .orderBy(asc(contactPhones.phone));
  const links = await db
    .select({ url: contactLinks.url, label: contactLinks.label })
    .from(contactLinks)
    .where(owned(contactLinks))
    .orderBy(asc(contactLinks.url));
  const circlesByContact = await circlesOf(db, { userId, contactIds: [contactId] });

  const { eventId, eventName, eventOccurredOn, ...contact } = row;
  return {
    ...contact,
    metAtEvent: eventId && eventName && eventOccurredOn ? { id: eventId, name: eventName, occurredOn: eventOccurredOn } : null,
    emails,
    phones,
    links,
    circles: circlesByContact.get(contactId) ?? [],
  };
}

// Contacts that are probably the same person: one of the emails (any case),
// or the same name at the same company (both compared without case).
export async function findLikelyDuplicates(
  db: Db,
  params: { userId: string; name: string; company: string | null; emails: string[] },
): Promise<LikelyDuplicate[]> {
  const { userId } = params;
  const name = params.name.trim().toLowerCase();
  const company = params.company?.trim().toLowerCase() ?? "";
  const emails = [...new Set(params.emails.map((email) => email.trim().toLowerCase()).filter(Boolean))];
  const emailList = emails.length > 0 ? sql.join(emails.map((email) => sql`${email}`), sql`, `) : undefined;
  const emailMatch = emailList
    ? sql`exists (
        select 1 from ${contactEmails} e
        where e.contact_id = ${contacts.id} and e.user_id = ${userId} and lower(e.email) in (${emailList})
      )`
    : sql`false`;
  // A UNION of two index lookups (contact_emails_user_email_key and
  // contacts_user_name_idx); an OR would walk every contact of the user.
  const candidates = sql`${contacts.id} in (
    select c.id from ${contacts} c
    where c.user_id = ${userId} and lower(c.name) = ${name} and lower(coalesce(c.company, '')) = ${company}
    ${emailList ? sql`union select e.contact_id from ${contactEmails} e where e.user_id = ${userId} and lower(e.email) in (${emailList})` : sql``}
  )`;
  const found = await db
    .select({
      id: contacts.id,
      name: contacts.name,
      company: contacts.company,
      archivedAt: contacts.archivedAt,
      isEmailMatch: sql<boolean>`${emailMatch}`,
    })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), candidates))
    .orderBy(asc(contacts.name), asc(contacts.id))
    .limit(5);
  return found.map(({ isEmailMatch, ...row }) => ({ ...row, reason: isEmailMatch ? "email" : "name" }));
}

// One of the user's contacts by id, as a picker shows it (a form's prefill
// from a link); another user's contact, or no contact, is undefined.
export async function getContactRef(
  db: Db,
  params: { userId: string; contactId: string },
): Promise<{ id: string; name: string } | undefined> {
  if (!isUuid(params.contactId)) return undefined;
  const [row] = await db
    .select({ id: contacts.id, name: contacts.name })
    .from(contacts)
    .where(and(eq(contacts.id, params.contactId), eq(contacts.userId, params.userId)));
  return row;
}
