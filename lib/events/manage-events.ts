import { deleteEvent as deleteEventRow, insertEvent, updateEvent as updateEventRow } from "@/db/queries/events";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import type { DeleteEventValues, EventValues, UpdateEventValues } from "@/lib/validations/event";

const NOT_FOUND = "This event was not found. It may have been deleted.";

export async function createEvent(values: EventValues, ctx: ActionContext): Promise<ActionResult<{ id: string }>> {
  return ok(await insertEvent(ctx.db, { userId: ctx.userId, values }));
}

export async function updateEvent(
  input: UpdateEventValues,
  ctx: ActionContext,
): Promise<ActionResult<{ id: string }>> {
  const { eventId, ...values } = input;
  const row = await updateEventRow(ctx.db, { userId: ctx.userId, eventId, values });
  return row ? ok(row) : fail(NOT_FOUND);
}

export async function deleteEvent(input: DeleteEventValues, ctx: ActionContext): Promise<ActionResult<{ id: string }>> {
  const deleted = await deleteEventRow(ctx.db, { userId: ctx.userId, eventId: input.eventId });
  return deleted ? ok({ id: input.eventId }) : fail(NOT_FOUND);
}
