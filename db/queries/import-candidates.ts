import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { circles, contactCircles, contactEmails, contactLinks, contactPhones, contacts } from "@/db/schema";
import { normalizeLinkedInUrl } from "@/lib/import/csv";
import { type ExistingContact, phoneKey } from "@/lib/import/plan";
import { nextTurn } from "@/lib/import/steps";
import type { ImportedContact } from "@/lib/import/types";
import { textArray, uuidArray } from "./arrays";

// Keys and ids are looked up a slice at a time: on the in-process PGlite a
// statement holds up the web server's event loop for as long as it runs.
const SLICE = 1_000;

async function inSlices<T>(values: string[], query: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const found: T[] = [];
  for (let start = 0; start < values.length; start += SLICE) {
    await nextTurn();
    found.push(...(await query(values.slice(start, start + SLICE))));
  }
  return found;
}

// The user's contacts that any parsed row could match, with what merging
// needs to know about them. Archived contacts count: re-importing someone
// archived must not create them again.
export async function loadCandidates(
  db: Db,
  params: { userId: string; contacts: ImportedContact[] },
): Promise<ExistingContact[]> {
  const { userId } = params;
  const emails = [...new Set(params.contacts.flatMap((c) => c.emails.map((e) => e.value.toLowerCase())))];
  const names = [...new Set(params.contacts.map((c) => c.name.trim().toLowerCase()))];
  const linkedin = new Set(params.contacts.flatMap((c) => (c.linkedinUrl ? [c.linkedinUrl] : [])));
  const phones = new Set(params.contacts.flatMap((c) => c.phones.flatMap((p) => phoneKey(p.value) ?? [])));

  const [byEmail, byName, links, phoneRows] = await Promise.all([
    inSlices(emails, (slice) =>
      db
        .select({ id: contactEmails.contactId })
        .from(contactEmails)
        .where(and(eq(contactEmails.userId, userId), sql`lower(${contactEmails.email}) = any(${textArray(slice)})`)),
    ),
    inSlices(names, (slice) =>
      db
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(eq(contacts.userId, userId), sql`lower(${contacts.name}) = any(${textArray(slice)})`)),
    ),
    linkedin.size
      ? db
          .select({ id: contactLinks.contactId, url: contactLinks.url })
          .from(contactLinks)
          .where(and(eq(contactLinks.userId, userId), sql`${contactLinks.url} ilike '%linkedin.com/%'`))
      : [],
    phones.size
      ? db
          .select({ id: contactPhones.contactId, phone: contactPhones.phone })
          .from(contactPhones)
          .where(eq(contactPhones.userId, userId))
      : [],
  ]);
  const ids = new Set([...byEmail, ...byName].map((row) => row.id));
  for (const row of links) if (linkedin.has(normalizeLinkedInUrl(row.url) ?? "")) ids.add(row.id);
  for (const row of phoneRows) if (phones.has(phoneKey(row.phone) ?? "")) ids.add(row.id);
  if (ids.size === 0) return [];

  const [rows, emailRows, phoneList, linkRows, circleRows] = await Promise.all([
    inSlices([...ids], (slice) =>
      db
        .select()
        .from(contacts)
        .where(and(eq(contacts.userId, userId), sql`${contacts.id} = any(${uuidArray(slice)})`)),
    ),
    inSlices([...ids], (slice) =>
      db
        .select({ id: contactEmails.contactId, value: contactEmails.email })
        .from(contactEmails)
        .where(and(eq(contactEmails.userId, userId), sql`${contactEmails.contactId} = any(${uuidArray(slice)})`)),
    ),
    inSlices([...ids], (slice) =>
      db
        .select({ id: contactPhones.contactId, value: contactPhones.phone })
        .from(contactPhones)
        .where(and(eq(contactPhones.userId, userId), sql`${contactPhones.contactId} = any(${uuidArray(slice)})`)),
    ),
    inSlices([...ids], (slice) =>
      db
        .select({ id: contactLinks.contactId, value: contactLinks.url })
        .from(contactLinks)
        .where(and(eq(contactLinks.userId, userId), sql`${contactLinks.contactId} = any(${uuidArray(slice)})`)),
    ),
    inSlices([...ids], (slice) =>
      db
        .select({ id: contactCircles.contactId, value: sql<string>`lower(${circles.name})` })
        .from(contactCircles)
        .innerJoin(circles, eq(circles.id, contactCircles.circleId))
        .where(and(eq(contactCircles.userId, userId), sql`${contactCircles.contactId} = any(${uuidArray(slice)})`)),
    ),
  ]);
  const group = (values: { id: string; value: string }[]) => {
    const map = new Map<string, string[]>();
    for (const { id, value } of values) {
      const list = map.get(id);
      if (list === undefined) map.set(id, [value]);
      else list.push(value);
    }
    return map;
  };
  const [emailsOf, phonesOf, linksOf, circlesOf] = [emailRows, phoneList, linkRows, circleRows].map(group);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    company: row.company,
    role: row.role,
    location: row.location,
    notes: row.notes,
    birthday:
      row.birthdayMonth && row.birthdayDay
        ? { year: row.birthdayYear, month: row.birthdayMonth, day: row.birthdayDay }
        : null,
    connectedOn: row.connectedOn,
    emails: emailsOf?.get(row.id) ?? [],
    phones: phonesOf?.get(row.id) ?? [],
    links: linksOf?.get(row.id) ?? [],
    circles: circlesOf?.get(row.id) ?? [],
    extra: row.extra,
  }));
}
