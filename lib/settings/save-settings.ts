import { refreshContactSchedule } from "@/db/queries/schedule";
import { updateUserSettings } from "@/db/queries/users";
import type { UserSettings } from "@/lib/domain/settings";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import type { Settings } from "@/lib/validations/settings";

export async function saveSettings(settings: Settings, ctx: ActionContext): Promise<ActionResult<UserSettings>> {
  const saved = await ctx.db.transaction(async (tx) => {
    const row = await updateUserSettings(tx, { userId: ctx.userId, settings });
    // Contacts without a cadence of their own follow the default: move them.
    if (row) await refreshContactSchedule(tx, { userId: ctx.userId });
    return row;
  });
  return saved ? ok(saved) : fail("Your account was not found. Sign in again.");
}
