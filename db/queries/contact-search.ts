import { and, asc, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import type { ContactOption, PaletteContact } from "@/lib/domain/contacts";

function likePattern(q: string): string {
  return `%${q.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Matches name, company, role, notes or any email: search_text holds them
// all (the emails through contacts.email_text), so one predicate on one
// column, which the planner costs from its statistics either way:
// - a rare text (an email, a surname few share) is found through the
//   trigram index contacts_search_idx and its few rows sorted;
// - a common one, or one or two characters (no trigram), walks the
//   caller's order on its own index and stops when the page is full, so
//   it costs what the page costs whatever the number of contacts.
export function contactMatches(userId: string, q: string): SQL {
  return sql`(${contacts.userId} = ${userId} and ${contacts.searchText} like ${likePattern(q)})`;
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
    // The list's name order, on its index (contacts_user_name_idx).
    .orderBy(sql`lower(${contacts.name})`, asc(contacts.id))
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
