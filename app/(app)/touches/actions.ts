"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { idempotent } from "@/lib/actions/idempotent";
import type { ActionResult } from "@/lib/actions/result";
import { deleteTouch as deleteTouchUseCase } from "@/lib/touches/delete-touch";
import { logTouch as logTouchUseCase } from "@/lib/touches/log-touch";
import { searchContactOptions as searchUseCase } from "@/lib/touches/search-contact-options";
import { updateTouch as updateTouchUseCase } from "@/lib/touches/update-touch";
import {
  contactSearchSchema,
  type TouchInput,
  touchIdSchema,
  touchInputSchema,
  type TouchUpdateInput,
  touchUpdateSchema,
} from "@/lib/validations/touch";

const log = authedAction(touchInputSchema, idempotent("touch", logTouchUseCase));
const update = authedAction(touchUpdateSchema, updateTouchUseCase);
const remove = authedAction(touchIdSchema, deleteTouchUseCase);
const search = authedAction(contactSearchSchema, searchUseCase);

function revalidated<T>(result: ActionResult<T>): ActionResult<T> {
  // Lists, contact pages and the dashboard all show dates a touch moves.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function logTouch(input: TouchInput) {
  return revalidated(await log(input));
}

export async function updateTouch(input: TouchUpdateInput) {
  return revalidated(await update(input));
}

export async function deleteTouch(id: string) {
  return revalidated(await remove({ id }));
}

export async function searchContactOptions(q: string) {
  return search({ q });
}
