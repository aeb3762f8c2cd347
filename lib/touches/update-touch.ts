import { updateTouch as writeTouch } from "@/db/queries/touches-write";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import { occurredAtFromDate } from "@/lib/domain/touch-dates";
import type { TouchUpdate } from "@/lib/validations/touch";
import { CONTACT_NOT_FOUND } from "./log-touch";

// Edits a touch, its date and contacts included; the dates of everyone it
// involved before or after move with it.
export async function updateTouch(input: TouchUpdate, ctx: ActionContext): Promise<ActionResult<{ id: string }>> {
  const outcome = await ctx.db.transaction((tx) =>
    writeTouch(tx, {
      userId: ctx.userId,
      touchId: input.id,
      touch: {
        occurredAt: occurredAtFromDate(input.occurredOn),
        channel: input.channel,
        summary: input.summary,
        valueKind: input.valueKind,
        valueDirection: input.valueDirection,
        contactIds: input.contactIds,
      },
    }),
  );
  if (outcome === "touch-not-found") return fail("Touch not found.");
  if (outcome === "contact-not-found") return fail(CONTACT_NOT_FOUND.formError, CONTACT_NOT_FOUND.fieldErrors);
  return ok({ id: input.id });
}
