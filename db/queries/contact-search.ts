import { and, asc, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contactEmails, contacts } from "@/db/schema";

function likePattern(q: string): string {
  return `%${q.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Matches name, company, role and notes (contacts_search_idx) or any email
// (contact_emails_search_idx): both GIN trigram indexes lead with user_id.
export function contactMatches(userId: string, q: string): SQL {
  const pattern = likePattern(q);
  const byEmail = sql`${contacts.id} in (
    select ${contactEmails.contactId} from ${contactEmails}
    where ${contactEmails.userId} = ${userId} and lower(${contactEmails.email}) like ${pattern}
  )`;
  return or(sql`${contacts.searchText} like ${pattern}`, byEmail) as SQL;
}

export type ContactOption = { id: string; name: string; company: string | null };

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
