import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, interactionContacts, users } from "@/db/schema";

// A contact's cadence in days: its own, else its tier's, else the user's default.
export const effectiveCadenceDays = sql<number>`coalesce(
  ${contacts.cadenceDays},
  case ${contacts.tier} when 'inner' then 14 when 'distant' then 90 end,
  ${users.defaultCadenceDays}
)`;

// Recomputes last_touched_at (the latest touch) and next_due_at (last touch,
// or creation when never touched, plus the cadence) for the given contacts,
// or for all of the user's. Call it inside the transaction that changed
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
        params.contactIds ? inArray(contacts.id, params.contactIds) : undefined,
      ),
    );
}
