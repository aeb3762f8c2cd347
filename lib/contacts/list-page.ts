import type { Db } from "@/db/client";
import { type ListContactsParams, listContactsAfter, listContactsBefore } from "@/db/queries/contacts";
import { contactSortKeySchema } from "@/db/queries/contacts-keyset";
import { decodeCursor, encodeCursor } from "@/lib/api/v1/keyset-cursor";
import type { ContactListRow } from "@/lib/domain/contacts";
import type { ContactListQuery } from "@/lib/validations/contact";

export type ContactsPage = {
  rows: ContactListRow[];
  /** The number shown: a label carried in the links, never an offset. */
  page: number;
  /** Cursors for the page before and after this one; null where there is none. */
  before: string | null;
  after: string | null;
};

// The list's order and filters, as the page's address and the API's query
// both name them.
export function listFilters(
  query: Pick<ContactListQuery, "sort" | "circle" | "goal" | "band" | "overdue" | "archived"> & { q?: string },
): Omit<ListContactsParams, "userId" | "now"> {
  return {
    sort: query.sort,
    q: query.q,
    circleId: query.circle,
    goalId: query.goal,
    band: query.band,
    overdue: query.overdue,
    archived: query.archived,
  };
}

// One page of the Contacts page's list, by cursor: `after` a page's last row,
// `before` its first, or the first page. A cursor that is not one the list
// gave out (edited, cut short, made for another order) is no cursor: the
// first page; so is one past the end of the list. The page number in the URL is only believed as far as the
// cursors allow: the first page is page 1, any other page 2 or more.
export async function readContactsPage(
  db: Db,
  params: { userId: string; query: ContactListQuery; pageSize: number; now: Date },
): Promise<ContactsPage> {
  const { query } = params;
  const list = { userId: params.userId, ...listFilters(query), pageSize: params.pageSize, now: params.now };
  const sameSort = (raw: string | undefined) => {
    const key = decodeCursor(raw, contactSortKeySchema);
    return key?.sort === query.sort ? key : undefined;
  };
  const after = sameSort(query.after);
  const before = after ? undefined : sameSort(query.before);
  let found = after
    ? await listContactsAfter(db, { ...list, after })
    : before
      ? await listContactsBefore(db, { ...list, before })
      : await listContactsAfter(db, list);
  // Past the end (the last contacts were deleted, or the cursor was made
  // up): the first page, rather than an empty list that says nobody is there.
  if (found.rows.length === 0 && after) found = await listContactsAfter(db, list);
  return {
    rows: found.rows,
    page: found.prev ? Math.max(2, query.page) : 1,
    before: found.prev ? encodeCursor(found.prev) : null,
    after: found.next ? encodeCursor(found.next) : null,
  };
}
