import { insertSuccess } from "@/db/queries/successes";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import type { SuccessValues } from "@/lib/validations/success";

export async function recordSuccess(input: SuccessValues, ctx: ActionContext): Promise<ActionResult<{ id: string }>> {
  const { contactId, ...success } = input;
  const row = await ctx.db.transaction((tx) => insertSuccess(tx, { userId: ctx.userId, contactId, success }));
  return row ? ok(row) : fail("Contact not found.");
}
