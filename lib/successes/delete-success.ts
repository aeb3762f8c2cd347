import { deleteSuccess as removeSuccess } from "@/db/queries/successes";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import type { SuccessId } from "@/lib/validations/success";

// The congratulation touch, if any, stays: it is still something that happened.
export async function deleteSuccess(input: SuccessId, ctx: ActionContext): Promise<ActionResult<{ id: string }>> {
  const row = await removeSuccess(ctx.db, { userId: ctx.userId, successId: input.id });
  return row ? ok(row) : fail("Success not found.");
}
