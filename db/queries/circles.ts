import { and, asc, count, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { circles, contactCircles, contacts } from "@/db/schema";
import type { CircleRow, CircleWithCount } from "@/lib/domain/circles";

const byName = [asc(sql`lower(${circles.name})`), asc(circles.id)];

export async function listCircles(db: Db, params: { userId: string }): Promise<CircleRow[]> {
  return db
    .select({ id: circles.id, name: circles.name })
    .from(circles)
    .where(eq(circles.userId, params.userId))
    .orderBy(...byName);
}

// Members are the active contacts, the ones the circle filter of the
// contacts list shows.
export async function listCirclesWithCounts(db: Db, params: { userId: string }): Promise<CircleWithCount[]> {
  return db
    .select({ id: circles.id, name: circles.name, memberCount: count(contacts.id) })
    .from(circles)
    .leftJoin(contactCircles, and(eq(contactCircles.circleId, circles.id), eq(contactCircles.userId, params.userId)))
    .leftJoin(
      contacts,
      and(eq(contacts.id, contactCircles.contactId), eq(contacts.userId, params.userId), isNull(contacts.archivedAt)),
    )
    .where(eq(circles.userId, params.userId))
    .groupBy(circles.id, circles.name)
    .orderBy(...byName);
}

export async function getCircle(db: Db, params: { userId: string; circleId: string }): Promise<CircleRow | undefined> {
  const [row] = await db
    .select({ id: circles.id, name: circles.name })
    .from(circles)
    .where(and(eq(circles.id, params.circleId), eq(circles.userId, params.userId)));
  return row;
}

/** Undefined when the user already has a circle of that name (in any case). */
export async function insertCircle(db: Db, params: { userId: string; name: string }): Promise<CircleRow | undefined> {
  const [row] = await db
    .insert(circles)
    .values({ userId: params.userId, name: params.name })
    .onConflictDoNothing()
    .returning({ id: circles.id, name: circles.name });
  return row;
}

export async function isCircleNameTaken(
  db: Db,
  params: { userId: string; name: string; exceptId?: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: circles.id })
    .from(circles)
    .where(
      and(
        eq(circles.userId, params.userId),
        sql`lower(${circles.name}) = lower(${params.name})`,
        params.exceptId ? ne(circles.id, params.exceptId) : undefined,
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function renameCircle(
  db: Db,
  params: { userId: string; circleId: string; name: string },
): Promise<CircleRow | undefined> {
  const [row] = await db
    .update(circles)
    .set({ name: params.name })
    .where(and(eq(circles.id, params.circleId), eq(circles.userId, params.userId)))
    .returning({ id: circles.id, name: circles.name });
  return row;
}

// The contacts stay; only their membership goes (by cascade).
export async function deleteCircle(db: Db, params: { userId: string; circleId: string }): Promise<CircleRow | undefined> {
  const [row] = await db
    .delete(circles)
    .where(and(eq(circles.id, params.circleId), eq(circles.userId, params.userId)))
    .returning({ id: circles.id, name: circles.name });
  return row;
}

/** The ids among `circleIds` that are the user's circles. */
export async function ownedCircleIds(db: Db, params: { userId: string; circleIds: string[] }): Promise<string[]> {
  if (params.circleIds.length === 0) return [];
  const found = await db
    .select({ id: circles.id })
    .from(circles)
    .where(and(eq(circles.userId, params.userId), inArray(circles.id, params.circleIds)));
  return found.map((row) => row.id);
}

// Returns the user's circles with these names, creating the missing ones,
// keyed by lower-cased name. circles_user_name_key is on (user_id,
// lower(name)): a name that exists in another case ("Alumni" and "alumni"),
// or that a concurrent request just created, is reused.
export async function ensureCircles(tx: Db, params: { userId: string; names: string[] }): Promise<Map<string, string>> {
  // The first spelling of a name wins ("Chess, chess" creates "Chess").
  const byKey = new Map<string, string>();
  for (const name of params.names) if (!byKey.has(name.toLowerCase())) byKey.set(name.toLowerCase(), name);
  const ids = new Map<string, string>();
  if (byKey.size === 0) return ids;
  await tx
    .insert(circles)
    .values([...byKey.values()].map((name) => ({ userId: params.userId, name })))
    .onConflictDoNothing();
  const rows = await tx
    .select({ id: circles.id, key: sql<string>`lower(${circles.name})` })
    .from(circles)
    .where(and(eq(circles.userId, params.userId), inArray(sql`lower(${circles.name})`, [...byKey.keys()])));
  for (const row of rows) ids.set(row.key, row.id);
  return ids;
}

// Makes the contact's circles exactly `circleIds`. The insert selects from
// the user's own circles, so another user's circle id is never assigned
// whatever the caller checked before. Run it in a transaction.
export async function setContactCircles(
  tx: Db,
  params: { userId: string; contactId: string; circleIds: string[] },
): Promise<void> {
  const { userId, contactId, circleIds } = params;
  await tx.delete(contactCircles).where(and(eq(contactCircles.contactId, contactId), eq(contactCircles.userId, userId)));
  if (circleIds.length === 0) return;
  await tx.insert(contactCircles).select(
    tx
      .select({ userId: circles.userId, contactId: sql<string>`${contactId}::uuid`.as("contact_id"), circleId: circles.id })
      .from(circles)
      .where(and(eq(circles.userId, userId), inArray(circles.id, circleIds))),
  );
}
