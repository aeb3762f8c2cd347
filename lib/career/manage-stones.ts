import {
  deleteStone as removeStone,
  insertStone,
  lockOwnRole,
  moveStone as writeMove,
  redateStone as writeTargetDay,
  setStoneStatus as writeStatus,
  type StoneWrite,
  updateStoneFields,
} from "@/db/queries/stones-write";
import { getUserSettings } from "@/db/queries/users";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import { todayIn } from "@/lib/domain/dates";
import {
  GOAL_NOT_FOUND,
  STONE_NOT_FOUND,
  type StoneAdd,
  type StoneEdit,
  type StoneId,
  type StoneMove,
  type StoneRedate,
  type StoneStatusChange,
} from "@/lib/validations/goals";

// A stepping stone's answer: which stone, in which goal (the page to
// refresh), and whether anything changed (choosing the same day, place or
// status changes nothing and adds no history).
export type StoneResult = ActionResult<StoneWrite>;

export const STONE_ROLE_NOT_FOUND = {
  formError: "That role was not found.",
  fieldErrors: { roleId: ["That role was not found. Choose one from My roles."] },
};

const roleNotFound = () => fail(STONE_ROLE_NOT_FOUND.formError, STONE_ROLE_NOT_FOUND.fieldErrors);

function answer(row: StoneWrite | undefined, notFound = STONE_NOT_FOUND): StoneResult {
  return row ? ok(row) : fail(notFound);
}

// A new step at the end of the goal's path.
export async function addStone(input: StoneAdd, ctx: ActionContext): Promise<StoneResult> {
  const { userId } = ctx;
  const { goalId, ...stone } = input;
  const outcome = await ctx.db.transaction(async (tx) => {
    if (stone.roleId && !(await lockOwnRole(tx, { userId, roleId: stone.roleId }))) return "role-not-found" as const;
    return insertStone(tx, { userId, goalId, stone });
  });
  return outcome === "role-not-found" ? roleNotFound() : answer(outcome, GOAL_NOT_FOUND);
}

export async function editStone(input: StoneEdit, ctx: ActionContext): Promise<StoneResult> {
  const { userId } = ctx;
  const { id, ...stone } = input;
  const outcome = await ctx.db.transaction(async (tx) => {
    if (stone.roleId && !(await lockOwnRole(tx, { userId, roleId: stone.roleId }))) return "role-not-found" as const;
    return updateStoneFields(tx, { userId, stoneId: id, stone });
  });
  return outcome === "role-not-found" ? roleNotFound() : answer(outcome);
}

export async function moveStone(input: StoneMove, ctx: ActionContext): Promise<StoneResult> {
  return answer(await ctx.db.transaction((tx) => writeMove(tx, { userId: ctx.userId, stoneId: input.id, to: input.to })));
}

// A new target day, or none.
export async function redateStone(input: StoneRedate, ctx: ActionContext): Promise<StoneResult> {
  const params = { userId: ctx.userId, stoneId: input.id, targetOn: input.targetOn };
  return answer(await ctx.db.transaction((tx) => writeTargetDay(tx, params)));
}

// Marked done without a day: done today where the user lives.
export async function setStoneStatus(input: StoneStatusChange, ctx: ActionContext): Promise<StoneResult> {
  const { userId } = ctx;
  const settings = await getUserSettings(ctx.db, { userId });
  const today = todayIn(settings?.timeZone ?? null);
  const params = { userId, stoneId: input.id, status: input.status, completedOn: input.completedOn, today };
  return answer(await ctx.db.transaction((tx) => writeStatus(tx, params)));
}

export async function deleteStone(input: StoneId, ctx: ActionContext): Promise<StoneResult> {
  return answer(await ctx.db.transaction((tx) => removeStone(tx, { userId: ctx.userId, stoneId: input.id })));
}
