import {
  deleteLearningItem,
  insertLearningItem,
  type LearningFields,
  updateLearningItem,
} from "@/db/queries/learning";
import { getUserSettings } from "@/db/queries/users";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import { todayIn } from "@/lib/domain/dates";
import type { LearningId, LearningUpdate, LearningValues } from "@/lib/validations/learning";

const MENTOR_NOT_FOUND = {
  formError: "Contact not found.",
  fieldErrors: { mentorId: ["That person was not found in your contacts. Choose them again."] },
};

const STARTS_AFTER_TODAY = {
  formError: "Some fields need your attention.",
  fieldErrors: {
    finishedOn: ["It starts after today, so it can't be done yet: enter the day you finished, or change Status."],
  },
};

// Done with no finished day means done today, where the user lives.
async function withFinishedDay(
  input: LearningValues,
  ctx: ActionContext,
  now: Date,
): Promise<LearningFields | "starts-after-today"> {
  if (input.status !== "done" || input.finishedOn !== null) return input;
  const settings = await getUserSettings(ctx.db, { userId: ctx.userId });
  const today = todayIn(settings?.timeZone ?? null, now);
  if (input.startedOn !== null && input.startedOn > today) return "starts-after-today";
  return { ...input, finishedOn: today };
}

function failed(outcome: "item-not-found" | "mentor-not-found"): ActionResult<never> {
  if (outcome === "mentor-not-found") return fail(MENTOR_NOT_FOUND.formError, MENTOR_NOT_FOUND.fieldErrors);
  return fail("Learning item not found.");
}

// Logs a course, book, talk, mentoring session or certification with the
// skills it builds (created in the user's skill list when new).
export async function addLearning(
  input: LearningValues,
  ctx: ActionContext,
  now: Date = new Date(),
): Promise<ActionResult<{ id: string }>> {
  const item = await withFinishedDay(input, ctx, now);
  if (item === "starts-after-today") return fail(STARTS_AFTER_TODAY.formError, STARTS_AFTER_TODAY.fieldErrors);
  const outcome = await ctx.db.transaction((tx) => insertLearningItem(tx, { userId: ctx.userId, item }));
  return typeof outcome === "string" ? failed(outcome) : ok(outcome);
}

// Edits an item; its skills become exactly those sent.
export async function updateLearning(
  input: LearningUpdate,
  ctx: ActionContext,
  now: Date = new Date(),
): Promise<ActionResult<{ id: string }>> {
  const { id, ...values } = input;
  const item = await withFinishedDay(values, ctx, now);
  if (item === "starts-after-today") return fail(STARTS_AFTER_TODAY.formError, STARTS_AFTER_TODAY.fieldErrors);
  const outcome = await ctx.db.transaction((tx) => updateLearningItem(tx, { userId: ctx.userId, itemId: id, item }));
  return typeof outcome === "string" ? failed(outcome) : ok(outcome);
}

export async function deleteLearning(input: LearningId, ctx: ActionContext): Promise<ActionResult<{ id: string }>> {
  const row = await deleteLearningItem(ctx.db, { userId: ctx.userId, itemId: input.id });
  return row ? ok(row) : fail("Learning item not found.");
}
