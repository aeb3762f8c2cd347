import {
  deleteCircle as deleteCircleRow,
  getCircle,
  insertCircle,
  isCircleNameTaken,
  renameCircle as renameCircleRow,
} from "@/db/queries/circles";
import type { CircleRow } from "@/lib/domain/circles";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import type { CreateCircleInput, DeleteCircleInput, RenameCircleInput } from "@/lib/validations/circle";

const NOT_FOUND = "Circle not found.";

function nameTaken(name: string): ActionResult<never> {
  return fail("Choose another name.", { name: [`You already have a circle called “${name}”.`] });
}

export async function createCircle(input: CreateCircleInput, ctx: ActionContext): Promise<ActionResult<CircleRow>> {
  const row = await insertCircle(ctx.db, { userId: ctx.userId, name: input.name });
  return row ? ok(row) : nameTaken(input.name);
}

export async function renameCircle(input: RenameCircleInput, ctx: ActionContext): Promise<ActionResult<CircleRow>> {
  const { userId, db } = ctx;
  if (!(await getCircle(db, { userId, circleId: input.id }))) return fail(NOT_FOUND);
  if (await isCircleNameTaken(db, { userId, name: input.name, exceptId: input.id })) return nameTaken(input.name);
  const row = await renameCircleRow(db, { userId, circleId: input.id, name: input.name });
  return row ? ok(row) : fail(NOT_FOUND);
}

export async function deleteCircle(input: DeleteCircleInput, ctx: ActionContext): Promise<ActionResult<CircleRow>> {
  const row = await deleteCircleRow(ctx.db, { userId: ctx.userId, circleId: input.id });
  return row ? ok(row) : fail(NOT_FOUND);
}
