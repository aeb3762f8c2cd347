"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import type { ActionResult } from "@/lib/actions/result";
import { importPositions as importPositionsUseCase } from "@/lib/journal/import-positions";
import {
  addRole as addRoleUseCase,
  deleteRole as deleteRoleUseCase,
  updateRole as updateRoleUseCase,
} from "@/lib/journal/manage-roles";
import {
  type RoleInput,
  roleIdSchema,
  roleInputSchema,
  type RoleUpdateInput,
  roleUpdateSchema,
} from "@/lib/validations/journal";
import { positionsImportSchema } from "@/lib/validations/role-import";

const add = authedAction(roleInputSchema, addRoleUseCase);
const update = authedAction(roleUpdateSchema, updateRoleUseCase);
const remove = authedAction(roleIdSchema, deleteRoleUseCase);
const importFile = authedAction(positionsImportSchema, importPositionsUseCase);

function revalidated<T>(result: ActionResult<T>): ActionResult<T> {
  // Roles are offered wherever a win is recorded, and label the journal's wins.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function addRole(input: RoleInput) {
  return revalidated(await add(input));
}

export async function updateRole(input: RoleUpdateInput) {
  return revalidated(await update(input));
}

export async function deleteRole(id: string) {
  return revalidated(await remove({ id }));
}

// The client reads the chosen file (file.text()) and sends its text.
export async function importPositions(text: string) {
  return revalidated(await importFile({ text }));
}
