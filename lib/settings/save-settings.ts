import { updateUserSettings, type UserSettings } from "@/db/queries/users";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import type { Settings } from "@/lib/validations/settings";

export async function saveSettings(settings: Settings, ctx: ActionContext): Promise<ActionResult<UserSettings>> {
  const saved = await updateUserSettings(ctx.db, { userId: ctx.userId, settings });
  return saved ? ok(saved) : fail("Your account was not found. Sign in again.");
}
