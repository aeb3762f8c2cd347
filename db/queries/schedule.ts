import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, interactionContacts, users } from "@/db/schema";
import { uuidArray } from "./arrays";
import { effectiveCadenceDays } from "./cadence";
import { refreshStoredHealth } from "./health";

// Recomputes last_touched_at (the latest touch), next_due_at (last touch,
// or creation when never touched, plus the cadence) and the stored health
// for the given contacts, or for all of the user's. Call it inside the transaction that changed
// touches, cadences or the user's default cadence.
export async function refreshContactSchedule(
  db: Db,
  params: { userId: string; contactIds?: string[] },
): Promise<void> {
  if (params.contactIds && params.contactIds.length === 0) return;
  const lastTouch = sql`(
    select max(${interactionContacts.occurredAt}) from ${interactionContacts}
    where ${interactionContacts.contactId} = ${contacts.id}
  )`;
  await db
    .update(contacts)
    .set({
      lastTouchedAt: lastTouch,
      nextDueAt: sql`coalesce(${lastTouch}, ${contacts.createdAt}) + make_interval(days => ${effectiveCadenceDays})`,
    })
    .from(users)
    .where(
      and(
        eq(users.id, contacts.userId),
        eq(contacts.userId, params.userId),
        params.contactIds ? sql`${contacts.id} = any(${uuidArray(params.contactIds)})` : undefined,
      ),
    );
  await refreshStoredHealth(db, { userId: params.userId, now: new Date(), contactIds: params.contactIds });
}
