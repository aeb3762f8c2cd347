import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { goals, jobRoles, steppingStoneChanges, steppingStones } from "@/db/schema";
import type { StoneChange, StoneKind, StoneStatus } from "@/lib/domain/enums";

// Writes to a goal's stepping stones. Each one runs inside a transaction and
// first locks the goal's row (`for update`), so changes to one goal's path
// happen one at a time: positions stay 0..n-1 and the history's order is the
// order the changes were made in.

export type StoneFields = { kind: StoneKind; title: string; notes: string | null; roleId: string | null };

type LockedStone = {
  id: string;
  goalId: string;
  position: number;
  targetOn: string | null;
  status: StoneStatus;
  completedOn: string | null;
};

export type StoneWrite = { id: string; goalId: string; isChanged: boolean };

async function lockGoal(tx: Db, params: { userId: string; goalId: string }): Promise<boolean> {
  const [row] = await tx
    .select({ id: goals.id })
    .from(goals)
    .where(and(eq(goals.id, params.goalId), eq(goals.userId, params.userId)))
    .for("update");
  return row !== undefined;
}

// The stone as it is once its goal is locked (a change that held the lock
// before may have moved or deleted it).
async function lockStone(tx: Db, params: { userId: string; stoneId: string }): Promise<LockedStone | undefined> {
  const where = and(eq(steppingStones.id, params.stoneId), eq(steppingStones.userId, params.userId));
  const [found] = await tx.select({ goalId: steppingStones.goalId }).from(steppingStones).where(where);
  if (!found || !(await lockGoal(tx, { userId: params.userId, goalId: found.goalId }))) return undefined;
  const [stone] = await tx
    .select({
      id: steppingStones.id,
      goalId: steppingStones.goalId,
      position: steppingStones.position,
      targetOn: steppingStones.targetOn,
      status: steppingStones.status,
      completedOn: steppingStones.completedOn,
    })
    .from(steppingStones)
    .where(where);
  return stone;
}

// Whether the role is one of the user's; it stays until the transaction ends
// (`for key share`), so a role deleted meanwhile cannot fail the write.
export async function lockOwnRole(tx: Db, params: { userId: string; roleId: string }): Promise<boolean> {
  const [row] = await tx
    .select({ id: jobRoles.id })
    .from(jobRoles)
    .where(and(eq(jobRoles.id, params.roleId), eq(jobRoles.userId, params.userId)))
    .for("key share");
  return row !== undefined;
}

// One history row. Its time is strictly after every earlier change in the
// goal: the clock can repeat itself within a millisecond (PGlite's does), and
// the history is read back in time order.
async function recordChange(
  tx: Db,
  params: { userId: string; goalId: string; stoneId: string; change: StoneChange; from: string | null; to: string | null },
): Promise<void> {
  const latest = sql`(select max(c.changed_at) + interval '1 microsecond'
    from ${steppingStoneChanges} c join ${steppingStones} s on s.id = c.stone_id
    where s.goal_id = ${params.goalId})`;
  await tx.insert(steppingStoneChanges).values({
    userId: params.userId,
    stoneId: params.stoneId,
    change: params.change,
    fromValue: params.from,
    toValue: params.to,
    changedAt: sql`greatest(clock_timestamp(), ${latest})`,
  });
}

// The goal's stones in path order.
async function pathOrder(tx: Db, params: { userId: string; goalId: string }): Promise<{ id: string; position: number }[]> {
  return tx
    .select({ id: steppingStones.id, position: steppingStones.position })
    .from(steppingStones)
    .where(and(eq(steppingStones.goalId, params.goalId), eq(steppingStones.userId, params.userId)))
    .orderBy(asc(steppingStones.position));
}

// Gives the stones `order`'s positions 0..n-1. UNIQUE(goal_id, position) is
// checked row by row and positions may not be negative, so the stones that
// move first step aside past the highest position (each to its own place),
// then take their new places.
async function rewritePositions(
  tx: Db,
  params: { userId: string; goalId: string; current: readonly { id: string; position: number }[]; order: readonly string[] },
): Promise<void> {
  const before = new Map(params.current.map((stone) => [stone.id, stone.position]));
  const moves = params.order.flatMap((id, position) => (before.get(id) === position ? [] : [{ id, position }]));
  if (moves.length === 0) return;
  const aside = Math.max(...params.current.map((stone) => stone.position)) + 1;
  const owned = and(eq(steppingStones.goalId, params.goalId), eq(steppingStones.userId, params.userId));
  await tx
    .update(steppingStones)
    .set({ position: sql`${steppingStones.position} + ${aside}::int` })
    .where(and(owned, inArray(steppingStones.id, moves.map((move) => move.id))));
  await tx.execute(sql`
    update ${steppingStones} s set position = v.position, updated_at = now()
    from json_to_recordset(${JSON.stringify(moves)}::json) as v(id uuid, position int)
    where s.id = v.id and s.goal_id = ${params.goalId} and s.user_id = ${params.userId}`);
}

