import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, interactionContacts, interactions, users } from "@/db/schema";
import { FIRST_DUE_SHARE_SCALE } from "@/lib/domain/first-due";
import { uuidArray } from "./arrays";
import { effectiveCadenceDays } from "./cadence";
import { refreshStoredHealth } from "./health";

// Recomputes last_touched_at (the latest touch), next_due_at (last touch
// plus the cadence, or when never touched creation plus the cadence or an
// import's share of it; none for a contact with no reminders; the moment the
// user asked to reconnect, if earlier) and the stored health for the given
// contacts, or for all of the user's. Call it inside the transaction that
// changed touches, cadences, the user's default cadence or a reconnect request.
export async function refreshContactSchedule(
  db: Db,
  params: { userId: string; contactIds?: string[] },
): Promise<void> {
  if (params.contactIds && params.contactIds.length === 0) return;
  const only = params.contactIds ? sql`${contacts.id} = any(${uuidArray(params.contactIds)})` : undefined;
  // A request to reconnect is answered by the first touch logged after it,
  // and then ends. Logged, not dated: a touch's day is stored as noon UTC, so
  // its date would miss a touch logged today after an afternoon request, and
  // let one logged this morning answer a request made before noon. A
  // statement of its own: inside the one below, its cost (counted for every
  // contact) tipped a refresh of all contacts into JIT compilation.
  await db
    .update(contacts)
    .set({ reconnectRequestedAt: null })
    .where(
      and(
        eq(contacts.userId, params.userId),
        isNotNull(contacts.reconnectRequestedAt),
        only,
        sql`exists (
          select 1 from ${interactionContacts}
          join ${interactions} on ${interactions.id} = ${interactionContacts.interactionId}
          where ${interactionContacts.contactId} = ${contacts.id}
            and ${interactions.createdAt} > ${contacts.reconnectRequestedAt}
        )`,
      ),
    );
  const lastTouch = sql`(
    select max(${interactionContacts.occurredAt}) from ${interactionContacts}
    where ${interactionContacts.contactId} = ${contacts.id}
  )`;
  const cadence = sql`make_interval(days => ${effectiveCadenceDays})`;
  // Untouched, a contact is due a cadence after it was added, or its share
  // of the cadence if an import spread its batch (lib/domain/first-due.ts).
  const scale = sql.raw(String(FIRST_DUE_SHARE_SCALE));
  const firstDue = sql`${contacts.createdAt} + make_interval(days => coalesce(
    ((${contacts.firstDueShare}::bigint * ${effectiveCadenceDays} + ${scale} - 1) / ${scale})::int,
    ${effectiveCadenceDays}
  ))`;
  const cadenceDue = sql`case when ${contacts.remindersEnabled} then coalesce(${lastTouch} + ${cadence}, ${firstDue}) end`;
  await db
    .update(contacts)
    // least() skips a null: no request, the cadence alone; no reminders, the request alone.
    .set({ lastTouchedAt: lastTouch, nextDueAt: sql`least(${cadenceDue}, ${contacts.reconnectRequestedAt})` })
    .from(users)
    .where(and(eq(users.id, contacts.userId), eq(contacts.userId, params.userId), only));
  await refreshStoredHealth(db, { userId: params.userId, now: new Date(), contactIds: params.contactIds });
}

// "Add to Reconnect": the contact is due from now (the database's clock, the
// one touches are logged by) until the next touch, and a snooze ends. An
// archived contact is on no list, so it is not found. Run it in a transaction.
export async function requestReconnect(
  db: Db,
  params: { userId: string; contactId: string },
): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db
    .update(contacts)
    .set({ reconnectRequestedAt: sql`now()`, snoozedUntil: null, updatedAt: sql`now()` })
    .where(and(eq(contacts.id, params.contactId), eq(contacts.userId, params.userId), isNull(contacts.archivedAt)))
    .returning({ id: contacts.id, name: contacts.name });
  if (row) await refreshContactSchedule(db, { userId: params.userId, contactIds: [row.id] });
  return row;
}
