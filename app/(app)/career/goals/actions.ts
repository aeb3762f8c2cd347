"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import type { ActionResult } from "@/lib/actions/result";
import { createGoal as createGoalUseCase, deleteGoal as deleteGoalUseCase, updateGoal as updateGoalUseCase } from "@/lib/career/manage-goals";
import {
  addStone as addStoneUseCase,
  deleteStone as deleteStoneUseCase,
  editStone as editStoneUseCase,
  moveStone as moveStoneUseCase,
  redateStone as redateStoneUseCase,
  setStoneStatus as setStoneStatusUseCase,
} from "@/lib/career/manage-stones";
import {
  type GoalInput,
  goalIdSchema,
  goalInputSchema,
  type GoalUpdateInput,
  goalUpdateSchema,
  type StoneAddInput,
  stoneAddSchema,
  type StoneEditInput,
  stoneEditSchema,
  stoneIdSchema,
  type StoneMoveInput,
  stoneMoveSchema,
  type StoneRedateInput,
  stoneRedateSchema,
  type StoneStatusInput,
  stoneStatusSchema,
} from "@/lib/validations/goals";

const create = authedAction(goalInputSchema, createGoalUseCase);
const update = authedAction(goalUpdateSchema, updateGoalUseCase);
const removeGoal = authedAction(goalIdSchema, deleteGoalUseCase);
const add = authedAction(stoneAddSchema, addStoneUseCase);
const edit = authedAction(stoneEditSchema, editStoneUseCase);
const move = authedAction(stoneMoveSchema, moveStoneUseCase);
const redate = authedAction(stoneRedateSchema, redateStoneUseCase);
const setStatus = authedAction(stoneStatusSchema, setStoneStatusUseCase);
const removeStone = authedAction(stoneIdSchema, deleteStoneUseCase);

function revalidated<T>(result: ActionResult<T>): ActionResult<T> {
  // Goals and their next steps show on the Career page, the dashboard and
  // contacts' pages, not only here.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function createGoal(input: GoalInput) {
  return revalidated(await create(input));
}

export async function updateGoal(input: GoalUpdateInput) {
  return revalidated(await update(input));
}

export async function deleteGoal(id: string) {
  return revalidated(await removeGoal({ id }));
}

export async function addStone(input: StoneAddInput) {
  return revalidated(await add(input));
}

export async function editStone(input: StoneEditInput) {
  return revalidated(await edit(input));
}

export async function moveStone(input: StoneMoveInput) {
  return revalidated(await move(input));
}

export async function redateStone(input: StoneRedateInput) {
  return revalidated(await redate(input));
}

export async function setStoneStatus(input: StoneStatusInput) {
  return revalidated(await setStatus(input));
}

export async function deleteStone(id: string) {
  return revalidated(await removeStone({ id }));
}
