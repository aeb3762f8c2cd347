import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { goals, jobRoles, steppingStoneChanges, steppingStones } from "@/db/schema";
import type { GoalStatus } from "@/lib/domain/enums";
import type { GoalDetails, GoalPath, StoneChangeRow } from "@/lib/domain/goals";

// What a goal is made of, as its form gives it.
export type GoalFields = {
  title: string;
  why: string | null;
  horizonOn: string | null;
  status: GoalStatus;
  isNorthStar: boolean;
};

const goalColumns = {
  id: goals.id,
  title: goals.title,
  why: goals.why,
  horizonOn: goals.horizonOn,
  status: goals.status,
  isNorthStar: goals.isNorthStar,
};

// A user has at most one north star (goals_user_north_star_key). Two goals
// made the north star at once would both find no other to unset, and the
// second would fail on the index: the user's north-star changes queue here.
async function clearNorthStar(tx: Db, params: { userId: string; exceptGoalId?: string }): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`goals_north_star:${params.userId}`}, 0))`);
  await tx
    .update(goals)
    .set({ isNorthStar: false, updatedAt: new Date() })
    .where(
      and(
        eq(goals.userId, params.userId),
        eq(goals.isNorthStar, true),
        params.exceptGoalId ? ne(goals.id, params.exceptGoalId) : undefined,
      ),
    );
}

// Run it inside a transaction: a new north star unsets the previous one.
export async function insertGoal(tx: Db, params: { userId: string; goal: GoalFields }): Promise<{ id: string }> {
  if (params.goal.isNorthStar) await clearNorthStar(tx, { userId: params.userId });
  const [row] = await tx
    .insert(goals)
    .values({ userId: params.userId, ...params.goal })
    .returning({ id: goals.id });
  if (!row) throw new Error("insertGoal: no row returned");
  return row;
}

// Run it inside a transaction. Undefined, with nothing changed, when the goal
// is not the user's.
export async function updateGoal(
  tx: Db,
  params: { userId: string; goalId: string; goal: GoalFields },
): Promise<{ id: string } | undefined> {
  const where = and(eq(goals.id, params.goalId), eq(goals.userId, params.userId));
  const [owned] = await tx.select({ id: goals.id }).from(goals).where(where).for("update");
  if (!owned) return undefined;
  if (params.goal.isNorthStar) await clearNorthStar(tx, { userId: params.userId, exceptGoalId: owned.id });
  const [row] = await tx
    .update(goals)
    .set({ ...params.goal, updatedAt: new Date() })
    .where(where)
    .returning({ id: goals.id });
  return row;
}

// Its stepping stones, their history and links go with it (on delete cascade).
export async function deleteGoal(db: Db, params: { userId: string; goalId: string }): Promise<{ id: string } | undefined> {
  const [row] = await db
    .delete(goals)
    .where(and(eq(goals.id, params.goalId), eq(goals.userId, params.userId)))
    .returning({ id: goals.id });
  return row;
}

export async function getGoal(db: Db, params: { userId: string; goalId: string }): Promise<GoalDetails | undefined> {
  const [row] = await db
    .select(goalColumns)
    .from(goals)
    .where(and(eq(goals.id, params.goalId), eq(goals.userId, params.userId)));
  return row;
}

// A goal with its stepping stones in order, each with its role and its
// history (oldest first); undefined when the goal is not the user's.
export async function getGoalPath(db: Db, params: { userId: string; goalId: string }): Promise<GoalPath | undefined> {
  const { userId, goalId } = params;
  const [goal, stones, changes] = await Promise.all([
    getGoal(db, params),
    db
      .select({
        id: steppingStones.id,
        position: steppingStones.position,
        kind: steppingStones.kind,
        title: steppingStones.title,
        notes: steppingStones.notes,
        targetOn: steppingStones.targetOn,
        status: steppingStones.status,
        completedOn: steppingStones.completedOn,
        roleId: jobRoles.id,
        roleCompany: jobRoles.company,
        roleTitle: jobRoles.title,
      })
      .from(steppingStones)
      .leftJoin(jobRoles, and(eq(jobRoles.id, steppingStones.roleId), eq(jobRoles.userId, userId)))
      .where(and(eq(steppingStones.goalId, goalId), eq(steppingStones.userId, userId)))
      .orderBy(asc(steppingStones.position)),
    db
      .select({
        id: steppingStoneChanges.id,
        stoneId: steppingStoneChanges.stoneId,
        change: steppingStoneChanges.change,
        fromValue: steppingStoneChanges.fromValue,
        toValue: steppingStoneChanges.toValue,
        changedAt: steppingStoneChanges.changedAt,
      })
      .from(steppingStoneChanges)
      .innerJoin(steppingStones, eq(steppingStones.id, steppingStoneChanges.stoneId))
      .where(
        and(eq(steppingStones.goalId, goalId), eq(steppingStones.userId, userId), eq(steppingStoneChanges.userId, userId)),
      )
      .orderBy(asc(steppingStoneChanges.changedAt)),
  ]);
  if (!goal) return undefined;
  const history = new Map<string, StoneChangeRow[]>();
  for (const { stoneId, ...change } of changes) {
    const list = history.get(stoneId) ?? [];
    list.push(change);
    history.set(stoneId, list);
  }
  return {
    goal,
    stones: stones.map(({ roleId, roleCompany, roleTitle, ...stone }) => ({
      ...stone,
      role: roleId !== null && roleCompany !== null && roleTitle !== null ? { id: roleId, company: roleCompany, title: roleTitle } : null,
      history: history.get(stone.id) ?? [],
    })),
  };
}
