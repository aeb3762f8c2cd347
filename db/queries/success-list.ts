import { and, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { contacts, successes } from "@/db/schema";
import type { SuccessKind } from "@/lib/domain/enums";
import { asTime, asUuid, exactTime, exactTimeSchema } from "./keyset";

export type SuccessRecord = {
  id: string;
  kind: SuccessKind;
  title: string;
  occurredOn: string;
  url: string | null;
  congratulatedByTouchId: string | null;
  contact: { id: string; name: string };
};

// Where a page of successes ends (db/queries/keyset.ts).
export const successKeySchema = z.object({ occurredOn: z.iso.date(), createdAt: exactTimeSchema, id: z.uuid() });
export type SuccessKey = z.output<typeof successKeySchema>;

const SUCCESS_COLUMNS = {
  id: successes.id,
  kind: successes.kind,
  title: successes.title,
  occurredOn: successes.occurredOn,
  url: successes.url,
  congratulatedByTouchId: successes.congratulatedByInteractionId,
  contactId: contacts.id,
  contactName: contacts.name,
};

type SuccessRow = Omit<SuccessRecord, "contact"> & { contactId: string; contactName: string };

const record = ({ contactId, contactName, ...row }: SuccessRow): SuccessRecord => ({
  ...row,
  contact: { id: contactId, name: contactName },
});

const ofUser = (userId: string) =>
  and(eq(contacts.id, successes.contactId), eq(contacts.userId, userId));

// Some of the user's successes by id; another user's are absent.
export async function getSuccessRecords(db: Db, params: { userId: string; successIds: string[] }): Promise<SuccessRecord[]> {
  if (params.successIds.length === 0) return [];
  const rows = await db
    .select(SUCCESS_COLUMNS)
    .from(successes)
    .innerJoin(contacts, ofUser(params.userId))
    .where(and(eq(successes.userId, params.userId), inArray(successes.id, params.successIds)));
  return rows.map(record);
}

// The user's successes newest first, a page at a time after `after`:
// waiting ones only (not yet congratulated, contact not archived, as the
// Successes page and the dashboard show them; read off
// successes_user_waiting_idx), or all.
export async function listSuccessesAfter(
  db: Db,
  params: { userId: string; waitingOnly: boolean; after: SuccessKey | null; limit: number },
): Promise<{ successes: SuccessRecord[]; next: SuccessKey | null }> {
  const { userId, after, limit } = params;
  const range: SQL | undefined = after
    ? sql`(${successes.occurredOn}, ${successes.createdAt}, ${successes.id})
        < (${after.occurredOn}::date, ${asTime(after.createdAt)}, ${asUuid(after.id)})`
    : undefined;
  const found = await db
    .select({ row: SUCCESS_COLUMNS, createdAt: exactTime(successes.createdAt) })
    .from(successes)
    .innerJoin(contacts, ofUser(userId))
    .where(
      and(
        eq(successes.userId, userId),
        params.waitingOnly ? and(isNull(successes.congratulatedByInteractionId), isNull(contacts.archivedAt)) : undefined,
        range,
      ),
    )
    .orderBy(desc(successes.occurredOn), desc(successes.createdAt), desc(successes.id))
    .limit(limit + 1);
  const page = found.slice(0, limit);
  const last = page.at(-1);
  const next =
    found.length > limit && last?.createdAt
      ? { occurredOn: last.row.occurredOn, createdAt: last.createdAt, id: last.row.id }
      : null;
  return { successes: page.map((entry) => record(entry.row)), next };
}
