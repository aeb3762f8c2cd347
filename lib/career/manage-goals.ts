import { deleteGoal as removeGoal, insertGoal, updateGoal as writeGoal } from "@/db/queries/goals";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import { GOAL_NOT_FOUND, type GoalId, type GoalUpdate, type GoalValues } from "@/lib/validations/goals";

// A goal made the north star takes over from the previous one, in the same
// transaction (db/queries/goals.ts).
export async function createGoal(input: GoalValues, ctx: ActionContext): Promise<ActionResult<{ id: string }>> {
  return ok(await ctx.db.transaction((tx) => insertGoal(tx, { userId: ctx.userId, goal: input })));
}

export async function updateGoal(input: GoalUpdate, ctx: ActionContext): Promise<ActionResult<{ id: string }>> {
  const { id, ...goal } = input;
  const row = await ctx.db.transaction((tx) => writeGoal(tx, { userId: ctx.userId, goalId: id, goal }));
  return row ? ok(row) : fail(GOAL_NOT_FOUND);
}

// Its stepping stones, with their history and links, go with it.
export async function deleteGoal(input: GoalId, ctx: ActionContext): Promise<ActionResult<{ id: string }>> {
  const row = await removeGoal(ctx.db, { userId: ctx.userId, goalId: input.id });
  return row ? ok(row) : fail(GOAL_NOT_FOUND);
}
