import { updateSuccess as writeSuccess } from "@/db/queries/successes";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import type { SuccessUpdate } from "@/lib/validations/success";

export async function updateSuccess(input: SuccessUpdate, ctx: ActionContext): Promise<ActionResult<{ id: string }>> {
  const { id, ...success } = input;
  const row = await writeSuccess(ctx.db, { userId: ctx.userId, successId: id, success });
  return row ? ok(row) : fail("Success not found.");
}
