import {
  countWinsForRole,
  deleteRole as removeRole,
  insertRole,
  updateRole as writeRole,
} from "@/db/queries/roles";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import type { RoleId, RoleUpdate, RoleValues } from "@/lib/validations/journal";

export async function addRole(input: RoleValues, ctx: ActionContext): Promise<ActionResult<{ id: string }>> {
  return ok(await insertRole(ctx.db, { userId: ctx.userId, role: input }));
}

export async function updateRole(input: RoleUpdate, ctx: ActionContext): Promise<ActionResult<{ id: string }>> {
  const { id, ...role } = input;
  const row = await writeRole(ctx.db, { userId: ctx.userId, roleId: id, role });
  return row ? ok(row) : fail("Role not found.");
}

// The role's wins stay in the journal, without a role; `winsKept` says how many.
export async function deleteRole(input: RoleId, ctx: ActionContext): Promise<ActionResult<{ id: string; winsKept: number }>> {
  const params = { userId: ctx.userId, roleId: input.id };
  const deleted = await ctx.db.transaction(async (tx) => {
    const winsKept = await countWinsForRole(tx, params);
    const row = await removeRole(tx, params);
    return row ? { ...row, winsKept } : undefined;
  });
  return deleted ? ok(deleted) : fail("Role not found.");
}
