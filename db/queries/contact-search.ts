import { and, asc, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contactEmails, contacts } from "@/db/schema";
import type { ContactOption, PaletteContact } from "@/lib/domain/contacts";

function likePattern(q: string): string {
  return `%${q.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Matches name, company, role and notes (contacts_search_idx) or any email
// (contact_emails_search_idx).
// - From three characters, trigrams are selective: each table's GIN index
//   (both lead with user_id) finds its ids, and the UNION's ids, collected
//   once into an array, are looked up by primary key. An OR of the two
//   would make PostgreSQL walk every contact of the user, and `in (union)`
//   let it hash-join against all of them (70 ms at 50,000 contacts).
// - One or two characters have no trigram: many contacts match, so a plain
//   filter on the ordered list stops as soon as a page is full.
export function contactMatches(userId: string, q: string): SQL {
  const pattern = likePattern(q);
  if (q.trim().length < 3) {
    return sql`(${contacts.searchText} like ${pattern} or exists (
      select 1 from ${contactEmails} e
      where e.contact_id = ${contacts.id} and e.user_id = ${userId} and lower(e.email) like ${pattern}
    ))`;
  }
  return sql`${contacts.id} = any(array(
    select c.id from ${contacts} c where c.user_id = ${userId} and c.search_text like ${pattern}
    union
    select e.contact_id from ${contactEmails} e where e.user_id = ${userId} and lower(e.email) like ${pattern}
  ))`;
}

// Type-ahead over the user's active contacts.
export async function searchContacts(
  db: Db,
  params: { userId: string; q: string; limit: number },
): Promise<ContactOption[]> {
  if (params.q.trim() === "") return [];
  return db
    .select({ id: contacts.id, name: contacts.name, company: contacts.company })
    .from(contacts)
    .where(and(eq(contacts.userId, params.userId), isNull(contacts.archivedAt), contactMatches(params.userId, params.q)))
    .orderBy(asc(contacts.name), asc(contacts.id))
    .limit(params.limit);
}

// The command palette's contacts, most recent first: by the last touch (whom
// the person has been working with, read off contacts_user_last_touched_idx),
// then those never touched, newest first (someone just added at an event).
// With no query these are the recent contacts; with one, the matches in the
// same order.
export async function paletteContacts(
  db: Db,
  params: { userId: string; q: string; limit: number },
): Promise<PaletteContact[]> {
  const isSearch = params.q.trim() !== "";
  return db
    .select({
      id: contacts.id,
      name: contacts.name,
      company: contacts.company,
      score: contacts.healthScore,
      band: contacts.healthBand,
    })
    .from(contacts)
    .where(
      and(
        eq(contacts.userId, params.userId),
        isNull(contacts.archivedAt),
        isSearch ? contactMatches(params.userId, params.q) : undefined,
      ),
    )
    .orderBy(sql`${contacts.lastTouchedAt} desc nulls last`, desc(contacts.createdAt), asc(contacts.id))
    .limit(params.limit);
}
