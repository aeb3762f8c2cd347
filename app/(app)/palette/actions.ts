"use server";

import { authedAction } from "@/lib/actions/authed-action";
import { searchPaletteContacts as searchUseCase } from "@/lib/contacts/palette-contacts";
import { contactSearchSchema } from "@/lib/validations/touch";

const search = authedAction(contactSearchSchema, searchUseCase);

// The command palette's contacts: the recent ones for an empty query, else the matches.
export async function searchPaletteContacts(q: string) {
  return search({ q });
}
