"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import type { ActionResult } from "@/lib/actions/result";
import { deleteSuccess as deleteSuccessUseCase } from "@/lib/successes/delete-success";
import { recordSuccess as recordSuccessUseCase } from "@/lib/successes/record-success";
import { updateSuccess as updateSuccessUseCase } from "@/lib/successes/update-success";
import {
  successIdSchema,
  type SuccessInput,
  successInputSchema,
  type SuccessUpdateInput,
  successUpdateSchema,
} from "@/lib/validations/success";

const record = authedAction(successInputSchema, recordSuccessUseCase);
const update = authedAction(successUpdateSchema, updateSuccessUseCase);
const remove = authedAction(successIdSchema, deleteSuccessUseCase);

function revalidated<T>(result: ActionResult<T>): ActionResult<T> {
  // The contact's timeline, the waiting list and the dashboard show successes.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function recordSuccess(input: SuccessInput) {
  return revalidated(await record(input));
}

export async function updateSuccess(input: SuccessUpdateInput) {
  return revalidated(await update(input));
}

export async function deleteSuccess(id: string) {
  return revalidated(await remove({ id }));
}
