import { requestReconnect } from "@/db/queries/schedule";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import type { ContactIdInput } from "@/lib/validations/contact";

// Puts a contact on Reconnect now: due until the next touch, then back on
// their cadence.
export async function addToReconnect(
  input: ContactIdInput,
  ctx: ActionContext,
): Promise<ActionResult<{ id: string; name: string }>> {
  const row = await ctx.db.transaction((tx) => requestReconnect(tx, { userId: ctx.userId, contactId: input.id }));
  return row ? ok(row) : fail("Contact not found.");
}
