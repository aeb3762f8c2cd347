import { and, asc, desc, eq, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { contacts, goals, stonePeople, steppingStones } from "@/db/schema";
import { goalProgress, nextStone } from "@/lib/domain/career";
import type { GoalChoice, NextStep } from "@/lib/domain/goal-network";

// The goals the network is read against: the dashboard's and the contacts
// list's goal filter, and the dashboard's next stepping stone.

const isUuid = (value: string) => z.uuid().safeParse(value).success;

// The user's active goals, north star first, then by title; plus the goal
// already chosen (`selectedId`) when it is the user's but no longer active,
// so a filter never shows a choice the list is not using.
export async function listGoalChoices(db: Db, params: { userId: string; selectedId?: string }): Promise<GoalChoice[]> {
  const selected = params.selectedId && isUuid(params.selectedId) ? eq(goals.id, params.selectedId) : undefined;
  return db
    .select({ id: goals.id, title: goals.title, status: goals.status, isNorthStar: goals.isNorthStar })
    .from(goals)
    .where(and(eq(goals.userId, params.userId), or(eq(goals.status, "active"), selected)))
    .orderBy(desc(goals.isNorthStar), asc(sql`lower(${goals.title})`), asc(goals.id));
}

// The north star's next step when it is active, else the most recently
// updated active goal's; undefined when the user has no active goal. The goal
// and its stones come in one statement (goals_user_status_idx, then
// stepping_stones_goal_position_key), the step's people in a second.
export async function getNextStep(db: Db, params: { userId: string }): Promise<NextStep | undefined> {
  const { userId } = params;
  const goal = db
    .select({ id: goals.id, title: goals.title, isNorthStar: goals.isNorthStar })
    .from(goals)
    .where(and(eq(goals.userId, userId), eq(goals.status, "active")))
    .orderBy(desc(goals.isNorthStar), desc(goals.updatedAt), asc(goals.id))
    .limit(1)
    .as("goal");
  const rows = await db
    .select({
      goalId: goal.id,
      goalTitle: goal.title,
      isNorthStar: goal.isNorthStar,
      stoneId: steppingStones.id,
      position: steppingStones.position,
      status: steppingStones.status,
      title: steppingStones.title,
      kind: steppingStones.kind,
      targetOn: steppingStones.targetOn,
    })
    .from(goal)
    .leftJoin(steppingStones, and(eq(steppingStones.goalId, goal.id), eq(steppingStones.userId, userId)))
    .orderBy(asc(steppingStones.position));
  const [first] = rows;
  if (!first) return undefined;

  const stones = rows.flatMap(({ stoneId, position, status, title, kind, targetOn }) =>
    stoneId !== null && position !== null && status !== null && title !== null && kind !== null
      ? [{ id: stoneId, position, status, title, kind, targetOn }]
      : [],
  );
  const next = nextStone(stones);
  const step: NextStep = {
    goal: { id: first.goalId, title: first.goalTitle, isNorthStar: first.isNorthStar },
    progress: goalProgress(stones),
  };
  if (!next) return step;

  const people = await db
    .select({ contactId: contacts.id, name: contacts.name, part: stonePeople.part, note: stonePeople.note })
    .from(stonePeople)
    .innerJoin(contacts, and(eq(contacts.id, stonePeople.contactId), eq(contacts.userId, userId)))
    .where(and(eq(stonePeople.stoneId, next.id), eq(stonePeople.userId, userId), isNull(contacts.archivedAt)))
    .orderBy(asc(sql`lower(${contacts.name})`), asc(contacts.id));
  return {
    ...step,
    stone: { id: next.id, title: next.title, kind: next.kind, status: next.status, targetOn: next.targetOn, people },
  };
}
