import { deleteWin as removeWin } from "@/db/queries/wins-write";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import type { WinId } from "@/lib/validations/journal";

export async function deleteWin(input: WinId, ctx: ActionContext): Promise<ActionResult<{ id: string }>> {
  const row = await removeWin(ctx.db, { userId: ctx.userId, winId: input.id });
  return row ? ok(row) : fail("Win not found.");
}
