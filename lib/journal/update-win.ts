import { updateWin as writeWin } from "@/db/queries/wins-write";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import type { WinUpdate } from "@/lib/validations/journal";
import { PERSON_NOT_FOUND, ROLE_NOT_FOUND } from "./record-win";

// Edits a win; its people and skills become exactly those sent.
export async function updateWin(input: WinUpdate, ctx: ActionContext): Promise<ActionResult<{ id: string }>> {
  const { id, ...win } = input;
  const outcome = await ctx.db.transaction((tx) => writeWin(tx, { userId: ctx.userId, winId: id, win }));
  if (outcome === "win-not-found") return fail("Win not found.");
  if (outcome === "role-not-found") return fail(ROLE_NOT_FOUND.formError, ROLE_NOT_FOUND.fieldErrors);
  if (outcome === "contact-not-found") return fail(PERSON_NOT_FOUND.formError, PERSON_NOT_FOUND.fieldErrors);
  return ok({ id });
}
