import { getSuccess, markSuccessCongratulated } from "@/db/queries/successes";
import { insertTouch } from "@/db/queries/touches-write";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import { occurredAtFromDate } from "@/lib/domain/touch-dates";
import type { Touch } from "@/lib/validations/touch";

export const CONTACT_NOT_FOUND = {
  formError: "Contact not found.",
  fieldErrors: { contactIds: ["One of these contacts was not found. Choose them again."] },
};

// Logs a touch; with a successId it also marks that success congratulated, in
// the same transaction, but only a success of the user's whose contact is
// among the touch's (else nothing is written).
export async function logTouch(input: Touch, ctx: ActionContext): Promise<ActionResult<{ id: string }>> {
  const { userId } = ctx;
  const outcome = await ctx.db.transaction(async (tx) => {
    if (input.successId) {
      const success = await getSuccess(tx, { userId, successId: input.successId });
      if (!success || !input.contactIds.includes(success.contactId)) return "success-not-found" as const;
    }
    const touch = await insertTouch(tx, {
      userId,
      touch: {
        occurredAt: occurredAtFromDate(input.occurredOn),
        channel: input.channel,
        summary: input.summary,
        valueKind: input.valueKind,
        valueDirection: input.valueDirection,
        contactIds: input.contactIds,
      },
    });
    if (!touch) return "contact-not-found" as const;
    if (input.successId) await markSuccessCongratulated(tx, { userId, successId: input.successId, touchId: touch.id });
    return touch;
  });
  if (outcome === "success-not-found") return fail("Success not found.");
  if (outcome === "contact-not-found") return fail(CONTACT_NOT_FOUND.formError, CONTACT_NOT_FOUND.fieldErrors);
  return ok({ id: outcome.id });
}
