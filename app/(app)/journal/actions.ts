"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { idempotent } from "@/lib/actions/idempotent";
import type { ActionResult } from "@/lib/actions/result";
import { deleteWin as deleteWinUseCase } from "@/lib/journal/delete-win";
import { recordWin as recordWinUseCase } from "@/lib/journal/record-win";
import { updateWin as updateWinUseCase } from "@/lib/journal/update-win";
import {
  listRoleOptions as listRolesUseCase,
  loadWinForEdit,
  searchSkillOptions,
} from "@/lib/journal/win-form-options";
import {
  winIdSchema,
  type WinInput,
  winInputSchema,
  type WinUpdateInput,
  winUpdateSchema,
} from "@/lib/validations/journal";
import { roleOptionsSchema, skillSearchSchema } from "@/lib/validations/win-form-lookups";

const record = authedAction(winInputSchema, idempotent("win", recordWinUseCase));
const update = authedAction(winUpdateSchema, updateWinUseCase);
const remove = authedAction(winIdSchema, deleteWinUseCase);
const load = authedAction(winIdSchema, loadWinForEdit);
const skills = authedAction(skillSearchSchema, searchSkillOptions);
const roles = authedAction(roleOptionsSchema, listRolesUseCase);

function revalidated<T>(result: ActionResult<T>): ActionResult<T> {
  // The journal, contact pages and the dashboard's card all show wins.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function recordWin(input: WinInput) {
  return revalidated(await record(input));
}

export async function updateWin(input: WinUpdateInput) {
  return revalidated(await update(input));
}

export async function deleteWin(id: string) {
  return revalidated(await remove({ id }));
}

export async function getWinForEdit(id: string) {
  return load({ id });
}

export async function searchSkills(q: string) {
  return skills({ q });
}

export async function listRoleOptions() {
  return roles({});
}
