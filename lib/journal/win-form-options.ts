import { listRoles } from "@/db/queries/roles";
import { getWinForEdit, searchSkills } from "@/db/queries/wins-write";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import type { RoleOption } from "@/lib/domain/journal";
import type { SkillOption, WinForEdit } from "@/lib/domain/win-form";
import type { WinId } from "@/lib/validations/journal";
import type { RoleOptionsInput, SkillSearch } from "@/lib/validations/win-form-lookups";

export const SKILL_OPTIONS_LIMIT = 8;

// What the record-a-win form reads when it opens or as the user types.

export async function loadWinForEdit(input: WinId, ctx: ActionContext): Promise<ActionResult<WinForEdit>> {
  const win = await getWinForEdit(ctx.db, { userId: ctx.userId, winId: input.id });
  return win ? ok(win) : fail("Win not found.");
}

export async function searchSkillOptions(input: SkillSearch, ctx: ActionContext): Promise<ActionResult<SkillOption[]>> {
  return ok(await searchSkills(ctx.db, { userId: ctx.userId, q: input.q, limit: SKILL_OPTIONS_LIMIT }));
}

export async function listRoleOptions(_input: RoleOptionsInput, ctx: ActionContext): Promise<ActionResult<RoleOption[]>> {
  return ok(await listRoles(ctx.db, { userId: ctx.userId }));
}