// A new stone at the end of the goal's path, with its "created" change.
// Undefined when the goal is not the user's. A role must be checked first
// (lockOwnRole).
export async function insertStone(
  tx: Db,
  params: { userId: string; goalId: string; stone: StoneFields & { targetOn: string | null } },
): Promise<StoneWrite | undefined> {
  const { userId, goalId } = params;
  if (!(await lockGoal(tx, { userId, goalId }))) return undefined;
  const [{ next } = { next: 0 }] = await tx
    .select({ next: sql<number>`coalesce(max(${steppingStones.position}) + 1, 0)::int` })
    .from(steppingStones)
    .where(eq(steppingStones.goalId, goalId));
  const [row] = await tx
    .insert(steppingStones)
    .values({ userId, goalId, position: next, ...params.stone })
    .returning({ id: steppingStones.id });
  if (!row) throw new Error("insertStone: no row returned");
  await recordChange(tx, { userId, goalId, stoneId: row.id, change: "created", from: null, to: params.stone.targetOn });
  return { id: row.id, goalId, isChanged: true };
}

// Title, kind, notes and role: not part of the plan's history.
export async function updateStoneFields(
  tx: Db,
  params: { userId: string; stoneId: string; stone: StoneFields },
): Promise<StoneWrite | undefined> {
  const [row] = await tx
    .update(steppingStones)
    .set({ ...params.stone, updatedAt: new Date() })
    .where(and(eq(steppingStones.id, params.stoneId), eq(steppingStones.userId, params.userId)))
    .returning({ id: steppingStones.id, goalId: steppingStones.goalId });
  return row ? { ...row, isChanged: true } : undefined;
}

// Moves a stone to the 0-based place `to` (past the end: the last place); the
// stones between shift by one. Only the moved stone's history records it.
export async function moveStone(
  tx: Db,
  params: { userId: string; stoneId: string; to: number },
): Promise<StoneWrite | undefined> {
  const { userId, stoneId } = params;
  const stone = await lockStone(tx, params);
  if (!stone) return undefined;
  const current = await pathOrder(tx, { userId, goalId: stone.goalId });
  const order = current.map((row) => row.id);
  const from = order.indexOf(stoneId);
  const to = Math.min(params.to, order.length - 1);
  if (from === to) return { id: stoneId, goalId: stone.goalId, isChanged: false };
  order.splice(from, 1);
  order.splice(to, 0, stoneId);
  await rewritePositions(tx, { userId, goalId: stone.goalId, current, order });
  await recordChange(tx, { userId, goalId: stone.goalId, stoneId, change: "moved", from: String(from), to: String(to) });
  return { id: stoneId, goalId: stone.goalId, isChanged: true };
}

export async function redateStone(
  tx: Db,
  params: { userId: string; stoneId: string; targetOn: string | null },
): Promise<StoneWrite | undefined> {
  const { userId, stoneId, targetOn } = params;
  const stone = await lockStone(tx, params);
  if (!stone) return undefined;
  if (stone.targetOn === targetOn) return { id: stoneId, goalId: stone.goalId, isChanged: false };
  await tx.update(steppingStones).set({ targetOn, updatedAt: new Date() }).where(eq(steppingStones.id, stoneId));
  await recordChange(tx, { userId, goalId: stone.goalId, stoneId, change: "redated", from: stone.targetOn, to: targetOn });
  return { id: stoneId, goalId: stone.goalId, isChanged: true };
}

// A stone marked done keeps the day it was done: `completedOn` when given,
// else `today`. Choosing the status it already has changes nothing, except a
// done stone's day when one is given (which is not a status change).
export async function setStoneStatus(
  tx: Db,
  params: { userId: string; stoneId: string; status: StoneStatus; completedOn: string | null; today: string },
): Promise<StoneWrite | undefined> {
  const { userId, stoneId, status } = params;
  const stone = await lockStone(tx, params);
  if (!stone) return undefined;
  const unchanged = { id: stoneId, goalId: stone.goalId, isChanged: false };
  if (stone.status === status) {
    if (status !== "done" || params.completedOn === null || params.completedOn === stone.completedOn) return unchanged;
    await tx.update(steppingStones).set({ completedOn: params.completedOn, updatedAt: new Date() }).where(eq(steppingStones.id, stoneId));
    return { ...unchanged, isChanged: true };
  }
  const completedOn = status === "done" ? (params.completedOn ?? params.today) : null;
  await tx.update(steppingStones).set({ status, completedOn, updatedAt: new Date() }).where(eq(steppingStones.id, stoneId));
  await recordChange(tx, { userId, goalId: stone.goalId, stoneId, change: "status", from: stone.status, to: status });
  return { id: stoneId, goalId: stone.goalId, isChanged: true };
}

// Deletes a stone (its history and links go with it); the stones after it
// close the gap.
export async function deleteStone(tx: Db, params: { userId: string; stoneId: string }): Promise<StoneWrite | undefined> {
  const { userId, stoneId } = params;
  const stone = await lockStone(tx, params);
  if (!stone) return undefined;
  await tx.delete(steppingStones).where(and(eq(steppingStones.id, stoneId), eq(steppingStones.userId, userId)));
  const current = await pathOrder(tx, { userId, goalId: stone.goalId });
  await rewritePositions(tx, { userId, goalId: stone.goalId, current, order: current.map((row) => row.id) });
  return { id: stoneId, goalId: stone.goalId, isChanged: true };
}
