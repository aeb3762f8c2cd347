import { deleteContact as deleteContactRow, setContactArchived, setContactSnooze } from "@/db/queries/contacts-write";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import type { ContactIdInput, SnoozeContactValues } from "@/lib/validations/contact";

const NOT_FOUND = "Contact not found.";

export async function archiveContact(input: ContactIdInput, ctx: ActionContext) {
  const row = await setContactArchived(ctx.db, { userId: ctx.userId, contactId: input.id, archived: true });
  return row ? ok(row) : fail(NOT_FOUND);
}

export async function unarchiveContact(input: ContactIdInput, ctx: ActionContext) {
  const row = await setContactArchived(ctx.db, { userId: ctx.userId, contactId: input.id, archived: false });
  return row ? ok(row) : fail(NOT_FOUND);
}

export async function deleteContact(input: ContactIdInput, ctx: ActionContext): Promise<ActionResult<{ id: string }>> {
  const row = await ctx.db.transaction((tx) => deleteContactRow(tx, { userId: ctx.userId, contactId: input.id }));
  return row ? ok(row) : fail(NOT_FOUND);
}

export async function snoozeContact(input: SnoozeContactValues, ctx: ActionContext) {
  const row = await setContactSnooze(ctx.db, { userId: ctx.userId, contactId: input.id, until: input.until });
  return row ? ok(row) : fail(NOT_FOUND);
}
