import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { interactionContacts, interactions } from "@/db/schema";
import type { Channel, ValueDirection, ValueKind } from "@/lib/domain/enums";
import { dateFromOccurredAt } from "@/lib/domain/touch-dates";
import { asTime, asUuid, exactTime, exactTimeSchema } from "./keyset";
import { listTouchContacts } from "./touches";

export type TouchRecord = {
  id: string;
  occurredOn: string;
  channel: Channel;
  summary: string | null;
  valueKind: ValueKind | null;
  valueDirection: ValueDirection | null;
  contacts: { id: string; name: string }[];
};

// Where a page of a contact's touches ends (db/queries/keyset.ts).
export const touchKeySchema = z.object({ at: exactTimeSchema, createdAt: exactTimeSchema, id: z.uuid() });
export type TouchKey = z.output<typeof touchKeySchema>;

const TOUCH_COLUMNS = {
  id: interactions.id,
  occurredAt: interactions.occurredAt,
  channel: interactions.channel,
  summary: interactions.summary,
  valueKind: interactions.valueKind,
  valueDirection: interactions.valueDirection,
};

type TouchRow = Omit<TouchRecord, "occurredOn" | "contacts"> & { occurredAt: Date };

// The touches with everyone in each, in one more query.
async function withContacts(db: Db, userId: string, rows: TouchRow[]): Promise<TouchRecord[]> {
  const involved = await listTouchContacts(db, { userId, touchIds: rows.map((row) => row.id) });
  return rows.map(({ occurredAt, ...row }) => ({
    ...row,
    occurredOn: dateFromOccurredAt(occurredAt),
    contacts: involved.filter((contact) => contact.touchId === row.id).map(({ id, name }) => ({ id, name })),
  }));
}

// Some of the user's touches by id, in no particular order; another user's are absent.
export async function getTouchRecords(db: Db, params: { userId: string; touchIds: string[] }): Promise<TouchRecord[]> {
  if (params.touchIds.length === 0) return [];
  const rows = await db
    .select(TOUCH_COLUMNS)
    .from(interactions)
    .where(and(eq(interactions.userId, params.userId), inArray(interactions.id, params.touchIds)));
  return withContacts(db, params.userId, rows);
}

// A contact's touches, newest first (the same day: the last logged first), a
// page at a time after `after`. The page is read off
// interaction_contacts_contact_occurred_idx from the cursor's day down; the
// row comparison settles ties within it. The caller checks the contact is
// the user's; another user's contact has no touches here either way.
export async function listContactTouchesAfter(
  db: Db,
  params: { userId: string; contactId: string; after: TouchKey | null; limit: number },
): Promise<{ touches: TouchRecord[]; next: TouchKey | null }> {
  const { userId, contactId, after, limit } = params;
  const range: SQL | undefined = after
    ? sql`${interactionContacts.occurredAt} <= ${asTime(after.at)}
        and (${interactionContacts.occurredAt}, ${interactions.createdAt}, ${interactions.id})
          < (${asTime(after.at)}, ${asTime(after.createdAt)}, ${asUuid(after.id)})`
    : undefined;
  const found = await db
    .select({
      row: TOUCH_COLUMNS,
      key: { at: exactTime(interactionContacts.occurredAt), createdAt: exactTime(interactions.createdAt) },
    })
    .from(interactionContacts)
    .innerJoin(interactions, and(eq(interactions.id, interactionContacts.interactionId), eq(interactions.userId, userId)))
    .where(and(eq(interactionContacts.contactId, contactId), eq(interactionContacts.userId, userId), range))
    .orderBy(desc(interactionContacts.occurredAt), desc(interactions.createdAt), desc(interactions.id))
    .limit(limit + 1);
  const page = found.slice(0, limit);
  const last = page.at(-1);
  const next =
    found.length > limit && last?.key.at && last.key.createdAt
      ? { at: last.key.at, createdAt: last.key.createdAt, id: last.row.id }
      : null;
  return { touches: await withContacts(db, userId, page.map((entry) => entry.row)), next };
}
