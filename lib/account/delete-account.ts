import { deleteUserAccount, getAccountEmail } from "@/db/queries/account";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import type { DeleteAccountValues } from "@/lib/validations/account";

export const WRONG_EMAIL = "That is not the email you sign in with. Type it exactly to confirm.";

// Deletes the signed-in user's account once they have typed its email. The
// email is checked here, against the account, whatever the browser checked.
export async function deleteAccount(input: DeleteAccountValues, ctx: ActionContext): Promise<ActionResult<{ deleted: true }>> {
  const email = await getAccountEmail(ctx.db, { userId: ctx.userId });
  if (!email) return fail("Your account was not found. Sign in again.");
  if (input.email.trim().toLowerCase() !== email.trim().toLowerCase()) {
    return fail("Nothing was deleted.", { email: [WRONG_EMAIL] });
  }
  const isDeleted = await ctx.db.transaction((tx) => deleteUserAccount(tx, { userId: ctx.userId, email }));
  return isDeleted ? ok({ deleted: true }) : fail("Your account was not found. Sign in again.");
}
