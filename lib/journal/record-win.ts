import { insertWin, winLinkProblem } from "@/db/queries/wins-write";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, notFoundResult, ok } from "@/lib/actions/result";
import type { WinValues } from "@/lib/validations/journal";

export const ROLE_NOT_FOUND = {
  formError: "That role was not found.",
  fieldErrors: { roleId: ["That role was not found. Choose one from the list."] },
};

export const PERSON_NOT_FOUND = {
  formError: "Contact not found.",
  fieldErrors: { people: ["One of these people was not found. Choose them again."] },
};

// Records a win with its people and skills. The role is what the form sent
// (the form preselects the default one; null is no role): nothing is
// guessed here, so a win saved "between roles" stays that way.
export async function recordWin(input: WinValues, ctx: ActionContext): Promise<ActionResult<{ id: string }>> {
  const { userId } = ctx;
  const outcome = await ctx.db.transaction(async (tx) => {
    const row = await insertWin(tx, { userId, win: input });
    if (row) return row;
    // Refused: find which field to point at (a second look, on this path only).
    return (await winLinkProblem(tx, { userId, win: input })) === "role" ? ("role-not-found" as const) : ("contact-not-found" as const);
  });
  if (outcome === "role-not-found") return notFoundResult(ROLE_NOT_FOUND.formError, ROLE_NOT_FOUND.fieldErrors);
  if (outcome === "contact-not-found") return notFoundResult(PERSON_NOT_FOUND.formError, PERSON_NOT_FOUND.fieldErrors);
  return ok({ id: outcome.id });
}
