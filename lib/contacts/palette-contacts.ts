import { paletteContacts } from "@/db/queries/contact-search";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, ok } from "@/lib/actions/result";
import type { PaletteContact } from "@/lib/domain/contacts";
import type { ContactSearch } from "@/lib/validations/touch";

// As many as fit the palette without scrolling past its actions and pages.
export const PALETTE_CONTACTS_LIMIT = 8;

export async function searchPaletteContacts(
  input: ContactSearch,
  ctx: ActionContext,
): Promise<ActionResult<PaletteContact[]>> {
  return ok(await paletteContacts(ctx.db, { userId: ctx.userId, q: input.q, limit: PALETTE_CONTACTS_LIMIT }));
}
