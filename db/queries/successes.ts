import { and, count, desc, eq, isNull, notInArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, successes } from "@/db/schema";
import type { SuccessKind } from "@/lib/domain/enums";
import type { WaitingSuccess } from "@/lib/domain/successes";
import { countOwnedContacts } from "./touches";

export type SuccessFields = {
  kind: SuccessKind;
  title: string;
  occurredOn: string;
  url: string | null;
};

// Records a success for one of the user's contacts; undefined (and nothing
// written) when the contact is not the user's. Run it inside a transaction.
export async function insertSuccess(
  tx: Db,
  params: { userId: string; contactId: string; success: SuccessFields },
): Promise<{ id: string } | undefined> {
  const { userId, contactId, success } = params;
  if ((await countOwnedContacts(tx, { userId, contactIds: [contactId] })) !== 1) return undefined;
  const [row] = await tx
    .insert(successes)
    .values({ userId, contactId, ...success })
    .returning({ id: successes.id });
  return row;
}

export async function updateSuccess(
  db: Db,
  params: { userId: string; successId: string; success: SuccessFields },
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .update(successes)
    .set(params.success)
    .where(and(eq(successes.id, params.successId), eq(successes.userId, params.userId)))
    .returning({ id: successes.id });
  return row;
}

export async function deleteSuccess(
  db: Db,
  params: { userId: string; successId: string },
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .delete(successes)
    .where(and(eq(successes.id, params.successId), eq(successes.userId, params.userId)))
    .returning({ id: successes.id });
  return row;
}

export async function getSuccess(db: Db, params: { userId: string; successId: string }) {
  const [row] = await db
    .select({
      id: successes.id,
      contactId: successes.contactId,
      congratulatedByInteractionId: successes.congratulatedByInteractionId,
    })
    .from(successes)
    .where(and(eq(successes.id, params.successId), eq(successes.userId, params.userId)));
  return row;
}

// Links a congratulation touch to the success; a success already
// congratulated keeps its first congratulation.
export async function markSuccessCongratulated(
  tx: Db,
  params: { userId: string; successId: string; touchId: string },
): Promise<void> {
  await tx
    .update(successes)
    .set({ congratulatedByInteractionId: params.touchId })
    .where(
      and(
        eq(successes.id, params.successId),
        eq(successes.userId, params.userId),
        isNull(successes.congratulatedByInteractionId),
      ),
    );
}

// After a touch changed: it still congratulates the successes of the contacts
// in keepContactIds (none when it is no longer a congratulation given).
export async function unlinkCongratulations(
  tx: Db,
  params: { userId: string; touchId: string; keepContactIds: string[] },
): Promise<void> {
  await tx
    .update(successes)
    .set({ congratulatedByInteractionId: null })
    .where(
      and(
        eq(successes.userId, params.userId),
        eq(successes.congratulatedByInteractionId, params.touchId),
        params.keepContactIds.length > 0 ? notInArray(successes.contactId, params.keepContactIds) : undefined,
      ),
    );
}

const waiting = (userId: string) =>
  and(eq(successes.userId, userId), isNull(successes.congratulatedByInteractionId), isNull(contacts.archivedAt));

// Successes still waiting for a congratulation (contacts not archived),
// newest first; reads successes_user_waiting_idx.
export async function listWaitingSuccesses(
  db: Db,
  params: { userId: string; limit: number; page?: number },
): Promise<{ items: WaitingSuccess[]; hasMore: boolean }> {
  const page = Math.max(1, params.page ?? 1);
  const rows = await db
    .select({
      id: successes.id,
      kind: successes.kind,
      title: successes.title,
      occurredOn: successes.occurredOn,
      url: successes.url,
      contactId: contacts.id,
      contactName: contacts.name,
      createdAt: successes.createdAt,
    })
    .from(successes)
    .innerJoin(contacts, and(eq(contacts.id, successes.contactId), eq(contacts.userId, params.userId)))
    .where(waiting(params.userId))
    .orderBy(desc(successes.occurredOn), desc(successes.createdAt), desc(successes.id))
    .limit(params.limit + 1)
    .offset((page - 1) * params.limit);
  return { items: rows.slice(0, params.limit), hasMore: rows.length > params.limit };
}

export async function countWaitingSuccesses(db: Db, params: { userId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(successes)
    .innerJoin(contacts, and(eq(contacts.id, successes.contactId), eq(contacts.userId, params.userId)))
    .where(waiting(params.userId));
  return row?.n ?? 0;
}

// One of the user's successes with its contact's name, for the digest's
// congratulate link; another user's success is undefined.
export async function getSuccessWithContact(db: Db, params: { userId: string; successId: string }) {
  const [row] = await db
    .select({
      id: successes.id,
      kind: successes.kind,
      title: successes.title,
      occurredOn: successes.occurredOn,
      congratulatedBy: successes.congratulatedByInteractionId,
      contactId: contacts.id,
      contactName: contacts.name,
    })
    .from(successes)
    .innerJoin(contacts, and(eq(contacts.id, successes.contactId), eq(contacts.userId, params.userId)))
    .where(and(eq(successes.id, params.successId), eq(successes.userId, params.userId)));
  return row;
}
