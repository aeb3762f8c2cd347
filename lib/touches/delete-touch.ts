import { deleteTouch as removeTouch } from "@/db/queries/touches-write";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import type { TouchId } from "@/lib/validations/touch";

// Deletes a touch: a success it congratulated waits again, and its contacts'
// dates move back.
export async function deleteTouch(input: TouchId, ctx: ActionContext): Promise<ActionResult<{ id: string }>> {
  const outcome = await ctx.db.transaction((tx) => removeTouch(tx, { userId: ctx.userId, touchId: input.id }));
  return outcome === "done" ? ok({ id: input.id }) : fail("Touch not found.");
}
