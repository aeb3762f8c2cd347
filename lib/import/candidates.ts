import type { Db } from "@/db/client";
import {
  allPhones,
  contactIdsByEmail,
  contactIdsByName,
  contactsForMatching,
  linkedinLinks,
} from "@/db/queries/import-candidates";
import type { ImportedContact } from "@/lib/domain/import";
import { normalizeLinkedInUrl } from "./csv";
import { phoneKey } from "./match-keys";
import type { ExistingContact } from "./plan";
import { nextTurn } from "./steps";

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

function groupById(values: { id: string; value: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { id, value } of values) {
    const list = map.get(id);
    if (list === undefined) map.set(id, [value]);
    else list.push(value);
  }
  return map;
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
    inSlices(emails, (slice) => contactIdsByEmail(db, { userId, emails: slice })),
    inSlices(names, (slice) => contactIdsByName(db, { userId, names: slice })),
    linkedin.size ? linkedinLinks(db, { userId }) : [],
    phones.size ? allPhones(db, { userId }) : [],
  ]);
  const ids = new Set([...byEmail, ...byName].map((row) => row.id));
  for (const row of links) if (linkedin.has(normalizeLinkedInUrl(row.url) ?? "")) ids.add(row.id);
  for (const row of phoneRows) if (phones.has(phoneKey(row.phone) ?? "")) ids.add(row.id);
  if (ids.size === 0) return [];

  const found = await inSlices([...ids], async (slice) => [await contactsForMatching(db, { userId, ids: slice })]);
  const emailsOf = groupById(found.flatMap((part) => part.emails));
  const phonesOf = groupById(found.flatMap((part) => part.phones));
  const linksOf = groupById(found.flatMap((part) => part.links));
  const circlesOf = groupById(found.flatMap((part) => part.circles));
  return found
    .flatMap((part) => part.rows)
    .map((row) => ({
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
      emails: emailsOf.get(row.id) ?? [],
      phones: phonesOf.get(row.id) ?? [],
      links: linksOf.get(row.id) ?? [],
      circles: circlesOf.get(row.id) ?? [],
      extra: row.extra,
    }));
}
