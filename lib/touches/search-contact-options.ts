import { searchContacts } from "@/db/queries/contact-search";
import type { ContactOption } from "@/lib/domain/contacts";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, ok } from "@/lib/actions/result";
import type { ContactSearch } from "@/lib/validations/touch";

export const CONTACT_OPTIONS_LIMIT = 8;

export async function searchContactOptions(
  input: ContactSearch,
  ctx: ActionContext,
): Promise<ActionResult<ContactOption[]>> {
  return ok(await searchContacts(ctx.db, { userId: ctx.userId, q: input.q, limit: CONTACT_OPTIONS_LIMIT }));
}
